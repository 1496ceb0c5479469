// Build the CLI: type-check with tsc, then bundle with esbuild into dist/ (ESM).
// - dist/bin.js: argument parsing only (commander and the help texts): `--help` loads nothing else.
// - dist/cmd-<name>.js: one self-contained bundle per subcommand, imported by bin.js when that
//   subcommand runs. One file loads faster than the two dozen small shared chunks code-splitting
//   made (each module costs resolution, compilation and a createRequire): this keeps a single-file
//   `validate` near a bare `node` start (bench/run.mjs). Each bundle has its own copy of the shared
//   code, so bin.js recognises the typed errors by name (core/errors.ts).
// - dist/check-worker.js: the worker threads' entry (inbox/pool.ts finds it beside itself).
// Heavy libraries (docx, pdf-lib, fonts, spreadsheets, mail, zip, XML) stay external and
// are imported where they are used, at run time, so a command loads only what its input needs.
import { build } from 'esbuild';
import { copyFile, rm } from 'node:fs/promises';
import { browserBuild } from './browser-build.mjs';

const external = [
  'docx',
  'pdf-lib',
  '@pdf-lib/*',
  '@expo-google-fonts/*',
  'write-excel-file',
  'read-excel-file',
  'mailparser',
  'fflate',
  '@xmldom/xmldom',
  'word-extractor',
  // Only when a text PDF not made by this tool is met (read/pdf-text.ts), or traditional characters (read/traditional.ts).
  'pdfjs-dist',
  'opencc-js',
  '@inquirer/*',
  // Only on a colour terminal (report/paint.ts): a pipe or NO_COLOR never loads it.
  'chalk',
  // Only `fetch` and `remind --send` talk to mail servers.
  'imapflow',
  'nodemailer',
  'nodemailer/*',
  // Only when a scan is checked (scan/images.ts, scan/ocr.ts).
  'jpeg-js',
  'pngjs',
  'tesseract.js',
];

const COMMANDS = ['validate', 'template', 'schema', 'render', 'fill', 'merge', 'fetch', 'remind', 'serve'];

/** In bin.js, `import('./commands/x.js')` is the separate bundle `./cmd-x.js`. */
const commandsExternal = {
  name: 'commands-external',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/[a-z-]+\.js$/ }, (args) =>
      /[\\/]cli\.ts$/.test(args.importer) ? { path: `./cmd-${args.path.slice('./commands/'.length)}`, external: true } : undefined,
    );
  },
};

const common = {
  bundle: true,
  splitting: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: 'linked',
  legalComments: 'none',
  minify: process.env.LW_NO_MINIFY ? false : true,
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __lwCreateRequire } from 'node:module'; const require = __lwCreateRequire(import.meta.url);" },
  // Flat: every file sits in dist/, so `new URL('..', import.meta.url)` is the package root from any of them.
  outdir: 'dist',
  logLevel: 'warning',
};

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({ ...common, entryPoints: { bin: 'src/bin.ts' }, plugins: [commandsExternal] });
await build({
  ...common,
  entryPoints: {
    ...Object.fromEntries(COMMANDS.map((c) => [`cmd-${c}`, `src/commands/${c}.ts`])),
    'check-worker': 'src/inbox/check-worker.ts',
  },
});

// The browser page of `serve` (dist/web/): the pure core (form, normalisers, rules, unit search)
// and the page code, for the browser — no node: module, no renderer, no font (test/serve/bundle.test.ts).
await build(browserBuild());
await copyFile(new URL('../src/web/style.css', import.meta.url), new URL('../dist/web/app.css', import.meta.url));
