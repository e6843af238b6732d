// The language server over a real JSON-RPC connection: workspace diagnostics for files never opened,
// exact ranges and codes, hover, every code action applied, progress and cancellation, bad input.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseTree, type ParseError } from 'jsonc-parser';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Hover, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { parseConfig } from '../../server/src/engine/config';
import { applyEdits } from '../helpers/edits';
import { writeFile } from '../helpers/files';
import { type ClientOptions, LspTestClient, uriOf } from '../helpers/lspClient';
import { rangeOf } from '../helpers/ranges';

const examples = path.resolve(__dirname, '../../examples');
const clients: LspTestClient[] = [];

function workspace(files: Record<string, string> = {}, withExamples = true): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-lsp-'));
  if (withExamples) fs.cpSync(examples, root, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFile(root, file, text);
  return root;
}

async function start(root: string, options: Omit<ClientOptions, 'folders'> = {}) {
  const client = new LspTestClient({ folders: [root], ...options });
  clients.push(client);
  await client.initialize();
  return client;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.stop()));
});

const pick = (d: Diagnostic) => ({ range: d.range, code: d.code, source: d.source, severity: d.severity, message: d.message });

describe('workspace diagnostics', () => {
  it('publishes diagnostics for every manifest and card at start-up, none of them opened', async () => {
    const root = workspace();
    const client = await start(root);
    const bot = path.join(root, 'telegram-bot/package.json');
    const card = path.join(root, 'ru-finetune/README.md');
    const rag = path.join(root, 'rag-service/requirements.txt');
    await client.waitFor(() => client.diagnosticsOf(bot) && client.diagnosticsOf(card) && client.diagnosticsOf(rag), 'workspace diagnostics');
    expect(pick(client.diagnosticsOf(bot)![0]!)).toEqual({
      range: { start: { line: 12, character: 5 }, end: { line: 12, character: 11 } },
      code: 'foreign-proprietary',
      source: 'sovereign-lint',
      severity: 1,
      message: 'openai — client of a foreign hosted service (OpenAI, US): blocks national',
    });
    expect(client.diagnosticsOf(bot)![0]!.codeDescription).toEqual({
      href: 'https://github.com/sovereign-lint/sovereign-lint/blob/main/docs/rules/foreign-proprietary.md',
    });
    const numpy = client.diagnosticsOf(rag)!.find((d) => d.range.start.line === 16);
    expect(pick(numpy!)).toEqual({
      range: { start: { line: 16, character: 0 }, end: { line: 16, character: 5 } },
      code: 'foreign-component',
      source: 'sovereign-lint',
      severity: 1,
      message: 'numpy — foreign open-source (US): allowed for national, blocks sovereign',
    });
    const dataset = client.diagnosticsOf(card)!.find((d) => d.code === 'foreign-dataset' && d.range.start.line === 6);
    expect(dataset!.range).toEqual({ start: { line: 6, character: 4 }, end: { line: 6, character: 17 } });
    expect(dataset!.relatedInformation).toEqual([
      {
        location: { uri: uriOf(card), range: dataset!.range },
        message: expect.stringMatching(/^translated from openai\/gsm8k \(OpenAI, US\)/),
      },
    ]);
    expect(client.diagnosticsOf(path.join(root, 'sovereign-nlp/requirements.txt'))).toEqual([]);
  });

  it('judges what a requirements file includes, whatever its name, as the CLI does; and a file a newly typed -r line names', async () => {
    const root = workspace({ 'requirements.txt': '-r base.txt\nnatasha==1.6.0\n', 'base.txt': 'openai==1.55.0\n', 'extra.txt': 'numpy==2.1.3\n' }, false);
    const client = await start(root);
    const base = path.join(root, 'base.txt');
    await client.waitFor(() => client.diagnosticsOf(base)?.length, 'diagnostics on the included file');
    expect(client.diagnosticsOf(base)!.map((d) => [d.code, d.range.start.line, d.message])).toEqual([
      ['foreign-proprietary', 0, 'openai — client of a foreign hosted service (OpenAI, US): blocks national'],
    ]);
    await client.waitFor(() => client.verdicts.at(-1)?.[0]?.tier === 'none', 'the verdict counting the included file');
    const manifest = path.join(root, 'requirements.txt');
    await client.open(manifest, fs.readFileSync(manifest, 'utf8'), 'pip-requirements');
    await client.change(manifest, '-r base.txt\n-r extra.txt\n-r missing.txt\nnatasha==1.6.0\n');
    const extra = path.join(root, 'extra.txt');
    await client.waitFor(() => client.diagnosticsOf(extra)?.length, 'diagnostics on the file the new line includes');
    expect(client.diagnosticsOf(extra)!.map((d) => d.code)).toEqual(['foreign-component']);
    await client.waitFor(() => client.diagnosticsOf(manifest)?.some((d) => String(d.message).startsWith('included file')), 'the missing include');
    expect(client.diagnosticsOf(manifest)!.find((d) => String(d.message).startsWith('included file'))!.range).toEqual({ start: { line: 2, character: 3 }, end: { line: 2, character: 14 } });
  });

  it('clears what a deleted lockfile showed, and the verdict forgets what it pulled in', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-lsp-'));
    fs.cpSync(path.join(examples, 'gigachat-assistant'), root, { recursive: true });
    const client = await start(root);
    const lockfile = path.join(root, 'package-lock.json');
    await client.waitFor(() => client.diagnosticsOf(lockfile)?.length, 'the lockfile diagnostics');
    await client.waitFor(() => client.verdicts.at(-1)?.[0]?.tier === 'national', 'the verdict over what the lockfile pulls in');
    fs.rmSync(lockfile);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(lockfile), type: 3 }] });
    await client.waitFor(() => client.diagnosticsOf(lockfile)?.length === 0, 'the lockfile diagnostics cleared');
    await client.waitFor(() => client.verdicts.at(-1)?.[0]?.summary === 'sovereign; transitive dependencies not examined (no lockfile)', 'the verdict without the lockfile');
  });

  it('holds an open buffer to the size limit a file on disk is held to', async () => {
    const root = workspace({}, false);
    const client = await start(root);
    const file = path.join(root, 'package.json');
    const huge = JSON.stringify({ dependencies: Object.fromEntries(Array.from({ length: 160_000 }, (_, i) => [`internal-package-${i}`, '^1.0.0'])) });
    await client.open(file, huge, 'json');
    await client.waitFor(() => client.diagnosticsOf(file)?.length, 'the diagnostic on the huge buffer');
    expect(client.diagnosticsOf(file)!.map((d) => d.message)).toEqual(['file is 5.2 MB, over the 4.0 MB limit for a manifest; not read']);
  });

  it('on a domestic SDK that pulls in foreign packages, the hover says what it blocks itself, not what those packages do', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-lsp-'));
    fs.cpSync(path.join(examples, 'gigachat-assistant'), root, { recursive: true });
    const client = await start(root);
    const file = path.join(root, 'package.json');
    await client.waitFor(() => client.verdicts.length > 0, 'the first verdict');
    const line = fs.readFileSync(file, 'utf8').split('\n').findIndex((text) => text.includes('"gigachat"'));
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line, character: 6 } })) as Hover;
    expect((hover.contents as { value: string }).value).toContain('| Tier impact | blocks trusted readiness |');
  });

  it('shows a manifest once, with what it pulls in, not first without it', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-lsp-'));
    fs.cpSync(path.join(examples, 'gigachat-assistant'), root, { recursive: true });
    const client = await start(root);
    const manifest = uriOf(path.join(root, 'package.json'));
    await client.waitFor(() => client.verdicts.length > 0, 'the first verdict');
    expect(client.published.filter((p) => p.uri === manifest).map((p) => p.diagnostics.map((d) => d.code))).toEqual([['foreign-transitive']]);
  });

  it('a file deleted while open is judged from its editor until closed, then leaves nothing behind', async () => {
    const root = workspace({ 'requirements.txt': 'numpy==2.1.3\n' }, false);
    const client = await start(root);
    const file = path.join(root, 'requirements.txt');
    await client.open(file, 'numpy==2.1.3\n', 'pip-requirements');
    await client.waitFor(() => client.diagnosticsOf(file)?.length, 'diagnostics of the open file');
    fs.rmSync(file);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type: 3 }] });
    // Still open: still judged from the editor.
    await client.connection.sendRequest('sovereignLint/report');
    expect(client.diagnosticsOf(file)!.map((d) => d.code)).toEqual(['foreign-component']);
    await client.close(file);
    await client.connection.sendRequest('sovereignLint/report');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(client.diagnosticsOf(file)).toEqual([]);
    expect(client.verdicts.at(-1)?.[0]).toMatchObject({ filesWithErrors: 0, manifests: 0 });
  });

  it('a workspace scan keeps judging an open manifest that is not on disk (new and unsaved)', async () => {
    const root = workspace({ 'requirements.txt': 'catboost\n' }, false);
    const client = await start(root);
    await client.waitFor(() => client.verdicts.length > 0, 'the first verdict');
    const unsaved = path.join(root, 'ml/requirements.txt');
    await client.open(unsaved, 'numpy==2.1.3\n', 'pip-requirements');
    await client.waitFor(() => client.diagnosticsOf(unsaved)?.length, 'diagnostics of the unsaved file');
    const verdicts = client.verdicts.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(root, '.gitignore')), type: 1 }] });
    await client.waitFor(() => client.verdicts.length > verdicts, 'the verdict after the scan');
    expect(client.diagnosticsOf(unsaved)!.map((d) => d.code)).toEqual(['foreign-component']);
    expect(client.verdicts.at(-1)![0]).toMatchObject({ tier: 'national', manifests: 2 });
  });

  it('a file outside every folder is judged while open only; a hover on one that is not open judges nothing', async () => {
    const root = workspace({ 'requirements.txt': 'catboost\n' }, false);
    const outside = path.join(workspace({ 'requirements.txt': 'numpy==2.1.3\n' }, false), 'requirements.txt');
    const client = await start(root);
    await client.waitFor(() => client.verdicts.length > 0, 'the first verdict');
    await client.open(outside, 'numpy==2.1.3\n', 'pip-requirements');
    await client.waitFor(() => client.diagnosticsOf(outside)?.length, 'diagnostics of the open outside file');
    await client.waitFor(() => client.verdicts.at(-1)?.length === 2, 'a verdict for the outside file’s folder');
    await client.close(outside);
    await client.waitFor(() => client.diagnosticsOf(outside)?.length === 0, 'the outside diagnostics cleared');
    await client.waitFor(() => client.verdicts.at(-1)?.length === 1, 'the outside folder gone from the verdicts');
    const nowhere = uriOf(path.join(os.tmpdir(), 'sl-no-such-folder', 'package.json'));
    expect(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: nowhere }, position: { line: 0, character: 0 } })).toBeNull();
    await client.connection.sendRequest('sovereignLint/report');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(client.verdicts.at(-1)?.map((verdict) => verdict.folderName)).toEqual([path.basename(root)]);
  });

  it('judges setuptools projects as they are typed, and replaces a foreign SDK inside its string', async () => {
    const text = 'from setuptools import setup\nsetup(name="bot", install_requires=["openai>=1.30", "catboost"])\n';
    const root = workspace({ 'setup.py': text }, false);
    const client = await start(root);
    const file = path.join(root, 'setup.py');
    const [openai] = await client.waitFor(() => client.diagnosticsOf(file), 'setup.py diagnostics');
    expect(pick(openai!)).toEqual({
      range: rangeOf(text, 'openai'),
      code: 'foreign-proprietary',
      source: 'sovereign-lint',
      severity: 1,
      message: 'openai — client of a foreign hosted service (OpenAI, US): blocks national',
    });
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf(file) },
      range: openai!.range,
      context: { diagnostics: [openai] },
    })) as CodeAction[];
    const replace = actions.find((action) => action.title === 'Replace openai with domestic gigachat (reaches national)')!;
    expect(applyEdits(text, replace.edit!.changes![uriOf(file)]!)).toBe(text.replace('"openai>=1.30"', '"gigachat"'));
    await client.open(file, text.replace('"catboost"', '"catboost", "torch"'), 'python');
    const torch = await client.waitFor(() => client.diagnosticsOf(file)?.find((d) => String(d.message).startsWith('torch')), 'torch typed');
    expect(torch.message).toBe('torch — foreign open-source (US): allowed for national, blocks sovereign');
  });

  it('tells the client the folder verdict', async () => {
    const root = workspace({}, false);
    fs.writeFileSync(path.join(root, 'requirements.txt'), 'catboost\nnumpy\n');
    const client = await start(root);
    const verdicts = await client.waitFor(() => client.verdicts.at(-1), 'a verdict');
    expect(verdicts).toEqual([
      {
        folderUri: uriOf(root),
        folderName: path.basename(root),
        target: 'sovereign',
        tier: 'national',
        meetsTarget: false,
        manifests: 1,
        summary: 'national — 1 component blocks sovereign (numpy); transitive dependencies not examined (no lockfile)',
        blockedBy: ['pypi:numpy'],
        exceptions: [],
        filesWithErrors: 0,
        knowledgeBase: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        otherTargets: [],
      },
    ]);
  });

  it('says a folder with no manifest has nothing to judge, rather than calling it sovereign', async () => {
    const root = workspace({ 'README.md': '# Notes\n\nNo card here.\n', Dockerfile: 'FROM python:3.12\n' }, false);
    const client = await start(root);
    const [verdict] = await client.waitFor(() => client.verdicts.at(-1), 'a verdict');
    expect(verdict).toMatchObject({
      manifests: 0,
      summary:
        'no manifest found: nothing to judge (Sovereign Lint reads package.json, requirements*.txt, pyproject.toml, hatch.toml, setup.cfg, setup.py, Pipfile, environment.yml and Hugging Face cards)',
    });
    writeFile(root, 'requirements.txt', 'numpy\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(root, 'requirements.txt')), type: 1 }] });
    const after = await client.waitFor(() => (client.verdicts.at(-1)?.[0]?.manifests === 1 ? client.verdicts.at(-1) : undefined), 'a verdict over the new file');
    expect(after[0]).toMatchObject({ tier: 'national', summary: 'national — 1 component blocks sovereign (numpy); transitive dependencies not examined (no lockfile)' });
  });

  it('takes the target from the editor settings when no config says otherwise', async () => {
    const root = workspace({ 'requirements.txt': 'numpy\n' }, false);
    const client = await start(root, { settings: { target: 'national' } });
    const verdicts = await client.waitFor(() => client.verdicts.at(-1), 'a verdict');
    expect(verdicts[0]).toMatchObject({ target: 'national', meetsTarget: true });
    const file = path.join(root, 'requirements.txt');
    expect(client.diagnosticsOf(file)![0]!.severity).toBe(3);
  });

  it('skips the folders the exclude setting names', async () => {
    const root = workspace({ 'requirements.txt': 'numpy\n', 'experiments/requirements.txt': 'openai\n' }, false);
    const client = await start(root, { settings: { exclude: ['experiments/**'] } });
    const verdicts = await client.waitFor(() => client.verdicts.at(-1), 'a verdict');
    expect(verdicts[0]).toMatchObject({ tier: 'national', blockedBy: ['pypi:numpy'] });
    expect(client.diagnosticsOf(path.join(root, 'requirements.txt'))).toHaveLength(1);
    expect(client.diagnosticsOf(path.join(root, 'experiments/requirements.txt'))).toBeUndefined();

    // Changed on disk, or opened, an excluded file stays out, as the scan left it.
    const excluded = path.join(root, 'experiments/requirements.txt');
    fs.writeFileSync(excluded, 'openai\nanthropic\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(excluded), type: 2 }] });
    await client.open(excluded, 'openai\n');
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(excluded) }, position: { line: 0, character: 1 } });
    expect(hover).toBeNull();
    await client.connection.sendRequest('sovereignLint/scanWorkspace');
    expect(client.diagnosticsOf(excluded)).toBeUndefined();
    expect(client.verdicts.at(-1)![0]).toMatchObject({ tier: 'national', blockedBy: ['pypi:numpy'] });
  });

  it('leaves out what Git ignores, and scans again when a .gitignore changes', async () => {
    const root = workspace({ 'requirements.txt': 'numpy\n', 'wandb/run-1/files/requirements.txt': 'openai\n', '.gitignore': 'wandb/\n' }, false);
    fs.mkdirSync(path.join(root, '.git'));
    const client = await start(root);
    const run = path.join(root, 'wandb/run-1/files/requirements.txt');
    expect((await client.waitFor(() => client.verdicts.at(-1), 'a verdict'))[0]).toMatchObject({ tier: 'national', blockedBy: ['pypi:numpy'] });
    expect(client.diagnosticsOf(run)).toBeUndefined();
    // A training run writes its requirements again, an install a package's manifest: both still left out.
    const installed = path.join(root, 'node_modules/left-pad/package.json');
    fs.mkdirSync(path.dirname(installed), { recursive: true });
    fs.writeFileSync(installed, '{ "dependencies": { "openai": "^4.0.0" } }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(run), type: 2 }, { uri: uriOf(installed), type: 1 }] });
    // A request answered means the notification before it was handled.
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(run) }, position: { line: 0, character: 1 } });
    expect(client.diagnosticsOf(run)).toBeUndefined();
    expect(client.diagnosticsOf(installed)).toBeUndefined();

    fs.writeFileSync(path.join(root, '.gitignore'), '');
    const scans = client.verdicts.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(root, '.gitignore')), type: 2 }] });
    await client.waitFor(() => client.verdicts.length > scans, 'the scan after the .gitignore changed');
    expect(client.diagnosticsOf(run)!.map((d) => d.code)).toEqual(['foreign-proprietary']);
    expect(client.verdicts.at(-1)![0]).toMatchObject({ tier: 'none' });
  });

  it('reports a malformed file next to good ones, and keeps serving', async () => {
    const root = workspace({ 'broken/package.json': '{\n  "dependencies": {\n    "openai": "^4",\n    "zod": ', 'good/requirements.txt': 'numpy\n' }, false);
    const client = await start(root);
    const broken = path.join(root, 'broken/package.json');
    const good = path.join(root, 'good/requirements.txt');
    await client.waitFor(() => client.diagnosticsOf(broken) && client.diagnosticsOf(good), 'both files');
    expect(client.diagnosticsOf(broken)!.map((d) => d.message)).toEqual([
      'package.json is not valid JSON: value expected',
      'openai — client of a foreign hosted service (OpenAI, US): blocks national',
      'zod — foreign open-source (US): allowed for national, blocks sovereign',
    ]);
    expect(client.diagnosticsOf(good)!.map((d) => d.code)).toEqual(['foreign-component']);
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: uriOf(good) },
      position: { line: 0, character: 2 },
    })) as Hover;
    expect((hover.contents as { value: string }).value).toMatch(/^\*\*numpy\*\*/);
  });
});

