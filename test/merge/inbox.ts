/**
 * A small inbox for the merge tests, built from the sample submission (fixtures/sample/东湖区.yaml):
 * varied units, figures and times, one invalid form, one late form, a superseded revision, and odd
 * files (a scan, a note, an archive format we do not read).
 */
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFixture, tempDir } from '../helpers.js';

export interface UnitSpec {
  unit: string;
  activities: number | string;
  participants: number | string;
  satisfaction: number;
  period: string;
  /** When the file arrived (ISO with zone). */
  at: string;
  file?: string;
  featured?: string;
}

const TEMPLATE = readFixture('sample', '东湖区.yaml').toString('utf8');

export function submissionYaml(s: UnitSpec): string {
  let text = TEMPLATE.replaceAll('东湖区', s.unit).replaceAll('东湖', s.unit.replace(/[区县]$/, ''));
  text = text
    .replace('全区参与活动的数量: 36', `全区参与活动的数量: ${s.activities}`)
    .replace('参加活动人数: 1.2万人次', `参加活动人数: ${s.participants}`)
    .replace('群众满意度: 98%', `群众满意度: ${s.satisfaction}%`)
    .replace('活动时间: 2023年11月15日至11月21日', `活动时间: ${s.period}`);
  if (s.featured !== undefined) text = text.replace(/有特色的活动: .*/, `有特色的活动: "${s.featured.replace(/"/g, '\\"')}"`);
  return text;
}

/** Valid and on time unless said otherwise; the figures the tests add up. */
export const UNITS: UnitSpec[] = [
  {
    unit: '东湖区',
    activities: 36,
    participants: 12000,
    satisfaction: 98,
    period: '2023年11月15日至11月21日',
    at: '2023-11-28T10:00:00+08:00',
  },
  // A text that starts like a formula: it must stay text in the workbook and be escaped in the CSV.
  {
    unit: '西湖区',
    activities: 20,
    participants: 5000,
    satisfaction: 90,
    period: '2023年11月12日至11月20日',
    at: '2023-11-29T09:30:00+08:00',
    featured: '=HYPERLINK("http://evil.example","点我")',
  },
  // Late: received after the deadline day.
  {
    unit: '青云谱区',
    activities: 10,
    participants: 3000,
    satisfaction: 95.5,
    period: '2023年11月18日至11月25日',
    at: '2023-12-01T08:15:00+08:00',
  },
  // Invalid: 很多 is not a number.
  {
    unit: '新建区',
    activities: 12,
    participants: '很多',
    satisfaction: 99,
    period: '2023年11月16日至11月22日',
    at: '2023-11-27T16:00:00+08:00',
  },
  // Two revisions: the later one counts.
  {
    unit: '南昌县',
    activities: 1,
    participants: 100,
    satisfaction: 80,
    period: '2023年11月10日至11月11日',
    at: '2023-11-20T10:00:00+08:00',
    file: '南昌县（初稿）.yaml',
  },
  {
    unit: '南昌县',
    activities: 40,
    participants: 20000,
    satisfaction: 97,
    period: '2023年11月8日至11月28日',
    at: '2023-11-30T23:00:00+08:00',
    file: '南昌县（修改稿）.yaml',
  },
];

/** The valid units' figures as the tests expect them (南昌县's later revision, 新建区 left out). */
export const EXPECTED = {
  units: ['东湖区', '西湖区', '青云谱区', '南昌县'],
  activities: 36 + 20 + 10 + 40,
  participants: 12000 + 5000 + 3000 + 20000,
  satisfactionMean: (98 + 90 + 95.5 + 97) / 4,
  satisfactionWeighted: (98 * 12000 + 90 * 5000 + 95.5 * 3000 + 97 * 20000) / 40000,
  period: { start: '2023-11-08', end: '2023-11-28' },
};

export const ODD_FILES = ['东湖区盖章扫描件.jpg', '说明.txt', '西湖区材料.rar'];

export function setTime(path: string, iso: string): void {
  const t = new Date(iso);
  utimesSync(path, t, t);
}

export function buildInbox(units: readonly UnitSpec[] = UNITS, odd = true): string {
  const root = tempDir('lw-merge-');
  const dir = join(root, '收件箱');
  mkdirSync(dir);
  for (const s of units) {
    const path = join(dir, s.file ?? `${s.unit}.yaml`);
    writeFileSync(path, submissionYaml(s));
    setTime(path, s.at);
  }
  if (odd) {
    // A JPEG's first bytes: a stamped scan by its name.
    writeFileSync(join(dir, ODD_FILES[0]!), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]));
    writeFileSync(join(dir, ODD_FILES[1]!), '这是说明。\n');
    writeFileSync(join(dir, ODD_FILES[2]!), Buffer.from('Rar!\x1a\x07\x00', 'latin1'));
    for (const f of ODD_FILES) setTime(join(dir, f), '2023-11-28T11:00:00+08:00');
  }
  return dir;
}
