/**
 * The blank YAML template: every field of the form, in form order, with its hint and an example as
 * comments, and the defaults filled in (year, theme; the unit and its department with --district).
 * Validating it untouched gives exactly one "required" error per required field still empty.
 * Written by the one YAML writer (`submission-yaml.ts`), like `fill`'s output.
 */
import type { Campaign, RosterUnit } from '../campaign/campaign.js';
import { FIELDS, FURNITURE, type FieldSpec } from '../form/definition.js';
import { submissionYaml } from './submission-yaml.js';

export interface YamlTemplateOptions {
  /** Prefill 举办县区 and 教育行政部门（盖章）. */
  unit?: RosterUnit;
  /** Where editors find the JSON Schema (`# yaml-language-server: $schema=…`). */
  schemaRef: string;
}

function prefill(spec: FieldSpec, campaign: Campaign, unit: RosterUnit | undefined): string | number | undefined {
  if (spec.default === 'campaign.year') return campaign.year;
  if (spec.default === 'campaign.theme') return campaign.theme;
  if (spec.default === 'roster.department') return unit?.department;
  if (spec.kind === 'unit') return unit?.name;
  return undefined;
}

/**
 * What a submission's YAML says at its top: what it is, how to check it, and what to send by when
 * — the four pieces the notice asks for (「四、其他事项」), said once for the template and `fill`.
 */
export function yamlHeader(campaign: Campaign, opts: { schemaRef: string; unit?: string; madeBy?: string; howTo?: boolean }): string[] {
  return [
    `yaml-language-server: $schema=${opts.schemaRef}`,
    '',
    `${FURNITURE.title(campaign.year)}${opts.unit ? `（${opts.unit}）` : ''} —— 报送文件${opts.madeBy ? `（${opts.madeBy}）` : ''}`,
    ...(opts.howTo ? ['填写方法：在每一项的冒号后面留一个空格再填写；以「#」开头的行是说明，可以保留。'] : []),
    '检查：lifelong-week validate 本文件名；生成 Word 和 PDF：lifelong-week render 本文件名',
    `报送：${campaign.deadline} 前将统计表 Word 文件、盖章后的扫描件（PDF）、工作方案和工作总结发送至 ${campaign.mailbox}。`,
  ];
}

export function yamlTemplate(campaign: Campaign, opts: YamlTemplateOptions): string {
  const { unit } = opts;
  const values = Object.fromEntries(FIELDS.map((f) => [f.id, prefill(f, campaign, unit)]));
  return submissionYaml(values, {
    year: campaign.year,
    howTo: true,
    header: yamlHeader(campaign, { schemaRef: opts.schemaRef, ...(unit ? { unit: unit.name } : {}), howTo: true }),
  });
}
