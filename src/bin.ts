/** Entry point of the built CLI (`bin/lifelong-week` imports this and nothing else). */
import { main } from './cli.js';

process.exitCode = await main();
