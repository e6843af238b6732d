// Bundles with esbuild: the CLI and language server (one file, dist/sovereign-lint.js, run through its
// launcher dist/cli.js), the VS Code extension
// (dist/client.js) and the editor end-to-end suite (out/e2e/suite.js). Type checking is `tsc -p .`
// (npm run typecheck); esbuild only strips types and bundles. `--production` minifies and drops maps.
import { spawnSync } from 'node:child_process';
import { chmod } from 'node:fs/promises';
import { build } from 'esbuild';

const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  alias: {
    // jsonc-parser's UMD build hides its requires from bundlers; its ESM build bundles cleanly.
    'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js',
    // fdir's ESM build needs import.meta.url, which a CommonJS bundle does not have.
    fdir: './node_modules/fdir/dist/index.cjs',
  },
};

await Promise.all([
  build({ ...common, entryPoints: { 'sovereign-lint': 'server/src/cli/bin.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { cli: 'server/src/launcher.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  build({ ...common, entryPoints: { suite: 'test/e2e/suite.ts', multiRoot: 'test/e2e/multiRoot.ts' }, outdir: 'out/e2e', external: ['vscode'] }),
]);
// The CLI is the package's `bin`: esbuild writes a plain file, and a rebuild (npm run package) must not
// leave `npx sovereign-lint` with a file it may not execute.
await chmod('dist/cli.js', 0o755);
// The launcher's code cache (see server/src/launcher.ts), made by the Node that built the bundle, warmed by
// a scan of the bundled examples (which exits 1: they do not all meet the sovereign target).
const warm = spawnSync(process.execPath, ['dist/cli.js', 'scan', 'examples'], {
  env: { ...process.env, SOVEREIGN_LINT_WRITE_CODE_CACHE: '1' },
  stdio: 'ignore',
});
// The cache only saves time: without it every run compiles the bundle as before, so a failure here is a warning.
if (warm.error || (warm.status !== 0 && warm.status !== 1)) console.warn(`build: no code cache written (${warm.error ?? `the warm-up scan exited ${warm.status}`})`);
