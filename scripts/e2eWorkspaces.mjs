// The workspaces the editor end-to-end suites open, each a fresh copy under `state`: the examples as one folder, and
// a multi-root workspace file (test/e2e/multiRoot.ts says what it holds).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A copy of examples/: the folder to open. */
export function examplesFolder(state) {
  const workspace = path.join(state, 'workspace');
  fs.cpSync(path.join(repo, 'examples'), workspace, { recursive: true });
  return workspace;
}

/** The members of an npm workspace (its root not open), the examples, and one example folder nested in them: the .code-workspace to open. */
export function multiRootWorkspace(state) {
  fs.cpSync(path.join(repo, 'test/fixtures/same-workspace/npm'), path.join(state, 'mono'), { recursive: true });
  fs.cpSync(path.join(repo, 'examples'), path.join(state, 'examples'), { recursive: true });
  const file = path.join(state, 'multi.code-workspace');
  const folders = [
    { path: 'mono/packages/api', name: 'api' },
    { path: 'mono/packages/web', name: 'web' },
    { path: 'examples', name: 'examples' },
    { path: 'examples/telegram-bot', name: 'bot' },
  ];
  fs.writeFileSync(file, `${JSON.stringify({ folders }, null, 2)}\n`);
  return file;
}
