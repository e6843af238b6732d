// Bundles the CLI (and, later, the language server and the extension) with esbuild. Type checking
// is `tsc -p .` (npm run typecheck); esbuild only strips types and bundles.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'server/src/cli/bin.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  alias: {
    // jsonc-parser's UMD build hides its requires from bundlers; its ESM build bundles cleanly.
    'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js',
    // fdir's ESM build needs import.meta.url, which a CommonJS bundle does not have.
    fdir: './node_modules/fdir/dist/index.cjs',
  },
  sourcemap: true,
  minify: false,
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