describe('open documents', () => {
  it('pushes diagnostics on change, and keeps the disk diagnostics when the file closes', async () => {
    const root = workspace({ 'requirements.txt': 'numpy\n' }, false);
    const client = await start(root);
    const file = path.join(root, 'requirements.txt');
    await client.waitFor(() => client.diagnosticsOf(file)?.length === 1, 'initial diagnostics');
    await client.open(file, 'numpy\n');
    await client.change(file, 'numpy\nopenai\n');
    const changed = await client.waitFor(() => (client.diagnosticsOf(file)?.length === 2 ? client.diagnosticsOf(file) : undefined), 'diagnostics after the change');
    expect(changed.map((d) => d.code)).toEqual(['foreign-component', 'foreign-proprietary']);
    await client.close(file);
    await client.waitFor(() => client.diagnosticsOf(file)?.length === 1, 'disk diagnostics after close');
    expect(client.diagnosticsOf(file)![0]!.message).toMatch(/^numpy/);
  });

  it('judges a file opened outside every folder on its own: a workspace scan never walks the folder it is in', async () => {
    const root = workspace({ 'requirements.txt': 'numpy\n' }, false);
    // Outside the workspace, say a home directory, with a tree of its own.
    const outside = workspace({ 'package.json': '{"dependencies": {"openai": "^4"}}', 'deep/x/requirements.txt': 'torch\n' }, false);
    const client = await start(root);
    await client.waitFor(() => client.verdicts.at(-1), 'the first verdict');
    const loose = path.join(outside, 'package.json');
    await client.open(loose, fs.readFileSync(loose, 'utf8'), 'json');
    await client.waitFor(() => client.diagnosticsOf(loose)?.length, 'the loose file judged');
    const scans = client.verdicts.length;
    await client.connection.sendRequest('sovereignLint/scanWorkspace');
    await client.waitFor(() => client.verdicts.length > scans, 'the scan');
    expect(client.diagnosticsOf(loose)!.map((d) => d.code)).toContain('foreign-proprietary');
    expect(client.diagnosticsOf(path.join(outside, 'deep/x/requirements.txt'))).toBeUndefined();
  });

  it('traces the lockfile of a file opened outside every folder, as a workspace folder\'s files are', async () => {
    const root = workspace({ 'requirements.txt': 'numpy\n' }, false);
    const outside = workspace({}, false);
    fs.cpSync(path.join(examples, 'gigachat-assistant'), outside, { recursive: true });
    const client = await start(root);
    await client.waitFor(() => client.verdicts.at(-1), 'the first verdict');
    const loose = path.join(outside, 'package.json');
    await client.open(loose, fs.readFileSync(loose, 'utf8'), 'json');
    await client.waitFor(() => client.diagnosticsOf(loose)?.some((d) => d.code === 'foreign-transitive'), 'what gigachat pulls in, on the loose file');
    const verdict = await client.waitFor(() => client.verdicts.at(-1)?.find((folder) => folder.folderName === path.basename(outside) && folder.tier !== 'sovereign'), 'the loose folder’s verdict');
    expect(verdict.tier).toBe('national');
  });

  it('answers pulls from a client that pulls, and does not also push for the open file', async () => {
    const root = workspace({ 'requirements.txt': 'numpy\n' }, false);
    const client = await start(root, { pull: true });
    const file = path.join(root, 'requirements.txt');
    await client.waitFor(() => client.diagnosticsOf(file), 'workspace push for the unopened file');
    await client.open(file, 'openai\n');
    await client.waitFor(() => client.diagnosticsOf(file)?.length === 0, 'pushed diagnostics cleared on open');
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uriOf(file) } })) as {
      kind: string;
      items: Diagnostic[];
    };
    expect(report.kind).toBe('full');
    expect(report.items.map(pick)).toEqual([
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } },
        code: 'foreign-proprietary',
        source: 'sovereign-lint',
        severity: 1,
        message: 'openai — client of a foreign hosted service (OpenAI, US): blocks national',
      },
    ]);
  });

  it('answers a pull for an open lockfile with what the workspace scan found there', async () => {
    const root = workspace({}, false);
    fs.cpSync(path.resolve(__dirname, '../fixtures/pnpm-catalog'), root, { recursive: true });
    const client = await start(root, { pull: true });
    const lockfile = path.join(root, 'pnpm-lock.yaml');
    const pushed = await client.waitFor(() => (client.diagnosticsOf(lockfile)?.length ? client.diagnosticsOf(lockfile) : undefined), 'workspace push for the lockfile');
    await client.open(lockfile, fs.readFileSync(lockfile, 'utf8'), 'yaml');
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uriOf(lockfile) } })) as { items: Diagnostic[] };
    expect(report.items.map(pick)).toEqual(pushed.map(pick));
    expect(report.items.map((d) => String(d.message).split(' — ')[0])).toEqual(['loose-envify', 'js-tokens']);
    // A transitive package's origin can be attested, or an exception recorded, from its lockfile entry.
    const [first] = report.items;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf(lockfile) },
      range: first!.range,
      context: { diagnostics: [first] },
    })) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual(['Attest the origin of loose-envify in sovereign-lint.json', 'Record an exception for loose-envify in sovereign-lint.json']);
  });
});

