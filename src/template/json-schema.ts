/** The JSON Schema of the YAML format, derived from the form via the Zod input schema. */
import * as z from 'zod/mini';
import { unitNames, type Campaign } from '../campaign/campaign.js';
import { inputSchema } from '../form/schema.js';

export const SCHEMA_FILE = 'schemas/submission.schema.json';

export function jsonSchema(campaign: Campaign): Record<string, unknown> {
  const schema = z.toJSONSchema(inputSchema({ year: campaign.year, theme: campaign.theme, unitNames: unitNames(campaign) }), {
    target: 'draft-7',
    io: 'input',
  }) as Record<string, unknown>;
  return { ...schema, $id: `lifelong-week/${campaign.year}-${campaign.city}/submission.schema.json` };
}

export function jsonSchemaText(campaign: Campaign): string {
  return `${JSON.stringify(jsonSchema(campaign), null, 2)}\n`;
}
