/** `lifelong-week schema`: the JSON Schema of the YAML format, for editors (yaml-language-server). */
import type { Io } from '../core/io.js';
import { writeFileAtomic } from '../core/io.js';
import { say } from '../core/say.js';
import { jsonSchemaText } from '../template/json-schema.js';
import { loadCampaign } from './shared.js';

export async function runSchema(opts: { output?: string; force?: boolean; campaign?: string }, io: Io): Promise<number> {
  const campaign = await loadCampaign(opts.campaign, io.lang);
  const text = jsonSchemaText(campaign);
  if (!opts.output) {
    io.out(text);
    return 0;
  }
  await writeFileAtomic(opts.output, text, { force: Boolean(opts.force), lang: io.lang });
  io.err(say(io.lang, 'cli.wrote', { output: opts.output }));
  return 0;
}
