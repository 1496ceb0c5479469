// `npm run demo`: the main job on the embedded sample data, as a district clerk and the city centre
// would run it: validate the sample submissions, then render one as the Word file and the PDF to
// print, stamp and send. Outputs go to out/demo/ (re-running replaces them).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = `${root}bin/lifelong-week`;
const bold = process.stdout.isTTY && !process.env.NO_COLOR ? (t) => `\x1b[1m${t}\x1b[0m` : (t) => t;
const step = (title, args) => {
  console.log(`\n${bold(`$ lifelong-week ${args.join(' ')}`)}   # ${title}\n`);
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
};

const codes = [
  step('检查示例报送文件', ['validate', 'fixtures/sample']),
  step('生成东湖区的 Word 和 PDF', ['render', 'fixtures/sample/东湖区.yaml', '-o', 'out/demo', '--force']),
  step('生成西湖区的空白模板（YAML、Word、可填写的 PDF）', ['template', '--format', 'yaml,docx,pdf', '--fillable', '--district', '西湖区', '-o', 'out/demo/templates', '--force']),
];
console.log('\n示例完成：生成的文件在 out/demo/ 中。');
process.exitCode = codes.find((c) => c !== 0) ?? 0;
