// The `sovereign-lint` executable (dist/cli.js): loads the bundled CLI and language server
// (dist/sovereign-lint.js), for the CLI with V8's code cache. Compiling the 3 MB bundle, and then each function as it
// first runs, is a fixed cost of every scan: the cache, written by the build (`scripts/build.mjs`) after
// scanning the bundled examples, holds that work already done. A cache made by another Node version, or
// none at all, is rejected by V8 and the bundle compiles as usual: the cache only ever saves time.
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

const bundle = path.join(__dirname, 'sovereign-lint.js');
const cacheFile = `${bundle}.cache`;
/** Set by the build to write the cache when this run exits. */
const writeCache = process.env.SOVEREIGN_LINT_WRITE_CODE_CACHE === '1';

if (process.argv[2] === 'lsp') {
  // The language server starts once and then stays: the 0.04 s the cache saves matter less there than the
  // 6 MB of resident memory loading through it costs, against an idle budget of 80 MB.
  require(bundle);
} else {
  runCached();
}

function runCached(): void {
  const source = fs.readFileSync(bundle, 'utf8');
  const script = new vm.Script(Module.wrap(source), {
    filename: bundle,
    ...(writeCache ? {} : { cachedData: readCache() }),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (writeCache) process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));

  const bundleModule = new Module(bundle, module);
  bundleModule.filename = bundle;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(bundleModule.exports, bundleModule.exports, Module.createRequire(bundle), bundleModule, bundle, __dirname);
}

function readCache(): Buffer | undefined {
  try {
    return fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}