describe('clients other than VS Code', () => {
  it('asks a pulling client to pull again only where it says it can, and survives the refusal of one that said so', async () => {
    const root = workspace({ 'requirements.txt': 'openai\n' }, false);
    const file = path.join(root, 'requirements.txt');
    const silent = await start(root, { pull: true, refuses: ['workspace/diagnostic/refresh'] });
    await silent.waitFor(() => silent.verdicts.length > 0, 'the verdict');
    expect(silent.requests).not.toContain('workspace/diagnostic/refresh');
    const refusing = await start(root, { pull: true, pullRefresh: true, refuses: ['workspace/diagnostic/refresh'] });
    await refusing.waitFor(() => refusing.requests.includes('workspace/diagnostic/refresh'), 'the refresh request');
    // Still serving: a pull answers with the finding.
    const report = (await refusing.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uriOf(file) } })) as { items: Diagnostic[] };
    expect(report.items.map((d) => d.code)).toEqual(['foreign-proprietary']);
  });

  it('takes the settings a client pushes with didChangeConfiguration when it cannot be asked for them', async () => {
    const root = workspace({ 'requirements.txt': 'numpy\n' }, false);
    const file = path.join(root, 'requirements.txt');
    const client = await start(root, { configuration: false });
    await client.waitFor(() => client.diagnosticsOf(file)?.[0]?.severity === 1, 'numpy an error against the default sovereign target');
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { sovereignLint: { target: 'national' } } });
    await client.waitFor(() => client.diagnosticsOf(file)?.[0]?.severity === 3, 'numpy information against the pushed national target');
  });

  it('reads a buffer that keeps its byte-order mark, placing each finding where the client counts it', async () => {
    const root = workspace({}, false);
    const file = path.join(root, 'package.json');
    const client = await start(root);
    await client.waitFor(() => client.verdicts.length > 0, 'the verdict');
    await client.open(file, '\uFEFF{"dependencies": {"openai": "^4.0.0"}}\n', 'json');
    const diagnostics = await client.waitFor(() => (client.diagnosticsOf(file)?.length ? client.diagnosticsOf(file) : undefined), 'diagnostics on the opened file');
    expect(diagnostics.map((d) => [d.code, d.range])).toEqual([['foreign-proprietary', { start: { line: 0, character: 20 }, end: { line: 0, character: 26 } }]]);
  });

  it('watches the disk itself for a client that cannot watch files: a lockfile written anew, a config created', async () => {
    const root = workspace({}, false);
    fs.cpSync(path.join(examples, 'gigachat-assistant'), root, { recursive: true });
    const manifest = path.join(root, 'package.json');
    const client = await start(root, { watch: false });
    await client.waitFor(() => client.diagnosticsOf(manifest)?.some((d) => d.code === 'foreign-transitive'), 'what gigachat pulls in');
    expect(client.registrations).toEqual([]);
    // `npm install` of an older gigachat, outside the declared range: the lockfile is out of date for it.
    const lockPath = path.join(root, 'package-lock.json');
    const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
    lock.packages['node_modules/gigachat'].version = '0.0.19';
    fs.writeFileSync(lockPath, JSON.stringify(lock, null, 2));
    await client.waitFor(() => client.diagnosticsOf(manifest)?.some((d) => d.code === 'unlocked-dependency'), 'the lockfile out of date');
    // A quick fix's new config, written by the client: its exception applies.
    fs.writeFileSync(path.join(root, 'sovereign-lint.json'), JSON.stringify({ rules: { 'unlocked-dependency': 'off' } }));
    await client.waitFor(() => !client.diagnosticsOf(manifest)?.some((d) => d.code === 'unlocked-dependency'), 'the rule turned off by the new config');
  });

  it('gives a client without versioned edits plain changes, and no action that would have to create a file', async () => {
    const root = workspace({ 'requirements.txt': 'aiogram\n' }, false);
    const file = path.join(root, 'requirements.txt');
    const client = await start(root, { documentChanges: false });
    const [diagnostic] = await client.waitFor(() => (client.diagnosticsOf(file)?.length ? client.diagnosticsOf(file) : undefined), 'the finding');
    const request = () =>
      client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uriOf(file) }, range: diagnostic!.range, context: { diagnostics: [diagnostic] } }) as Promise<CodeAction[]>;
    // No config yet: attesting or recording an exception would create one.
    expect((await request()).map((action) => action.title)).toEqual([]);
    fs.writeFileSync(path.join(root, 'sovereign-lint.json'), '{}\n');
    const [attest, exception] = await request();
    expect([attest?.title, exception?.title]).toEqual(['Attest the origin of aiogram in sovereign-lint.json', 'Record an exception for aiogram in sovereign-lint.json']);
    expect(exception?.edit?.documentChanges).toBeUndefined();
    expect(Object.keys(exception?.edit?.changes ?? {})).toEqual([uriOf(path.join(root, 'sovereign-lint.json'))]);
  });

  it('after shutdown, drops a change still waiting out its debounce and refuses requests', async () => {
    const root = workspace({ 'requirements.txt': 'numpy\n' }, false);
    const file = path.join(root, 'requirements.txt');
    const client = await start(root);
    await client.waitFor(() => client.verdicts.length > 0, 'the verdict');
    const beforeOpen = client.published.length;
    await client.open(file, 'numpy\n');
    await client.waitFor(() => client.published.length > beforeOpen, 'the opened file published');
    const published = client.published.length;
    await client.change(file, 'torch\n');
    await client.connection.sendRequest('shutdown');
    const hover = client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line: 0, character: 1 } });
    await expect(hover).rejects.toMatchObject({ code: -32600 });
    // Longer than the typing debounce: the change would have been judged and published by now.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(client.published.slice(published).map((entry) => entry.diagnostics.map((d) => String(d.message).split(' ')[0]))).toEqual([]);
  });

  it('answers a malformed request with InvalidParams, and keeps serving', async () => {
    const root = workspace({ 'requirements.txt': 'numpy\n' }, false);
    const file = path.join(root, 'requirements.txt');
    const client = await start(root);
    await client.waitFor(() => client.verdicts.length > 0, 'the verdict');
    const uri = uriOf(file);
    await expect(client.connection.sendRequest('textDocument/hover', { textDocument: { uri } })).rejects.toMatchObject({ code: -32602, message: 'hover needs textDocument.uri and position' });
    await expect(client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri } })).rejects.toMatchObject({ code: -32602 });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {});
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } })) as Hover;
    expect(JSON.stringify(hover.contents)).toContain('numpy');
    expect(client.stderr.join('')).not.toContain('TypeError');
  });

  it('takes settings from initializationOptions from a client that neither can be asked for them nor pushes them', async () => {
    const root = workspace({ 'requirements.txt': 'numpy\n' }, false);
    const client = await start(root, { configuration: false, initializationOptions: { sovereignLint: { target: 'national' } } });
    await client.waitFor(() => client.diagnosticsOf(path.join(root, 'requirements.txt'))?.[0]?.severity === 3, 'numpy information against the national target');
    // A notification that carries no settings of ours (`settings: null`) keeps them.
    const verdicts = client.verdicts.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(() => client.verdicts.length > verdicts, 'the scan the notification starts');
    expect(client.diagnosticsOf(path.join(root, 'requirements.txt'))?.[0]?.severity).toBe(3);
  });

  it('gives a client that lists resource operations, without saying it takes documentChanges (Neovim 0.7), a config to create', async () => {
    const root = workspace({ 'requirements.txt': 'aiogram\n' }, false);
    const file = path.join(root, 'requirements.txt');
    const client = await start(root, { documentChanges: 'create only' });
    const [diagnostic] = await client.waitFor(() => (client.diagnosticsOf(file)?.length ? client.diagnosticsOf(file) : undefined), 'the finding');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf(file) },
      range: diagnostic!.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    expect(actions.map((action) => [action.title, action.edit?.documentChanges?.[0]])).toEqual([
      ['Attest the origin of aiogram in sovereign-lint.json', { kind: 'create', uri: uriOf(path.join(root, 'sovereign-lint.json')), options: { ignoreIfExists: true } }],
      ['Record an exception for aiogram in sovereign-lint.json', { kind: 'create', uri: uriOf(path.join(root, 'sovereign-lint.json')), options: { ignoreIfExists: true } }],
    ]);
  });

  it('scans the workspace even when the client refuses progress, settings and file watching', async () => {
    const root = workspace({ 'requirements.txt': 'numpy\n' }, false);
    const refused = ['window/workDoneProgress/create', 'workspace/configuration', 'client/registerCapability'];
    const client = await start(root, { progress: true, refuses: refused });
    await client.waitFor(() => client.verdicts.length > 0, 'the verdict');
    expect(refused.every((method) => client.requests.includes(method))).toBe(true);
    expect(client.diagnosticsOf(path.join(root, 'requirements.txt'))?.map((d) => d.code)).toEqual(['foreign-component']);
  });
});

