// The editor end-to-end suite, run inside a real VS Code extension host: exactly the module
// @vscode/test-electron's extensionTestsPath takes (it exports run()). It runs under code-server
// here (scripts/e2e-code-server.mjs) and under a downloaded VS Code where one can be downloaded
// (scripts/e2e-electron.mjs). The workspace is a copy of examples/. It waits on events, never on a clock.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SovereignLintApi } from '../../client/src/extension';
import { activateExtension, diagnosticsFor, rangeOf, runTests, settle, type Test, waitFor } from './harness';

export async function run(): Promise<void> {
  await runTests(tests);
}

let api: SovereignLintApi;

const tests: Test[] = [
  [
    'the extension activates in a workspace with manifests and reports a verdict',
    async () => {
      api = await activateExtension();
      const [verdict] = api.verdicts();
      assert.ok(verdict, 'a verdict for the workspace folder');
      assert.equal(verdict.tier, 'none');
      assert.ok(verdict.blockedBy.includes('npm:openai'), `openai blocks national: ${verdict.blockedBy.join(', ')}`);
    },
  ],
  [
    'diagnostics appear on package.json with rule codes, ranges and documentation links',
    async () => {
      const uri = fileIn('telegram-bot/package.json');
      const diagnostics = await diagnosticsFor(uri, () => vscode.window.showTextDocument(uri));
      const openai = diagnostics.find((d) => d.range.start.line === 12);
      assert.ok(openai, `a diagnostic on line 13: ${diagnostics.map((d) => d.message).join(' | ')}`);
      assert.equal(openai.message, 'openai — client of a foreign hosted service (OpenAI, US): blocks national');
      assert.equal(openai.source, 'sovereign-lint');
      assert.equal(openai.severity, vscode.DiagnosticSeverity.Error);
      assert.deepEqual(rangeOf(openai.range), [12, 5, 12, 11]);
      const code = openai.code as { value: string; target: vscode.Uri };
      assert.equal(code.value, 'foreign-proprietary');
      assert.equal(code.target.toString(), 'https://github.com/sovereign-lint/sovereign-lint/blob/main/docs/rules/foreign-proprietary.md');
    },
  ],
  [
    'the replace-with-alternative quick fix rewrites the dependency and nothing else',
    async () => {
      const uri = fileIn('telegram-bot/package.json');
      const document = await vscode.workspace.openTextDocument(uri);
      const before = document.getText();
      const diagnostics = await diagnosticsFor(uri, async () => undefined);
      const openai = diagnostics.find((d) => d.range.start.line === 12)!;
      const title = 'Replace openai with domestic gigachat (reaches national)';
      // While other extensions (VS Code's JSON support) start, the editor may cancel a code-action pass
      // or answer nothing; ask again, as the light bulb does, until the answer settles.
      const actions = await settle(
        () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, openai.range),
        (list) => list.length > 0,
      );
      const replace = actions.find((a) => a.title === title);
      assert.ok(replace?.edit, `the fix is offered: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(replace.isPreferred, true);
      assert.ok(await vscode.workspace.applyEdit(replace.edit));
      assert.equal(document.getText(), before.replace('"openai": "^4.77.0"', '"gigachat": "^0.0.20"'));
      const after = await diagnosticsFor(uri, async () => undefined, (list) => !list.some((d) => d.message.startsWith('openai')));
      assert.ok(!after.some((d) => d.code && (d.code as { value: string }).value === 'foreign-proprietary'), 'the foreign SDK finding is gone');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    },
  ],
  [
    'hover shows provenance with evidence',
    async () => {
      const uri = fileIn('rag-service/requirements.txt');
      await vscode.window.showTextDocument(uri);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(16, 2));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /\*\*numpy\*\* · `pypi:numpy` — foreign open-source/);
      assert.match(text, /\| Origin \| US \|/);
      assert.match(text, /\| Evidence \| \[/);
    },
  ],
  [
    'the status bar shows the folder verdict',
    async () => {
      const [verdict] = api.verdicts();
      const next = verdict!.tier === 'none' ? 'national' : 'sovereign';
      const count = verdict!.blockedBy.length;
      assert.equal(api.statusText(), `Sovereign Lint: ${verdict!.tier} — ${count} ${count === 1 ? 'blocks' : 'block'} ${next}`);
    },
  ],
  [
    'Show Report opens a readable summary of the verdict and blockers',
    async () => {
      await vscode.commands.executeCommand('sovereignLint.showReport');
      const editor = await waitFor(() => {
        const active = vscode.window.activeTextEditor;
        return active?.document.languageId === 'markdown' && active.document.isUntitled ? active : undefined;
      }, vscode.window.onDidChangeActiveTextEditor);
      const report = editor.document.getText();
      assert.match(report, /^# Sovereign Lint report\n/);
      assert.match(report, /### What blocks national/);
      assert.match(report, /`npm:openai` \| telegram-bot\/package\.json:13 \| foreign-proprietary/);
    },
  ],
  [
    'a new lockfile is scanned, and its transitive packages take hovers and quick fixes',
    async () => {
      const uri = fileIn('telegram-bot/package-lock.json');
      const lockfile = `${JSON.stringify(
        {
          name: 'support-bot',
          lockfileVersion: 3,
          requires: true,
          packages: {
            '': { name: 'support-bot', dependencies: { pino: '^9.6.0' } },
            'node_modules/pino': { version: '9.6.0', integrity: 'sha512-pino', dependencies: { 'sonic-boom': '^4.0.1' } },
            'node_modules/sonic-boom': { version: '4.2.0', integrity: 'sha512-sonic' },
          },
        },
        null,
        2,
      )}\n`;
      const sonicLine = lockfile.split('\n').findIndex((line) => line.includes('"node_modules/sonic-boom"'));
      try {
        // Written as a tool would write it: the server learns of it from the file watcher and scans again.
        const diagnostics = await diagnosticsFor(uri, () => vscode.workspace.fs.writeFile(uri, Buffer.from(lockfile)));
        const sonic = diagnostics.find((d) => d.message.startsWith('sonic-boom — provenance unknown'));
        assert.ok(sonic, `a finding on sonic-boom: ${diagnostics.map((d) => d.message).join(' | ')}`);
        assert.equal(sonic.range.start.line, sonicLine);
        // The lockfile locks pino only: every other dependency package.json declares is flagged as not in it.
        const manifestUri = fileIn('telegram-bot/package.json');
        const manifest = await diagnosticsFor(
          manifestUri,
          async () => undefined,
          (list) => list.some((d) => d.message.startsWith('zod is not in telegram-bot/package-lock.json')) && list.some((d) => d.message.startsWith('pino pulls')),
        );
        const zod = manifest.find((d) => d.message.startsWith('zod is not in telegram-bot/package-lock.json'))!;
        assert.equal((zod.code as { value: string }).value, 'unlocked-dependency');
        assert.equal(zod.severity, vscode.DiagnosticSeverity.Warning);
        assert.ok(!manifest.some((d) => d.message.startsWith('pino is not in')), 'pino is locked');
        // Open and edited, the manifest's diagnostics come from pulls (the server pushes none for an open file of a
        // client that pulls): what pino pulls in still leads to its lockfile entry.
        const pushedLine = manifest.find((d) => d.message.startsWith('pino pulls'))!.range.start.line;
        const editor = await vscode.window.showTextDocument(manifestUri);
        const pulled = await diagnosticsFor(
          manifestUri,
          () => editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '\n')),
          (list) => list.some((d) => d.message.startsWith('pino pulls') && d.range.start.line === pushedLine + 1),
        );
        const pulls = pulled.find((d) => d.message.startsWith('pino pulls') && d.range.start.line === pushedLine + 1)!;
        assert.deepEqual(
          pulls.relatedInformation?.map((r) => [r.location.uri.toString(), r.location.range.start.line]),
          [[uri.toString(), sonicLine]],
        );
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        await vscode.window.showTextDocument(uri);
        const hovers = await settle(
          () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, sonic.range.start),
          (list) => list.length > 0,
        );
        const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
        assert.match(text, /\| Pulled in by \| pino \|/);
        const actions = await settle(
          () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, sonic.range),
          (list) => list.length > 0,
        );
        // Other extensions add their own (VS Code's JSON support offers "Sort JSON"): the quick fixes are ours.
        const quickFixes = actions.filter((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
        assert.deepEqual(
          quickFixes.map((a) => a.title),
          ['Attest the origin of sonic-boom in sovereign-lint.json', 'Record an exception for sonic-boom in sovereign-lint.json'],
        );
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await vscode.workspace.fs.delete(uri);
      }
    },
  ],
];

function fileIn(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}
