// The editor end-to-end check, offline: runs test/e2e/suite.ts (the examples as one folder) and
// test/e2e/multiRoot.ts (a multi-root workspace) inside a real VS Code (code-server 4.100.3 driven by
// Debian's Chromium, as ../shared/e2e/README.md describes), then installs the packaged .vsix into a
// clean code-server and sees it activate and show its verdict.
// Installs code-server and Chromium itself on first use (into .e2e/, kept out of git).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { examplesFolder, multiRootWorkspace } from './e2eWorkspaces.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repo, '../shared/e2e');
const install = path.join(repo, '.e2e/code-server');
const codeServer = path.join(install, 'node_modules/.bin/code-server');
const artifacts = path.join(repo, 'out/e2e');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

function ensureCodeServer() {
  if (fs.existsSync(codeServer) && fs.existsSync('/usr/bin/chromium')) return;
  console.log('Installing code-server 4.100.3 and Chromium (first run only)…');
  execFileSync('sh', [path.join(shared, 'install-code-server.sh'), install], { stdio: 'inherit' });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function startCodeServer(state, workspace) {
  const port = await freePort();
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(state, 'xdg'), XDG_DATA_HOME: path.join(state, 'xdg-data') };
  const args = [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', path.join(state, 'user'), '--extensions-dir', path.join(state, 'extensions'), workspace,
  ];
  const child = spawn(codeServer, args, { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('code-server did not start within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { base, stop: () => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ } } };
}

function freshState(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `sovereign-lint-${name}-`));
}

/**
 * Runs an extension-host suite (a module exporting run(), as @vscode/test-electron's extensionTestsPath takes) in a
 * code-server that loads the extension from this folder, on a folder or a .code-workspace file. As
 * ../shared/e2e/run-extension-tests.cjs does, which opens folders only.
 */
async function runSuite(name, open, suite) {
  const state = freshState(name);
  const target = open(state);
  const server = await startCodeServer(state, target);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-')), { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const authority = new URL(server.base).host;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${repo}`],
      ['extensionTestsPath', `vscode-remote://${authority}${path.join(repo, 'out/e2e', suite)}`],
    ];
    const page = browser.pages()[0] ?? (await browser.newPage());
    const exit = new Promise((resolve) => {
      page.exposeFunction('codeAutomationLog', (type, args) => console.log(`[extension host ${type}]`, ...args));
      page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    const opened = target.endsWith('.code-workspace') ? `workspace=${encodeURIComponent(target)}` : `folder=${encodeURIComponent(target)}`;
    await page.goto(`${server.base}/?${opened}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const code = await Promise.race([exit, new Promise((resolve) => setTimeout(() => resolve('timeout'), 300_000))]);
    console.log(`${name}: extension tests exit code ${code}`);
    return code === 0;
  } finally {
    await browser.close();
    server.stop();
  }
}

/** The packaged .vsix, installed into a clean code-server: it must activate and show the verdict. */
async function checkPackage() {
  execFileSync('npm', ['run', 'package', '--silent'], { cwd: repo, stdio: 'inherit' });
  const state = freshState('vsix');
  const workspace = examplesFolder(state);
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(state, 'xdg'), XDG_DATA_HOME: path.join(state, 'xdg-data') };
  execFileSync(codeServer, ['--extensions-dir', path.join(state, 'extensions'), '--user-data-dir', path.join(state, 'user'), '--install-extension', path.join(repo, 'sovereign-lint.vsix')], { env, stdio: 'inherit' });
  const server = await startCodeServer(state, workspace);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: CHROMIUM_ARGS,
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`${server.base}/?folder=${encodeURIComponent(workspace)}`);
    const status = page.locator('.statusbar-item', { hasText: /Sovereign Lint: (sovereign|national|none)/ });
    await status.first().waitFor({ timeout: 120_000 });
    const text = (await status.first().innerText()).trim();
    console.log(`packaged extension active; status bar: ${text}`);
    // What a person sees: the manifest with its diagnostics and the Problems panel.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'telegram-bot' }).first().click();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'package.json' }).first().click();
    await page.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 30_000 });
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'packaged-extension.png') });
    return /^Sovereign Lint: none — \d+ blocks? national$/.test(text);
  } finally {
    await browser.close();
    server.stop();
  }
}

ensureCodeServer();
const suiteOk = await runSuite('suite', examplesFolder, 'suite.js');
console.log(`editor suite: ${suiteOk ? 'passed' : 'FAILED'}`);
const multiRootOk = await runSuite('multi-root', multiRootWorkspace, 'multiRoot.js');
console.log(`multi-root editor suite: ${multiRootOk ? 'passed' : 'FAILED'}`);
const packageOk = await checkPackage();
console.log(`packaged extension: ${packageOk ? 'activates and shows the verdict' : 'FAILED'}`);
process.exit(suiteOk && multiRootOk && packageOk ? 0 : 1);