describe('hover', () => {
  it('shows origin, owner, licence, tier impact, alternatives and evidence', async () => {
    const root = workspace({}, true);
    const client = await start(root);
    const file = path.join(root, 'telegram-bot/package.json');
    const text = fs.readFileSync(file, 'utf8');
    await client.open(file, text, 'json');
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: uriOf(file) },
      position: { line: 12, character: 7 },
    })) as Hover;
    const value = (hover.contents as { value: string }).value;
    expect(hover.range).toEqual({ start: { line: 12, character: 5 }, end: { line: 12, character: 11 } });
    expect(value).toMatch(/^\*\*openai\*\* · `npm:openai` — foreign proprietary\n/);
    expect(value).toContain('| Origin | US |');
    expect(value).toContain('| Owner | OpenAI |');
    expect(value).toContain('| Licence | Apache-2.0 (open source) |');
    expect(value).toContain('| Hosted service | OpenAI (US) |');
    expect(value).toContain('| Version | ^4.77.0 |');
    expect(value).toContain('| Tier impact | blocks national (and sovereign) |');
    expect(value).toMatch(/\| Alternatives \| `gigachat` — .+\(reaches national\)/);
    expect(value).toMatch(/\| Evidence \| \[github\.com\/openai\/openai-node\/…\/package\.json\]\(https:\/\/github\.com\/openai\/openai-node\/blob\/[0-9a-f]+\/package\.json\) \|/);
    expect(value).toMatch(/Knowledge base \d{4}-\d{2}-\d{2} · `foreign-proprietary`$/);
  });

  it('says a model placed only by its publisher’s namespace has no recorded lineage', async () => {
    const root = workspace({ 'README.md': '---\nbase_model: t-tech/T-lite-it-9.9\n---\n' }, false);
    const client = await start(root);
    const file = path.join(root, 'README.md');
    await client.open(file, fs.readFileSync(file, 'utf8'), 'markdown');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line: 1, character: 15 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    expect(value).toMatch(/^\*\*t-tech\/T-lite-it-9\.9\*\* · `hf:t-tech\/T-lite-it-9\.9` — /);
    expect(value).toContain('| Lineage | not recorded: `hf:t-tech/*` says who publishes it, not what it was trained from |');
  });

  it('shows the lineage of a fine-tune', async () => {
    const root = workspace({ 'README.md': '---\nbase_model: IlyaGusev/saiga_llama3_8b\n---\n' }, false);
    const client = await start(root);
    const file = path.join(root, 'README.md');
    await client.open(file, fs.readFileSync(file, 'utf8'), 'markdown');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line: 1, character: 15 } })) as Hover;
    expect((hover.contents as { value: string }).value).toMatch(/\| Lineage \| fine-tune of an unnamed model from meta-llama \(Meta, US\)/);
  });

  it('shows the licence a package declares where the knowledge base records none, with its registry page', async () => {
    const lock = {
      name: 'store',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'store', dependencies: { '@langchain/mongodb': '0.1.0' } },
        'node_modules/@langchain/mongodb': { version: '0.1.0', integrity: 'sha512-a', license: 'MIT', dependencies: { 'internal-tokenizer': '^1.0.0' } },
        'node_modules/internal-tokenizer': { version: '1.0.2', integrity: 'sha512-b', license: 'ISC' },
      },
    };
    const root = workspace(
      {
        'package.json': '{\n  "name": "store",\n  "dependencies": { "@langchain/mongodb": "0.1.0" }\n}\n',
        'package-lock.json': `${JSON.stringify(lock, null, 2)}\n`,
      },
      false,
    );
    const client = await start(root);
    const file = path.join(root, 'package.json');
    const lockfile = path.join(root, 'package-lock.json');
    await client.waitFor(() => client.diagnosticsOf(lockfile), 'the lockfile judged');
    const hoverAt = async (uri: string, line: number, character: number) =>
      ((await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as Hover).contents as { value: string };
    const direct = (await hoverAt(uriOf(file), 2, 22)).value;
    expect(direct).toMatch(/^\*\*@langchain\/mongodb\*\* · `npm:@langchain\/mongodb` — foreign open-source\n/);
    expect(direct).toContain(
      '| Licence | MIT (open source), as the package declares it in its package.json: [npmjs.com/package/@langchain/mongodb/v/0.1.0](https://www.npmjs.com/package/@langchain/mongodb/v/0.1.0) |',
    );
    expect(direct).toContain('| Tier impact | allowed for national; blocks sovereign |');
    const line = fs.readFileSync(lockfile, 'utf8').split('\n').findIndex((text) => text.includes('"node_modules/internal-tokenizer"'));
    const pulled = (await hoverAt(uriOf(lockfile), line, 10)).value;
    expect(pulled).toContain('| Origin | not in the knowledge base |');
    expect(pulled).toContain('| Licence | ISC (open source), as the package declares it in its package.json: [npmjs.com/package/internal-tokenizer/v/1.0.2](https://www.npmjs.com/package/internal-tokenizer/v/1.0.2) |');
  });

  it('shows the licence an installed package declares where a pnpm lockfile records none, as the manifest is edited', async () => {
    const lock = [
      "lockfileVersion: '9.0'",
      '',
      'importers:',
      '',
      '  .:',
      '    dependencies:',
      "      '@langchain/mongodb':",
      '        specifier: 0.1.0',
      '        version: 0.1.0',
      '',
      'packages:',
      '',
      "  '@langchain/mongodb@0.1.0':",
      '    resolution: {integrity: sha512-a}',
      '',
      'snapshots:',
      '',
      "  '@langchain/mongodb@0.1.0': {}",
      '',
    ].join('\n');
    const root = workspace(
      {
        'package.json': '{\n  "name": "store",\n  "dependencies": { "@langchain/mongodb": "0.1.0" }\n}\n',
        'pnpm-lock.yaml': lock,
        'node_modules/.pnpm/@langchain+mongodb@0.1.0/node_modules/@langchain/mongodb/package.json': '{"name": "@langchain/mongodb", "version": "0.1.0", "license": "MIT"}\n',
      },
      false,
    );
    const client = await start(root);
    const file = path.join(root, 'package.json');
    await client.open(file, fs.readFileSync(file, 'utf8'), 'json');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line: 2, character: 22 } })) as Hover;
    expect((hover.contents as { value: string }).value).toContain(
      '| Licence | MIT (open source), as the package declares it in its package.json: [npmjs.com/package/@langchain/mongodb/v/0.1.0](https://www.npmjs.com/package/@langchain/mongodb/v/0.1.0) |',
    );
    const diagnostics = await client.waitFor(() => client.diagnosticsOf(file), 'the manifest judged');
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['foreign-component', '@langchain/mongodb — foreign open-source (US): allowed for national, blocks sovereign'],
    ]);
  });

  it('shows the licence an installed Python distribution declares, with its PyPI page', async () => {
    const lock = [
      'version = 1',
      '',
      '[[package]]',
      'name = "bot"',
      'version = "0.1.0"',
      'source = { virtual = "." }',
      'dependencies = [{ name = "langchain-ollama-next" }]',
      '',
      '[[package]]',
      'name = "langchain-ollama-next"',
      'version = "0.3.4"',
      'source = { registry = "https://pypi.org/simple" }',
      '',
    ].join('\n');
    const root = workspace(
      {
        'pyproject.toml': '[project]\nname = "bot"\ndependencies = ["langchain-ollama-next"]\n',
        'uv.lock': lock,
        '.venv/lib/python3.12/site-packages/langchain_ollama_next-0.3.4.dist-info/METADATA': 'Metadata-Version: 2.1\nName: langchain-ollama-next\nVersion: 0.3.4\nLicense: MIT\n',
      },
      false,
    );
    const client = await start(root);
    const file = path.join(root, 'pyproject.toml');
    await client.open(file, fs.readFileSync(file, 'utf8'));
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line: 2, character: 20 } })) as Hover;
    expect((hover.contents as { value: string }).value).toContain(
      '| Licence | MIT (open source), as the package declares it in its metadata: [pypi.org/project/langchain-ollama-next/0.3.4/](https://pypi.org/project/langchain-ollama-next/0.3.4/) |',
    );
  });

  it('pins a requirements.in to its pip-compile output as it is typed', async () => {
    const root = workspace(
      {
        'requirements.in': 'catboost\n',
        'requirements.txt': '#    pip-compile requirements.in\ncatboost==1.2.7\n    # via -r requirements.in\n',
      },
      false,
    );
    const client = await start(root);
    const file = path.join(root, 'requirements.in');
    const output = path.join(root, 'requirements.txt');
    await client.waitFor(() => client.diagnosticsOf(output), 'the workspace scan');
    await client.open(file, 'catboost\ngigachat\n');
    const judged = () => client.diagnosticsOf(file)?.some((d) => d.code === 'unlocked-dependency') && client.diagnosticsOf(file);
    const unlocked = await client.waitFor(judged, 'the input judged as typed');
    expect(unlocked.filter((d) => d.code === 'unlocked-dependency').map((d) => [d.range.start.line, d.message])).toEqual([
      [1, 'gigachat is not in requirements.txt: the lockfile is out of date (run `pip-compile`), so what gigachat pulls in was not examined; blocks trusted readiness'],
    ]);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line: 0, character: 2 } })) as Hover;
    expect((hover.contents as { value: string }).value).toContain('| Version | locked 1.2.7 |');
  });

  it('pins the requirements file a pyproject.toml reads its dependencies from to the project’s uv.lock, as it is typed', async () => {
    const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/dynamic-requirements', name), 'utf8');
    const root = workspace(Object.fromEntries(['pyproject.toml', 'requirements.txt', 'uv.lock'].map((name) => [name, fixture(name)])), false);
    const client = await start(root);
    const file = path.join(root, 'requirements.txt');
    await client.waitFor(() => client.diagnosticsOf(path.join(root, 'uv.lock')), 'the workspace scan');
    await client.open(file, 'requests>=2.31\nhttpx\n');
    const judged = () => client.diagnosticsOf(file)?.some((d) => d.code === 'unlocked-dependency') && client.diagnosticsOf(file);
    const diagnostics = await client.waitFor(judged, 'the requirements judged as typed');
    const about = diagnostics.filter((d) => d.code === 'unlocked-dependency' || d.code === 'foreign-transitive');
    expect(about.map((d) => [d.range.start.line, d.message]).sort()).toEqual([
      [0, 'requests pulls 1 non-domestic package: certifi (unknown)'],
      [1, 'httpx is not in uv.lock: the lockfile is out of date (run `uv lock`), so what httpx pulls in was not examined; blocks trusted readiness'],
    ]);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line: 0, character: 2 } })) as Hover;
    expect((hover.contents as { value: string }).value).toContain('| Version | >=2.31; locked 2.32.3 |');
  });

  it('judges a requirements.in again when pip-compile writes its output anew', async () => {
    const root = workspace(
      {
        'requirements.in': 'catboost\ngigachat\n',
        'requirements.txt': '#    pip-compile requirements.in\ncatboost==1.2.7\n    # via -r requirements.in\n',
      },
      false,
    );
    const client = await start(root);
    const input = path.join(root, 'requirements.in');
    const output = path.join(root, 'requirements.txt');
    const unlocked = () => client.diagnosticsOf(input)?.filter((d) => d.code === 'unlocked-dependency').map((d) => String(d.message).split(' is not')[0]);
    expect(await client.waitFor(() => unlocked()?.length && unlocked(), 'the scan')).toEqual(['gigachat']);
    fs.writeFileSync(output, '#    pip-compile requirements.in\ncatboost==1.2.7\n    # via -r requirements.in\ngigachat==0.1.39\n    # via -r requirements.in\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(output), type: 2 }] });
    expect(await client.waitFor(() => unlocked()?.length === 0 && unlocked(), 'the input judged with its new output')).toEqual([]);
  });

  it('answers null away from any component', async () => {
    const root = workspace({ 'requirements.txt': '# comment\nnumpy\n' }, false);
    const client = await start(root);
    const file = path.join(root, 'requirements.txt');
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line: 0, character: 3 } });
    expect(hover).toBeNull();
  });
});

