// The editor end-to-end suite for a multi-root workspace, run inside a real VS Code extension host. The workspace
// file (scripts/e2eWorkspaces.mjs) opens four folders: `api` and `web`, the two members of an npm workspace whose
// root (with its package-lock.json) is not itself open; `examples`; and `bot`, the examples' telegram-bot folder
// again, nested inside `examples`.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SovereignLintApi } from '../../client/src/extension';
import { activateExtension, diagnosticsFor, runTests, settle, type Test, waitFor } from './harness';

export async function run(): Promise<void> {
  await runTests(tests);
}

let api: SovereignLintApi;

const tests: Test[] = [
  [
    'each workspace folder gets its own verdict',
    async () => {
      api = await activateExtension();
      const verdicts = await waitFor(() => (api.verdicts().length === 4 ? api.verdicts() : undefined), api.onDidChangeVerdicts);
      assert.deepEqual(verdicts.map((v) => v.folderName).sort(), ['api', 'bot', 'examples', 'web']);
      const byName = new Map(verdicts.map((v) => [v.folderName, v]));
      assert.deepEqual([byName.get('api')!.tier, byName.get('api')!.blockedBy], ['none', ['npm:openai']]);
      assert.equal(byName.get('web')!.tier, 'national');
      assert.ok(byName.get('web')!.blockedBy.includes('npm:follow-redirects'), 'what axios pulls in from the root lockfile counts for web');
      assert.ok(!byName.get('web')!.blockedBy.includes('npm:openai'), 'what api declares does not count for web');
    },
  ],
  [
    'a file two folders hold shows the innermost folder’s findings, once',
    async () => {
      const manifest = vscode.Uri.joinPath(folder('bot').uri, 'package.json');
      await vscode.window.showTextDocument(manifest);
      const diagnostics = await diagnosticsFor(manifest, async () => undefined);
      const openai = diagnostics.filter((d) => d.message.startsWith('openai — '));
      assert.equal(openai.length, 1, diagnostics.map((d) => d.message).join(' | '));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    },
  ],
  [
    'the status bar shows the verdict of the active editor’s folder',
    async () => {
      const web = api.verdicts().find((v) => v.folderName === 'web')!;
      await vscode.window.showTextDocument(vscode.Uri.joinPath(folder('web').uri, 'package.json'));
      const expected = `Sovereign Lint: national — ${web.blockedBy.length} block sovereign`;
      assert.equal(await settle(async () => api.statusText(), (text) => text === expected), expected);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    },
  ],
  [
    'the lockfile at the workspace root, in no open folder, shows what each member pulls in, with hovers',
    async () => {
      const lockfile = vscode.Uri.joinPath(folder('api').uri, '../../package-lock.json');
      await vscode.window.showTextDocument(lockfile);
      const diagnostics = await diagnosticsFor(
        lockfile,
        async () => undefined,
        (list) => list.some((d) => d.message.startsWith('body-parser — ')) && list.some((d) => d.message.startsWith('follow-redirects — ')),
      );
      const followRedirects = diagnostics.find((d) => d.message.startsWith('follow-redirects — '))!;
      const hovers = await settle(
        () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', lockfile, followRedirects.range.start),
        (list) => list.length > 0,
      );
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      // Each member reaches it its own way: web through axios, api through web (it depends on @mono/web).
      assert.match(text, /\| Pulled in by \| @mono\/web → axios \(api\); axios \(web\) \|/);
      assert.match(text, /\| Version \| 1\.16\.3 \(locked\) \|/);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    },
  ],
];

function folder(name: string): vscode.WorkspaceFolder {
  const found = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(found, `the workspace folder ${name} is open`);
  return found;
}
