/**
 * The draft: the answers so far, saved after every answer so that nothing is lost. It is
 * the clerk's own YAML format (`yaml.ts`) — readable by `validate` and `fill --from` too — plus one
 * comment line holding where the interview stands.
 *
 * Where: `~/.lifelong-week/drafts/<year>-<unit>.yaml`. In the home folder, not beside the output,
 * because `fill --resume` must find it from any folder and whatever `-o` was; one per campaign year
 * and unit, because that is what one interview fills in.
 */
import { join } from 'node:path';
import type { Campaign } from '../campaign/campaign.js';
import { fieldById, isFieldId, type FieldId } from '../form/definition.js';
import { readYamlText } from '../read/yaml.js';
import { normalizeField } from '../validate/validate.js';
import type { InterviewState } from './state.js';
import { submissionYaml } from '../template/submission-yaml.js';

const META = 'lifelong-week-fill:';
const META_LINE = /^#\s*lifelong-week-fill:\s*(\{.*\})\s*$/m;

/** The unit's name in a draft's file name before one is chosen. */
export const UNNAMED = '未选单位';

export function draftDir(home: string): string {
  return join(home, '.lifelong-week', 'drafts');
}

export function draftPath(home: string, campaign: Campaign, unit: string | undefined): string {
  return join(draftDir(home), `${campaign.year}-${(unit ?? UNNAMED).replace(/[\\/:*?"<>|\s]/g, '_')}.yaml`);
}

/** Which drafts in a listing belong to this campaign's year. */
export function isDraftName(name: string, campaign: Campaign): boolean {
  return name.startsWith(`${campaign.year}-`) && name.endsWith('.yaml');
}

export function draftText(state: InterviewState): string {
  const meta = JSON.stringify({ v: 1, queue: state.queue, pos: state.pos });
  return submissionYaml(state.values, {
    header: [
      'lifelong-week fill 的草稿：每答一题自动保存。继续填写：lifelong-week fill --resume',
      '（下一行记录填写进度，请勿修改。）',
      `${META} ${meta}`,
    ],
  });
}

export type ParsedDraft = { ok: true; state: InterviewState } | { ok: false };

/** A draft back into interview state. Values that no longer pass (edited by hand) are asked again. */
export function parseDraft(text: string, campaign: Campaign): ParsedDraft {
  const m = META_LINE.exec(text);
  if (!m) return { ok: false };
  let meta: { queue?: unknown; pos?: unknown };
  try {
    meta = JSON.parse(m[1]!) as typeof meta;
  } catch {
    return { ok: false };
  }
  if (!Array.isArray(meta.queue) || !meta.queue.every((id) => typeof id === 'string' && isFieldId(id)) || typeof meta.pos !== 'number')
    return { ok: false };
  const queue = meta.queue as FieldId[];
  const pos = Math.max(0, Math.min(Math.trunc(meta.pos), queue.length));
  const raw = readYamlText(text, 'yaml');
  const values: Record<string, unknown> = {};
  const again: FieldId[] = [];
  for (const [id, entry] of raw.entries) {
    const result = normalizeField(fieldById(id), entry.value, campaign);
    if (result.value !== undefined && !result.problems.some((p) => p.severity === 'error')) values[id] = result.value;
    else if (result.problems.some((p) => p.severity === 'error')) again.push(id);
  }
  const rest = queue.slice(pos).filter((id) => !again.includes(id));
  return { ok: true, state: { values, queue: [...queue.slice(0, pos), ...again, ...rest], pos } };
}