describe('code actions', () => {
  async function actionsAt(client: LspTestClient, file: string, line: number) {
    const diagnostics = await client.waitFor(() => client.diagnosticsOf(file), 'diagnostics');
    const range = diagnostics.find((d) => d.range.start.line === line)!.range;
    return (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf(file) },
      range,
      context: { diagnostics: diagnostics.filter((d) => d.range.start.line === line) },
    })) as CodeAction[];
  }

  function applyDocumentChanges(action: CodeAction, readCurrent: (uri: string) => string): Map<string, string> {
    const out = new Map<string, string>();
    for (const change of action.edit!.documentChanges ?? []) {
      if ('kind' in change) {
        if (change.kind === 'create') out.set(change.uri, '');
        continue;
      }
      const edit = change as TextDocumentEdit;
      const uri = edit.textDocument.uri;
      out.set(uri, applyEdits(out.get(uri) ?? readCurrent(uri), edit.edits as { range: Diagnostic['range']; newText: string }[]));
    }
    return out;
  }

  it('replaces a foreign SDK with its domestic alternative: the file still parses, every other byte unchanged', async () => {
    const root = workspace();
    const client = await start(root);
    const file = path.join(root, 'telegram-bot/package.json');
    const actions = await actionsAt(client, file, 12);
    expect(actions.map((a) => a.title)).toEqual([
      'Replace openai with domestic gigachat (reaches national)',
      'Replace openai with domestic @yandex-cloud/nodejs-sdk (reaches national)',
      'Record an exception for openai in sovereign-lint.json',
    ]);
    const preferred = actions[0]!;
    expect(preferred.isPreferred).toBe(true);
    expect(preferred.diagnostics?.[0]?.code).toBe('foreign-proprietary');
    const before = fs.readFileSync(file, 'utf8');
    const after = applyEdits(before, preferred.edit!.changes![uriOf(file)]!);
    expect(after).toBe(before.replace('"openai": "^4.77.0"', '"gigachat": "^0.0.20"'));
    const errors: ParseError[] = [];
    parseTree(after, errors);
    expect(errors).toEqual([]);
  });

  it('attests an unknown component by creating sovereign-lint.json, and the finding goes away', async () => {
    const root = workspace({ 'requirements.txt': 'numpy\nleft-pad-py==1.0\n' }, false);
    const client = await start(root);
    const file = path.join(root, 'requirements.txt');
    const actions = await actionsAt(client, file, 1);
    expect(actions.map((a) => a.title)).toEqual([
      'Attest the origin of left-pad-py in sovereign-lint.json',
      'Record an exception for left-pad-py in sovereign-lint.json',
    ]);
    const configUri = uriOf(path.join(root, 'sovereign-lint.json'));
    const written = applyDocumentChanges(actions[0]!, () => {
      throw new Error('the config does not exist yet');
    });
    expect(actions[0]!.edit!.documentChanges![0]).toEqual({ kind: 'create', uri: configUri, options: { ignoreIfExists: true } });
    const config = written.get(configUri)!;
    expect(config).toBe(
      '{\n  "components": {\n    "pypi:left-pad-py": {\n      "origin": "RU",\n      "owner": "TODO: who develops it",\n      "evidence": "TODO: where this origin can be checked"\n    }\n  }\n}\n',
    );
    expect(parseConfig(config).problems).toEqual([]);
    fs.writeFileSync(path.join(root, 'sovereign-lint.json'), config);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    await client.waitFor(() => client.diagnosticsOf(file)?.length === 1, 'the attested component no longer unknown');
    expect(client.diagnosticsOf(file)![0]!.message).toMatch(/^numpy/);
  });

  it('lints a conda environment: a conda package is attested as conda:NAME, and the finding goes away', async () => {
    const root = workspace({ 'environment.yml': 'name: train\ndependencies:\n  - python=3.11\n  - acme-kernels=1.4\n' }, false);
    const client = await start(root);
    const file = path.join(root, 'environment.yml');
    const diagnostics = await client.waitFor(() => client.diagnosticsOf(file), 'environment diagnostics');
    expect(diagnostics.map(pick)).toEqual([
      {
        range: { start: { line: 3, character: 4 }, end: { line: 3, character: 16 } },
        code: 'unknown-provenance',
        source: 'sovereign-lint',
        severity: 1,
        message: 'acme-kernels — provenance unknown: not in the knowledge base; attest its origin in sovereign-lint.json. Blocks sovereign',
      },
    ]);
    const actions = await actionsAt(client, file, 3);
    const config = applyDocumentChanges(actions[0]!, () => '').get(uriOf(path.join(root, 'sovereign-lint.json')))!;
    expect(config).toContain('"conda:acme-kernels": {');
    expect(parseConfig(config).problems).toEqual([]);
    fs.writeFileSync(path.join(root, 'sovereign-lint.json'), config);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(root, 'sovereign-lint.json')), type: 1 }] });
    await client.waitFor(() => client.diagnosticsOf(file)?.length === 0, 'the attested conda package no longer unknown');
  });

  it('records an exception in an existing config, keeping its formatting, and the verdict accepts it', async () => {
    const existing = '{\n\t"target": "sovereign",\n\t"ignore": [\n\t\t{ "component": "pypi:torch", "reason": "no alternative" }\n\t]\n}\n';
    const root = workspace({ 'requirements.txt': 'numpy\n', 'sovereign-lint.json': existing }, false);
    const client = await start(root);
    const file = path.join(root, 'requirements.txt');
    const actions = await actionsAt(client, file, 0);
    const record = actions.find((a) => a.title === 'Record an exception for numpy in sovereign-lint.json')!;
    const configFile = path.join(root, 'sovereign-lint.json');
    const after = applyDocumentChanges(record, () => existing).get(uriOf(configFile))!;
    expect(after).toBe(
      '{\n\t"target": "sovereign",\n\t"ignore": [\n\t\t{ "component": "pypi:torch", "reason": "no alternative" },\n\t\t{\n\t\t\t"component": "pypi:numpy",\n\t\t\t"reason": "TODO: why this component is accepted"\n\t\t}\n\t]\n}\n',
    );
    fs.writeFileSync(configFile, after);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(configFile), type: 2 }] });
    const verdict = await client.waitFor(() => client.verdicts.at(-1)?.[0]?.exceptions.length ? client.verdicts.at(-1)![0] : undefined, 'the accepted exception');
    expect(verdict.summary).toBe('sovereign, with 1 accepted exception; transitive dependencies not examined (no lockfile)');
  });

  it('shows config errors on the config file at their range, and keeps linting with the last good config', async () => {
    const root = workspace({ 'requirements.txt': 'numpy\n', 'sovereign-lint.json': '{ "target": "national" }\n' }, false);
    const client = await start(root);
    const file = path.join(root, 'requirements.txt');
    const configFile = path.join(root, 'sovereign-lint.json');
    await client.waitFor(() => client.diagnosticsOf(file)?.[0]?.severity === 3, 'national-target severities');
    await client.open(configFile, '{ "target": "national", "rules": { "foreign-component": "loud" } }\n', 'json');
    const problems = await client.waitFor(() => (client.diagnosticsOf(configFile)?.length ? client.diagnosticsOf(configFile) : undefined), 'config diagnostics');
    expect(pick(problems[0]!)).toEqual({
      range: { start: { line: 0, character: 56 }, end: { line: 0, character: 62 } },
      code: 'invalid-config',
      source: 'sovereign-lint',
      severity: 1,
      message: 'rules.foreign-component: must be one of "off", "hint", "info", "warning", "error"',
    });
    expect(client.diagnosticsOf(file)![0]!.severity).toBe(3);
  });
});

