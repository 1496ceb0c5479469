// The esbuild options of the browser bundle (`serve`'s page), shared by the build and the test that
// checks what the bundle contains.
export function browserBuild(overrides = {}) {
  return {
    entryPoints: { app: 'src/web/client.ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome100', 'firefox100', 'safari15'],
    outdir: 'dist/web',
    minify: process.env.LW_NO_MINIFY ? false : true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    // A Node built-in reached from the page is a build error, not a silent polyfill.
    plugins: [
      {
        name: 'no-node-builtins',
        setup(b) {
          b.onResolve({ filter: /^node:/ }, (args) => ({
            errors: [{ text: `${args.path} imported by ${args.importer}: the browser bundle must stay pure` }],
          }));
        },
      },
    ],
    ...overrides,
  };
}
