// `npm run demo`: the main job on the embedded sample data, as the city centre would run it.
// For now: validate the sample submissions and print the report (later: render and merge).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = `${root}bin/lifelong-week`;
const step = (title, args) => {
  console.log(`\n\x1b[1m$ lifelong-week ${args.join(' ')}\x1b[0m   # ${title}\n`);
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
};

const code = step('检查示例报送文件', ['validate', 'fixtures/sample']);
console.log(`\n示例完成。试试：lifelong-week template --format yaml --district 东湖区 -o 东湖区.yaml`);
process.exitCode = code;