describe('shared configs', () => {
  it('re-lints everything when a config anywhere in the extends chain changes', async () => {
    const root = workspace({ 'team/base.json': '{ "target": "sovereign" }', 'sovereign-lint.json': '{ "extends": ["./team/base.json"] }', 'requirements.txt': 'numpy\n' }, false);
    const client = await start(root);
    const file = path.join(root, 'requirements.txt');
    await client.waitFor(() => client.diagnosticsOf(file)?.[0]?.severity === 1, 'an error under the sovereign target');
    fs.writeFileSync(path.join(root, 'team/base.json'), '{ "target": "national" }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(root, 'team/base.json')), type: 2 }] });
    await client.waitFor(() => client.diagnosticsOf(file)?.[0]?.severity === 3, 'information under the national target');
    const verdict = await client.waitFor(() => (client.verdicts.at(-1)?.[0]?.target === 'national' ? client.verdicts.at(-1)![0] : undefined), 'the new target');
    expect(verdict.meetsTarget).toBe(true);
  });

  it('shows a problem in an extended config on that file', async () => {
    const root = workspace({ 'team/base.json': '{\n  "rules": { "nope": "error" }\n}\n', 'sovereign-lint.json': '{ "extends": ["./team/base.json"] }', 'requirements.txt': 'numpy\n' }, false);
    const client = await start(root);
    const base = path.join(root, 'team/base.json');
    const problems = await client.waitFor(() => client.diagnosticsOf(base)?.length ? client.diagnosticsOf(base) : undefined, 'diagnostics on the extended config');
    expect(problems.map(pick)).toEqual([
      { range: { start: { line: 1, character: 13 }, end: { line: 1, character: 19 } }, code: 'invalid-config', source: 'sovereign-lint', severity: 1, message: expect.stringMatching(/^rules: "nope" is not one of /) },
    ]);
  });

  it('in an untrusted workspace, skips config packages from node_modules with a visible notice', async () => {
    const root = workspace(
      {
        'node_modules/acme-config/sovereign-lint.json': '{ "target": "national" }',
        'node_modules/acme-config/package.json': '{ "name": "acme-config" }',
        'sovereign-lint.json': '{ "extends": ["acme-config"] }',
        'requirements.txt': 'numpy\n',
      },
      false,
    );
    const client = await start(root, { initializationOptions: { trusted: false } });
    const config = path.join(root, 'sovereign-lint.json');
    const notice = await client.waitFor(() => client.diagnosticsOf(config)?.[0], 'the notice');
    expect(pick(notice)).toEqual({
      range: { start: { line: 0, character: 14 }, end: { line: 0, character: 27 } },
      code: 'invalid-config',
      source: 'sovereign-lint',
      severity: 2,
      message: 'config package "acme-config" from node_modules was not loaded: the workspace is not trusted',
    });
    const verdicts = await client.waitFor(() => client.verdicts.at(-1), 'a verdict');
    expect(verdicts[0]!.target).toBe('sovereign');
  });

  it('writes an exception into the nearest config of a monorepo member', async () => {
    const root = workspace({ 'sovereign-lint.json': '{}\n', 'svc/sovereign-lint.json': '{ "target": "national" }\n', 'svc/requirements.txt': 'numpy\n' }, false);
    const client = await start(root);
    const file = path.join(root, 'svc/requirements.txt');
    const [diagnostic] = await client.waitFor(() => client.diagnosticsOf(file), 'diagnostics');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf(file) },
      range: diagnostic!.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const record = actions.find((a) => a.title.startsWith('Record an exception'))!;
    expect((record.edit!.documentChanges![0] as TextDocumentEdit).textDocument.uri).toBe(uriOf(path.join(root, 'svc/sovereign-lint.json')));
  });

  it('pins a `catalog:` dependency in the pnpm catalog it names, not in package.json', async () => {
    const root = workspace({ 'sovereign-lint.json': '{ "extends": ["sovereign-lint:trusted"] }\n' }, false);
    fs.cpSync(path.resolve(__dirname, '../fixtures/pnpm-catalog'), root, { recursive: true });
    const client = await start(root);
    const file = path.join(root, 'packages/web/package.json');
    const diagnostics = await client.waitFor(() => client.diagnosticsOf(file)?.filter((d) => d.code === 'unpinned-version'), 'unpinned-version diagnostics');
    const react = diagnostics.find((d) => String(d.message).startsWith('react'))!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf(file) },
      range: react.range,
      context: { diagnostics: [react] },
    })) as CodeAction[];
    const pin = actions.find((a) => a.title === 'Pin react to 18.3.1 in the react18 catalog, the version the lockfile resolves')!;
    const workspaceFile = path.join(root, 'pnpm-workspace.yaml');
    expect(Object.keys(pin.edit!.changes!)).toEqual([uriOf(workspaceFile)]);
    const before = fs.readFileSync(workspaceFile, 'utf8');
    expect(applyEdits(before, pin.edit!.changes![uriOf(workspaceFile)]!)).toBe(before.replace("react: '^18.3.1'", "react: '18.3.1'"));
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: react.range.start })) as Hover;
    expect((hover.contents as { value: string }).value).toContain('| Version | ^18.3.1 from the react18 catalog (pnpm-workspace.yaml); locked 18.3.1 |');
    const lockfile = path.join(root, 'pnpm-lock.yaml');
    const jsTokensLine = fs.readFileSync(lockfile, 'utf8').split('\n').indexOf('  js-tokens@4.0.0:');
    const transitive = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(lockfile) }, position: { line: jsTokensLine, character: 4 } })) as Hover;
    const transitiveValue = (transitive.contents as { value: string }).value;
    expect(transitiveValue).toContain('| Version | 4.0.0 (locked) |');
    expect(transitiveValue).toContain('| Pulled in by | react → loose-envify |');
  });
  it('judges `catalog:` dependencies by a catalog edited in the editor before it is saved, and by the disk once it is closed', async () => {
    const root = workspace({ 'sovereign-lint.json': '{ "extends": ["sovereign-lint:trusted"] }\n' }, false);
    fs.cpSync(path.resolve(__dirname, '../fixtures/pnpm-catalog'), root, { recursive: true });
    const client = await start(root);
    const file = path.join(root, 'packages/web/package.json');
    const unpinnedReact = () => client.diagnosticsOf(file)?.filter((d) => d.code === 'unpinned-version' && String(d.message).startsWith('react'));
    const before = await client.waitFor(() => (unpinnedReact()?.length ? unpinnedReact() : undefined), 'react unpinned in its catalog');
    expect(before.map((d) => d.message)).toEqual([
      'react — version "^18.3.1" in the react18 catalog of pnpm-workspace.yaml is a range; the lockfile resolves 18.3.1: pin it in the catalog for trusted readiness',
    ]);
    const workspaceFile = path.join(root, 'pnpm-workspace.yaml');
    const onDisk = fs.readFileSync(workspaceFile, 'utf8');
    await client.open(workspaceFile, onDisk, 'yaml');
    await client.change(workspaceFile, onDisk.replace("react: '^18.3.1'", "react: '18.3.1'"));
    await client.waitFor(() => (unpinnedReact()?.length === 0 ? true : undefined), 'react pinned by the unsaved catalog');
    expect(fs.readFileSync(workspaceFile, 'utf8')).toBe(onDisk);
    await client.close(workspaceFile);
    const after = await client.waitFor(() => (unpinnedReact()?.length ? unpinnedReact() : undefined), 'react unpinned again once the edit is discarded');
    expect(after.map((d) => d.message)).toEqual(before.map((d) => d.message));
  });
});

