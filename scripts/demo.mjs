// `npm run demo`: the main job on the embedded sample data, as a district clerk and the city centre
// would run it — render a submission as the Word file and the PDF to print, stamp and send; write
// blank templates; then check the centre's sample inbox (mails, Word, Excel, scans, archives) unit
// by unit, merge it, and write the reminders as drafts (nothing is sent). Outputs go to out/demo/
// (re-running replaces them).
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyInboxTimes } from './inbox-times.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = `${root}bin/lifelong-week`;
const bold = process.stdout.isTTY && !process.env.NO_COLOR ? (t) => `\x1b[1m${t}\x1b[0m` : (t) => t;
const step = (title, args) => {
  console.log(`\n${bold(`$ lifelong-week ${args.join(' ')}`)}   # ${title}\n`);
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
};

// The inbox as the centre saved it (git keeps no file times: put the story's times back on a copy).
const inbox = `${root}out/demo/收件箱`;
rmSync(inbox, { recursive: true, force: true });
cpSync(`${root}fixtures/inbox`, inbox, { recursive: true });
await applyInboxTimes(inbox);

const codes = [
  step('区县：检查填好的报送文件', ['validate', 'fixtures/sample/东湖区.yaml']),
  step('区县：生成 Word 和 PDF', ['render', 'fixtures/sample/东湖区.yaml', '-o', 'out/demo', '--force']),
  step('市中心：给西湖区生成空白模板（YAML、Word、可填写的 PDF）', [
    'template',
    '--format',
    'yaml,docx,pdf',
    '--fillable',
    '--district',
    '西湖区',
    '-o',
    'out/demo/templates',
    '--force',
  ]),
];
// The inbox is meant to have trouble in it (missing, late, invalid units): its exit code 1 is the point.
step('市中心：按名册核对收件箱（邮件、Word、Excel、扫描件、压缩包）', ['validate', 'out/demo/收件箱']);
step('市中心：汇总成全市汇总表，并生成全市的统计表', [
  'merge',
  'out/demo/收件箱',
  '-o',
  'out/demo/汇总',
  '--format',
  'xlsx,csv',
  '--city-report',
  '--force',
]);
// Reminders as drafts only (nothing is sent), dated the day before the deadline as the centre would write them.
process.env.LIFELONG_WEEK_TODAY ??= '2023-11-29';
step('市中心：给未报送、逾期、有误或材料不全的单位写催报邮件草稿（只生成草稿，不发送）', [
  'remind',
  'out/demo/收件箱',
  '-o',
  'out/demo/催报邮件',
  '--force',
]);
console.log(
  '\n示例完成：生成的文件在 out/demo/ 中；全市汇总表在 out/demo/汇总/南昌市2023年全民终身学习活动周汇总.xlsx；催报邮件草稿（.eml）在 out/demo/催报邮件/。',
);
process.exitCode = codes.find((c) => c !== 0) ?? 0;
