// Build the CLI: type-check with tsc, then bundle with esbuild into dist/ (ESM, code-split at each
// subcommand's dynamic import). One bundle loads in ~half the time of hundreds of small modules,
// which is what keeps `--help` and a single-file `validate` near a bare `node` start.
// Heavy libraries (docx, pdf-lib, fontkit, fonts, spreadsheets) stay external and load lazily.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

const external = [
  'docx',
  'pdf-lib',
  'fontkit',
  '@pdf-lib/*',
  '@expo-google-fonts/*',
  'write-excel-file',
  'read-excel-file',
  'mailparser',
  'yauzl',
  'fflate',
  '@xmldom/xmldom',
  'word-extractor',
  '@inquirer/*',
];

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  // The worker threads' entry (validate/pool.ts) sits beside the chunks, found by its URL.
  entryPoints: { bin: 'src/bin.ts', 'check-worker': 'src/validate/check-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: 'linked',
  legalComments: 'none',
  minify: true,
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __lwCreateRequire } from 'node:module'; const require = __lwCreateRequire(import.meta.url);" },
  // Flat: every chunk sits in dist/, so `new URL('..', import.meta.url)` is the package root from any of them.
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
});