describe('lockfiles', () => {
  const lock = {
    name: 'bot',
    lockfileVersion: 3,
    packages: {
      '': { dependencies: { gigachat: '^0.0.20' } },
      'node_modules/gigachat': { version: '0.0.20', integrity: 'sha512-a', dependencies: { axios: '^1.7.0' } },
      'node_modules/axios': { version: '1.7.9', integrity: 'sha512-b' },
    },
  };

  it('judges what the dependencies pull in, as the CLI does, with diagnostics on the lockfile', async () => {
    const root = workspace({ 'package.json': JSON.stringify({ name: 'bot', dependencies: { gigachat: '^0.0.20' } }), 'package-lock.json': JSON.stringify(lock, null, 2) }, false);
    const client = await start(root);
    const lockfile = path.join(root, 'package-lock.json');
    const diagnostics = await client.waitFor(() => client.diagnosticsOf(lockfile), 'diagnostics on the lockfile');
    expect(diagnostics.map((d) => [d.code, String(d.message).split(' — ')[0]])).toEqual([[expect.stringMatching(/^(foreign-component|unknown-provenance)$/), 'axios']]);
    const manifest = path.join(root, 'package.json');
    const pulls = await client.waitFor(() => client.diagnosticsOf(manifest)?.find((d) => d.code === 'foreign-transitive'), 'the pulls diagnostic');
    expect(pulls.message).toMatch(/^gigachat pulls 1 non-domestic package: axios/);
    expect(pulls.relatedInformation).toEqual([
      { location: { uri: uriOf(lockfile), range: diagnostics[0]!.range }, message: expect.stringMatching(/^axios@1\.7\.9 — .*, via gigachat$/) },
    ]);
    const verdict = await client.waitFor(() => client.verdicts.at(-1)?.[0], 'a verdict');
    expect(verdict.blockedBy).toEqual(['npm:axios']);
    expect(verdict.summary).not.toMatch(/not examined/);
  });

  it('judges the lockfile again when a config changes: a rule turned off, or an exception, reaches its packages', async () => {
    const root = workspace({ 'package.json': JSON.stringify({ name: 'bot', dependencies: { gigachat: '^0.0.20' } }), 'package-lock.json': JSON.stringify(lock, null, 2), 'sovereign-lint.json': '{}\n' }, false);
    const client = await start(root);
    const lockfile = path.join(root, 'package-lock.json');
    const config = path.join(root, 'sovereign-lint.json');
    const codes = () => client.diagnosticsOf(lockfile)?.map((d) => `${d.code}${d.severity === 4 ? ' (accepted)' : ''}`);
    await client.waitFor(() => codes()?.length, 'diagnostics on the lockfile');
    const [before] = codes()!;
    expect(before).toMatch(/^(foreign-component|unknown-provenance)$/);
    await client.open(config, '{}\n');
    await client.change(config, `{ "rules": { "${before}": "off" } }\n`);
    await client.waitFor(() => codes()?.length === 0, 'the rule turned off on the lockfile too');
    await client.change(config, '{ "ignore": [{ "component": "npm:axios", "reason": "vendored build" }] }\n');
    expect(await client.waitFor(() => codes()?.length && codes(), 'the exception on the lockfile')).toEqual([`${before} (accepted)`]);
  });

  it('looks each dependency up in the lockfile as package.json is edited: its locked version, and whether the lockfile is out of date for it', async () => {
    const manifestText = '{\n  "name": "bot",\n  "dependencies": { "gigachat": "^0.0.20" }\n}\n';
    const root = workspace(
      { 'package.json': manifestText, 'package-lock.json': JSON.stringify(lock, null, 2), 'sovereign-lint.json': '{ "rules": { "unpinned-version": "warning" } }\n' },
      false,
    );
    const client = await start(root);
    const manifest = path.join(root, 'package.json');
    const codesOf = (diagnostics: Diagnostic[] | undefined) => diagnostics?.map((d) => `${d.code}: ${d.message}`).sort();
    const scanned = codesOf(await client.waitFor(() => client.diagnosticsOf(manifest)?.find((d) => d.code === 'foreign-transitive') && client.diagnosticsOf(manifest), 'the scan'));
    const pulls = expect.stringMatching(/^foreign-transitive: gigachat pulls 1 non-domestic package: axios/);
    const pinGigachat = 'unpinned-version: gigachat — version "^0.0.20" is a range; the lockfile resolves 0.0.20: pin it for trusted readiness';
    expect(scanned).toEqual([pulls, pinGigachat]);
    await client.open(manifest, manifestText);

    // A dependency added, not installed yet: the lockfile lacks it, and still resolves the others as before.
    await client.change(manifest, manifestText.replace('"gigachat": "^0.0.20"', '"gigachat": "^0.0.20", "openai": "^4.77.0"'));
    const added = await client.waitFor(() => client.diagnosticsOf(manifest)?.some((d) => String(d.message).startsWith('openai')) && client.diagnosticsOf(manifest), 'diagnostics after the edit');
    expect(codesOf(added)).toEqual([
      'foreign-proprietary: openai — client of a foreign hosted service (OpenAI, US): blocks national',
      pulls,
      'unlocked-dependency: openai is not in package-lock.json: the lockfile is out of date (run `npm install`), so what openai pulls in was not examined; blocks trusted readiness',
      pinGigachat,
      'unpinned-version: openai — version "^4.77.0" is a range, not an exact pin: blocks trusted readiness',
    ]);

    // A range the locked version falls outside: out of date as typed, with no pin to offer, and what the lockfile
    // says it pulls in no longer counts, as in a scan.
    await client.change(manifest, manifestText.replace('"^0.0.20"', '"^1.0.0"'));
    const moved = await client.waitFor(() => client.diagnosticsOf(manifest)?.some((d) => d.code === 'unlocked-dependency' && String(d.message).startsWith('gigachat')) && client.diagnosticsOf(manifest), 'the range edited');
    expect(codesOf(moved)).toEqual([
      expect.stringMatching(/^unlocked-dependency: gigachat — package-lock\.json locks 0\.0\.20, outside the declared "\^1\.0\.0": /),
      'unpinned-version: gigachat — version "^1.0.0" is a range, not an exact pin: blocks trusted readiness',
    ]);
  });

  it('pins one dependency, or every one of the file at once, to the version the lockfile resolves', async () => {
    const manifestText = '{\n  "name": "bot",\n  "dependencies": {\n    "gigachat": "^0.0.20",\n    "axios": "^1.7.0"\n  }\n}\n';
    const both = { ...lock, packages: { ...lock.packages, '': { dependencies: { gigachat: '^0.0.20', axios: '^1.7.0' } } } };
    const root = workspace(
      { 'package.json': manifestText, 'package-lock.json': JSON.stringify(both, null, 2), 'sovereign-lint.json': '{ "rules": { "unpinned-version": "warning" } }\n' },
      false,
    );
    const client = await start(root);
    const manifest = path.join(root, 'package.json');
    const pins = await client.waitFor(() => {
      const found = client.diagnosticsOf(manifest)?.filter((d) => d.code === 'unpinned-version');
      return found?.length === 2 ? found : undefined;
    }, 'both ranges flagged');
    await client.open(manifest, manifestText, 'json');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf(manifest) },
      range: pins[1]!.range,
      context: { diagnostics: [pins[1]] },
    })) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual([
      'Record an exception for axios in sovereign-lint.json',
      'Pin axios to 1.7.9, the version the lockfile resolves',
      'Pin all 2 dependencies of this file to the versions the lockfile resolves',
    ]);
    const all = actions[2]!;
    expect(all.diagnostics).toEqual([pins[1]]);
    const pinned = applyEdits(manifestText, all.edit!.changes![uriOf(manifest)]!);
    expect(pinned).toBe('{\n  "name": "bot",\n  "dependencies": {\n    "gigachat": "0.0.20",\n    "axios": "1.7.9"\n  }\n}\n');
    expect(Object.keys(all.edit!.changes!)).toEqual([uriOf(manifest)]);
  });

  it('answers a pull with the places in the lockfile that a dependency pulls in, as it pushes them', async () => {
    const manifestText = '{\n  "name": "bot",\n  "dependencies": { "gigachat": "^0.0.20" }\n}\n';
    const root = workspace({ 'package.json': manifestText, 'package-lock.json': JSON.stringify(lock, null, 2) }, false);
    const client = await start(root, { pull: true });
    const manifest = path.join(root, 'package.json');
    const pushed = await client.waitFor(() => client.diagnosticsOf(manifest)?.find((d) => d.code === 'foreign-transitive'), 'the pushed pulls diagnostic');
    await client.open(manifest, manifestText, 'json');
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uriOf(manifest) } })) as { items: Diagnostic[] };
    const pulled = report.items.find((d) => d.code === 'foreign-transitive');
    expect(pulled!.relatedInformation).toEqual(pushed.relatedInformation);
    expect(pulled!.relatedInformation!.map((r) => r.location.uri)).toEqual([uriOf(path.join(root, 'package-lock.json'))]);
  });

  it('opened on one member of a workspace, reads the root lockfile above the folder', async () => {
    const root = workspace({}, false);
    fs.cpSync(path.resolve(__dirname, '../fixtures/same-workspace/npm'), root, { recursive: true });
    const member = path.join(root, 'packages/web');
    const client = await start(member);
    const manifest = path.join(member, 'package.json');
    const pulls = await client.waitFor(() => client.diagnosticsOf(manifest)?.find((d) => d.code === 'foreign-transitive'), 'the pulls diagnostic');
    expect(pulls.message).toMatch(/^axios pulls \d+ non-domestic packages?: /);
    const related = pulls.relatedInformation![0]!.location;
    expect(related.uri).toBe(uriOf(path.join(root, 'package-lock.json')));
    const verdict = await client.waitFor(() => client.verdicts.at(-1)?.[0], 'a verdict');
    expect(verdict.summary).not.toMatch(/examined/);
    // Followed to the root lockfile, the related place hovers with its chain, as the member's scan found it.
    await client.open(path.join(root, 'package-lock.json'), fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'), 'json');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: related.uri }, position: related.range.start })) as Hover;
    expect((hover.contents as { value: string }).value).toContain('| Pulled in by | axios |');
  });

  it('opened on two members of a workspace, shows on the root lockfile what each of them pulls in', async () => {
    const root = workspace({}, false);
    fs.cpSync(path.resolve(__dirname, '../fixtures/same-workspace/npm'), root, { recursive: true });
    // Without its dependency on @mono/web, api pulls in nothing web does but debug.
    fs.writeFileSync(path.join(root, 'packages/api/package.json'), '{ "name": "@mono/api", "dependencies": { "express": "^4.21.2", "openai": "^4.77.0" } }');
    const lockfile = path.join(root, 'package-lock.json');
    const client = new LspTestClient({ folders: [path.join(root, 'packages/web'), path.join(root, 'packages/api')] });
    clients.push(client);
    await client.initialize();
    await client.waitFor(() => client.verdicts.at(-1)?.length === 2, 'both folders judged');
    const names = (diagnostics: Diagnostic[] | undefined) => new Set(diagnostics?.map((d) => String(d.message).split(' ')[0]));
    // axios (web) pulls in follow-redirects; express (api) pulls in body-parser; both pull in debug.
    const shown = names(client.diagnosticsOf(lockfile));
    expect([...['follow-redirects', 'body-parser', 'debug']].filter((name) => !shown.has(name))).toEqual([]);
    expect(client.diagnosticsOf(lockfile)!.filter((d) => d.range.start.line === 243 && d.code === 'foreign-component')).toHaveLength(1);

    // A pulling client asks for the lockfile once it is open: the same union.
    const pulled = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uriOf(lockfile) } })) as { items: Diagnostic[] };
    expect(names(pulled.items)).toEqual(shown);

    // What api alone pulls in hovers with api's chain, and is attested in api's config.
    const accepts = client.diagnosticsOf(lockfile)!.find((d) => String(d.message).startsWith('accepts '))!;
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(lockfile) }, position: accepts.range.start })) as Hover;
    expect((hover.contents as { value: string }).value).toContain('| Pulled in by | express |');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf(lockfile) },
      range: accepts.range,
      context: { diagnostics: [accepts] },
    })) as CodeAction[];
    const edited = actions.flatMap((a) => (a.edit?.documentChanges ?? []).map((change) => ('textDocument' in change ? change.textDocument.uri : (change as { uri: string }).uri)));
    expect(actions.map((a) => a.title)).toEqual(['Attest the origin of accepts in sovereign-lint.json', 'Record an exception for accepts in sovereign-lint.json']);
    expect([...new Set(edited)]).toEqual([uriOf(path.join(root, 'packages/api/sovereign-lint.json'))]);

    // What both pull in hovers with each member's chain.
    const asynckit = client.diagnosticsOf(lockfile)!.find((d) => String(d.message).startsWith('asynckit '))!;
    const shared = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(lockfile) }, position: asynckit.range.start })) as Hover;
    expect((shared.contents as { value: string }).value).toContain('| Pulled in by | axios → form-data (web); openai → @types/node-fetch → form-data (api) |');

    // api closed: its files lose what it found, and the lockfile keeps what web pulls in.
    const api = path.join(root, 'packages/api');
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [], removed: [{ uri: uriOf(api), name: 'api' }] },
    });
    await client.waitFor(() => client.diagnosticsOf(path.join(api, 'package.json'))?.length === 0, "api's diagnostics cleared");
    const left = await client.waitFor(() => {
      const now = names(client.diagnosticsOf(lockfile));
      return !now.has('accepts') && now;
    }, "the lockfile without api's findings");
    expect(left.has('follow-redirects')).toBe(true);
  });

  it('opened on one member, watches the root lockfile above the folder and judges again when it changes', async () => {
    const root = workspace({}, false);
    fs.cpSync(path.resolve(__dirname, '../fixtures/same-workspace/npm'), root, { recursive: true });
    const lockfile = path.join(root, 'package-lock.json');
    const installed = fs.readFileSync(lockfile, 'utf8');
    // zod added to packages/web/package.json, not yet installed.
    const before = JSON.parse(installed) as { packages: Record<string, { dependencies?: Record<string, string> }> };
    delete before.packages['packages/web']!.dependencies!.zod;
    delete before.packages['node_modules/zod'];
    fs.writeFileSync(lockfile, JSON.stringify(before, null, 2));
    const member = path.join(root, 'packages/web');
    const client = await start(member);
    const manifest = path.join(member, 'package.json');
    const unlocked = () => client.diagnosticsOf(manifest)?.filter((d) => d.code === 'unlocked-dependency').map((d) => String(d.message).split(':')[0]);
    expect(await client.waitFor(() => unlocked()?.length && unlocked(), 'zod not in the root lockfile')).toEqual(['zod is not in ../../package-lock.json']);
    const watchers = client.registrations.flatMap((r) => (r.registerOptions as { watchers: { globPattern: unknown }[] }).watchers.map((w) => w.globPattern));
    expect(watchers).toContainEqual({ baseUri: uriOf(root), pattern: expect.stringContaining('package-lock.json') });

    // `npm install` at the workspace root.
    fs.writeFileSync(lockfile, installed);
    const verdictsBefore = await client.waitFor(() => client.verdicts.length, 'the first verdict');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(lockfile), type: 2 }] });
    await client.waitFor(() => unlocked()?.length === 0, 'zod locked after the install');
    // Judged again as the one folder it is: the workspace root is not taken in as a folder of its own.
    const verdict = await client.waitFor(() => client.verdicts.length > verdictsBefore && client.verdicts.at(-1), 'the verdict after the install');
    expect(verdict.map(({ folderUri }) => folderUri)).toEqual([uriOf(member)]);
    expect(client.diagnosticsOf(path.join(root, 'packages/api/package.json'))).toBeUndefined();
  });

  it('flags a dependency its lockfile lacks, and one typed since, and says so on hover', async () => {
    const manifestText = '{\n  "name": "bot",\n  "dependencies": { "gigachat": "^0.0.20", "left-pad": "^1.3.0" }\n}\n';
    const root = workspace({ 'package.json': manifestText, 'package-lock.json': JSON.stringify(lock, null, 2) }, false);
    const client = await start(root);
    const manifest = path.join(root, 'package.json');
    const unlocked = () => client.diagnosticsOf(manifest)?.filter((d) => d.code === 'unlocked-dependency');
    const message =
      'left-pad is not in package-lock.json: the lockfile is out of date (run `npm install`), so what left-pad pulls in was not examined; blocks trusted readiness';
    const leftPad = { start: { line: 2, character: 44 }, end: { line: 2, character: 52 } };
    expect(await client.waitFor(() => unlocked()?.length && unlocked(), 'the unlocked diagnostic')).toMatchObject([{ range: leftPad, message, severity: 2 }]);
    const verdict = await client.waitFor(() => client.verdicts.at(-1)?.[0], 'a verdict');
    expect(verdict.summary).toMatch(/; transitive dependencies partly examined \(lockfile out of date\)$/);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(manifest) }, position: leftPad.start })) as Hover;
    expect((hover.contents as { value: string }).value).toContain('| Version | ^1.3.0; not in package-lock.json |');

    // Edited, not saved: the lockfile has not changed, so it still lacks left-pad.
    await client.open(manifest, manifestText);
    await client.change(manifest, manifestText.replace('{ "gigachat"', '{ "openai": "^4.77.0", "gigachat"'));
    await client.waitFor(() => client.diagnosticsOf(manifest)?.some((d) => String(d.message).startsWith('openai')), 'the edit judged');
    const moved = { start: { line: 2, character: 65 }, end: { line: 2, character: 73 } };
    expect(unlocked()!.map((d) => [d.range, d.message])).toEqual([
      [{ start: { line: 2, character: 21 }, end: { line: 2, character: 27 } }, message.replaceAll('left-pad', 'openai')],
      [moved, message],
    ]);
  });
});

