// The same editor suites under a downloaded VS Code (@vscode/test-electron), for machines that can
// download one (the offline machines here use scripts/e2e-code-server.mjs instead).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { examplesFolder, multiRootWorkspace } from './e2eWorkspaces.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const suites = [
  ['suite.js', examplesFolder],
  ['multiRoot.js', multiRootWorkspace],
];

try {
  for (const [suite, open] of suites) {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(repo, 'out/e2e', suite),
      launchArgs: [open(fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-lint-electron-'))), '--disable-extensions', '--disable-workspace-trust'],
    });
  }
} catch (error) {
  console.error(`editor suite failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
