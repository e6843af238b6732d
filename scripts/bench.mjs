// `npm run bench`: prints the language server's figures against SPEC §8 budgets —
//   1. time to diagnose a 200-dependency manifest (budget 10 ms), in process and over stdio;
//   2. the server's resident memory, idle with the knowledge base loaded (budget 80 MB).
// Figures, not assertions: run it on the machine you report.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { startServer } from './lspSession.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-lint-bench-'));

/** 200 dependencies: every PyPI package the knowledge base knows, then unknown names (the slow path: no match anywhere). */
function requirements200() {
  const known = JSON.parse(fs.readFileSync(path.join(repo, 'rules/kb/pypi.json'), 'utf8')).entries.map((e) => e.id.slice(5));
  const names = [...known, ...Array.from({ length: 200 }, (_, i) => `internal-package-${i}`)].slice(0, 200);
  return names.map((name, i) => `${name}${i % 3 === 0 ? '==1.2.3' : i % 3 === 1 ? '>=2,<3' : ''}${i % 7 === 0 ? ' ; python_version >= "3.9"' : ''}\n`).join('');
}

function packageJson200() {
  const known = JSON.parse(fs.readFileSync(path.join(repo, 'rules/kb/npm.json'), 'utf8')).entries.map((e) => e.id.slice(4));
  const names = [...known, ...Array.from({ length: 200 }, (_, i) => `@acme/internal-${i}`)].slice(0, 200);
  const deps = Object.fromEntries(names.map((name) => [name, '^1.0.0']));
  return `${JSON.stringify({ name: 'bench', version: '1.0.0', dependencies: deps }, null, 2)}\n`;
}

async function inProcess(manifests) {
  const bundle = path.join(work, 'lintTiming.cjs');
  await build({
    entryPoints: [path.join(repo, 'test/bench/lintTiming.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'error',
    alias: { 'jsonc-parser': path.join(repo, 'node_modules/jsonc-parser/lib/esm/main.js'), fdir: path.join(repo, 'node_modules/fdir/dist/index.cjs') },
  });
  const { timeLint } = await import(pathToFileURL(bundle).href);
  for (const [file, text] of manifests) {
    timeLint(file, text, 50); // warm up the JIT
    const { medianMs, p95Ms, findings } = timeLint(file, text, 200);
    console.log(`  ${file.padEnd(18)} in process:  median ${medianMs.toFixed(2)} ms, p95 ${p95Ms.toFixed(2)} ms (${findings} findings)`);
  }
}

async function overStdio(manifests) {
  // The bundled examples as the workspace: the start-up scan exercises the whole knowledge base.
  const folder = path.join(work, 'workspace');
  fs.cpSync(path.join(repo, 'examples'), folder, { recursive: true });
  const session = await startServer(folder);
  const { connection } = session;
  // Idle: the workspace scanned, no request in flight, a moment for the collector.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  console.log(`  idle server memory: ${session.rssMb().toFixed(1)} MB RSS after start-up, knowledge base loaded and workspace scanned (budget 80 MB)`);
  for (const [file, text] of manifests) {
    const uri = pathToFileURL(path.join(folder, file)).href;
    const times = [];
    for (let i = 0; i < 60; i++) {
      const published = session.nextDiagnostics();
      const started = performance.now();
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
      await published;
      times.push(performance.now() - started);
      const closed = session.nextDiagnostics();
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await closed;
    }
    times.splice(0, 10);
    times.sort((a, b) => a - b);
    console.log(`  ${file.padEnd(18)} over stdio: median ${times[times.length >> 1].toFixed(2)} ms from didOpen to publishDiagnostics (JSON-RPC included)`);
  }
  await new Promise((resolve) => setTimeout(resolve, 2000));
  console.log(`  server memory after those 240 diagnoses: ${session.rssMb().toFixed(1)} MB RSS (V8 keeps the heap it grew)`);
  await session.stop();
}

const manifests = [['requirements.txt', requirements200()], ['package.json', packageJson200()]];
console.log(`Sovereign Lint bench — ${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log('Diagnosing a 200-dependency manifest (budget 10 ms), and server memory (budget 80 MB):');
await inProcess(manifests);
await overStdio(manifests);
fs.rmSync(work, { recursive: true, force: true });