describe('workspace scan progress', () => {
  it('reports work-done progress from begin to end', async () => {
    const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`svc${i}/requirements.txt`, 'numpy\n']));
    const root = workspace(files, false);
    const client = await start(root, { progress: true });
    await client.waitFor(() => client.progress.some((p) => p.value.kind === 'end'), 'progress end');
    const kinds = client.progress.map((p) => p.value.kind);
    expect(kinds[0]).toBe('begin');
    expect(kinds.at(-1)).toBe('end');
    const name = path.basename(root);
    expect(client.progress.filter((p) => p.value.kind === 'report').map((p) => [p.value.percentage, p.value.message])).toEqual([
      [20, `${name}: read 16/40 files`],
      [40, `${name}: read 32/40 files`],
      [70, `${name}: checked 16/40 files`],
      [90, `${name}: checked 32/40 files`],
    ]);
  });

  it('stops scanning when the user cancels', async () => {
    const files = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`svc${i}/requirements.txt`, 'numpy\n']));
    const root = workspace(files, false);
    const client = await start(root, { progress: true });
    const begin = await client.waitFor(() => client.progress.find((p) => p.value.kind === 'begin'), 'progress begin');
    await client.connection.sendNotification('window/workDoneProgress/cancel', { token: begin.token });
    await client.waitFor(() => client.progress.some((p) => p.value.kind === 'end'), 'progress end after cancel');
    expect(client.diagnostics.size).toBeLessThan(3000);
  });
});
