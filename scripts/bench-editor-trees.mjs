// The editor half of the monorepo figures in `npm run bench` (run after bench-trees.mjs, which generates the
// trees): the language server opened on ../shared/bench's medium and large trees, as VS Code opens a folder —
// the time from `initialize` to the folder's first verdict (every manifest and lockfile judged, every
// diagnostic sent), the server's memory then, and the time from an edit of a package.json to its diagnostics.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from './lspSession.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scales = process.argv.slice(2).length ? process.argv.slice(2) : ['medium', 'large'];
/** The server waits this long after a keystroke before judging (server/src/lsp/server.ts). */
const DEBOUNCE_MS = 150;
const EDITS = 20;

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

console.log('The language server on the same trees (one run each):');
console.log(`scale    first verdict   memory then    edit → diagnostics (median, of which the ${DEBOUNCE_MS} ms typing debounce)`);
for (const scale of scales) {
  const tree = path.join(repo, '.bench', scale);
  if (!fs.existsSync(tree)) throw new Error(`${tree} does not exist: run scripts/bench-trees.mjs first`);
  const started = performance.now();
  const session = await startServer(tree);
  const firstVerdict = (performance.now() - started) / 1000;
  const memory = session.rssMb();
  // A workspace member's package.json, edited as a user adds one dependency after another.
  const file = path.join(tree, 'apps/app-000/package.json');
  const uri = pathToFileURL(file).href;
  const text = fs.readFileSync(file, 'utf8');
  const opened = session.nextDiagnostics(uri);
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
  await opened;
  const times = [];
  for (let version = 2; version < EDITS + 2; version++) {
    const edited = text.replace('"dependencies": {', `"dependencies": {\n    "left-pad-${version}": "1.0.${version}",`);
    const published = session.nextDiagnostics(uri);
    const sent = performance.now();
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: edited }] });
    await published;
    times.push(performance.now() - sent);
    // Let the verdict that follows each edit go out before the next keystroke, as a typist's pauses do.
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  console.log(`${scale.padEnd(8)} ${`${firstVerdict.toFixed(1)} s`.padStart(13)}   ${`${memory.toFixed(0)} MB`.padStart(10)}    ${median(times).toFixed(0)} ms`);
  await session.stop();
}
