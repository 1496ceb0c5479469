// Runs the built CLI in this process and prints its peak RSS (KB) to stderr on exit, so the
// benchmark can measure memory without any system tool: node bench/measure.mjs validate DIR
process.argv.splice(1, 1, new URL('../bin/lifelong-week', import.meta.url).pathname);
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\n__maxrss_kb=${u.maxRSS}\n__cpu_ms=${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)}\n`);
});
await import('../dist/bin.js');
