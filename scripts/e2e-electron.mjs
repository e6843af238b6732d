// The same editor suite under a downloaded VS Code (@vscode/test-electron), for machines that can
// download one (the offline machines here use scripts/e2e-code-server.mjs instead).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspace = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-lint-electron-')), 'workspace');
fs.cpSync(path.join(repo, 'examples'), workspace, { recursive: true });

try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: repo,
    extensionTestsPath: path.join(repo, 'out/e2e/suite.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`editor suite failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
