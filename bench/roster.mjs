// The roster's unit names for the generated inboxes of the benches, read from the campaign the tool
// writes out (`template --format campaign` → templates/campaign-2023-nanchang.yaml), not typed again.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const campaign = parse(readFileSync(new URL('../templates/campaign-2023-nanchang.yaml', import.meta.url), 'utf8'));

/** 东湖区, 西湖区, … 湾里管理局, in roster order. */
export const UNITS = campaign.roster.map((u) => u.name);
