/**
 * The blank YAML template: every field of the form, in form order, with its hint and an example as
 * comments, and the defaults filled in (year, theme; the unit and its department with --district).
 * Validating it untouched gives exactly one "required" error per required field still empty.
 */
import type { Campaign, RosterUnit } from '../campaign/campaign.js';
import { exampleFor, FORM, FURNITURE, type FieldSpec, type FormItem } from '../form/definition.js';

export interface YamlTemplateOptions {
  /** Prefill 举办县区 and 教育行政部门（盖章）. */
  unit?: RosterUnit;
  /** Where editors find the JSON Schema (`# yaml-language-server: $schema=…`). */
  schemaRef: string;
}

/** YAML needs quotes only for text that would otherwise parse as something else. */
function scalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return /^[\s\-?:,[\]{}#&*!|>'"%@`]|: | #|\s$/.test(value) || /^(true|false|null|yes|no|~|\d+(\.\d+)?)$/i.test(value)
    ? JSON.stringify(value)
    : value;
}

function prefill(spec: FieldSpec, campaign: Campaign, unit: RosterUnit | undefined): string | number | undefined {
  if (spec.default === 'campaign.year') return campaign.year;
  if (spec.default === 'campaign.theme') return campaign.theme;
  if (spec.default === 'roster.department') return unit?.department;
  if (spec.kind === 'unit') return unit?.name;
  return undefined;
}

function fieldLines(spec: FieldSpec, campaign: Campaign, unit: RosterUnit | undefined, indent: string): string[] {
  const lines = [`${indent}# ${spec.label}（${spec.required ? '必填' : '选填'}）：${spec.hint}。例：${exampleFor(spec, campaign.year)}`];
  if (spec.kind === 'contacts')
    lines.push(
      `${indent}#   也可逐人填写：`,
      `${indent}#   ${spec.label}:`,
      `${indent}#     - 姓名: 张敏`,
      `${indent}#       电话: 0791-86771234`,
    );
  if (spec.kind === 'longText')
    lines.push(`${indent}#   内容较长可分行：冒号后写「|」，换行后每行缩进两格。`);
  const value = prefill(spec, campaign, unit);
  lines.push(`${indent}${spec.label}:${value === undefined ? '' : ` ${scalar(value)}`}`);
  return lines;
}

export function yamlTemplate(campaign: Campaign, opts: YamlTemplateOptions): string {
  const { unit } = opts;
  const out = [
    `# yaml-language-server: $schema=${opts.schemaRef}`,
    '#',
    `# ${FURNITURE.title(campaign.year)}${unit ? `（${unit.name}）` : ''} —— 报送文件`,
    '# 填写方法：在每一项的冒号后面留一个空格再填写；以「#」开头的行是说明，可以保留。',
    '# 填好后检查：lifelong-week validate 本文件名',
    `# 报送：${campaign.deadline} 前将 Word 电子版和盖章后的扫描件（PDF）发送至 ${campaign.mailbox}。`,
    '',
  ];
  for (const item of FORM as readonly FormItem[]) {
    if (item.type === 'field') {
      out.push(...fieldLines(item, campaign, unit, ''), '');
    } else {
      out.push(`# ── ${item.label} ──`, `${item.label}:`);
      for (const spec of item.fields) out.push(...fieldLines(spec, campaign, unit, '  '));
      out.push('');
    }
  }
  out.push(`# ${FURNITURE.footnote}`);
  return `${out.join('\n')}\n`;
}
