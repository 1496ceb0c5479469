/** Entry point of the built CLI (`bin/lifelong-week` imports this and nothing else). */
import { main } from './cli.js';

// `lifelong-week validate 收件箱 | head`: the reader went away; that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });

process.exitCode = await main();
