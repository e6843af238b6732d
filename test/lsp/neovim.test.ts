// A second, independent LSP client: headless Neovim 0.7 (Debian `neovim`, installed by .ci/run)
// starts `sovereign-lint lsp --stdio` with vim.lsp.start_client and prints the diagnostics it receives.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');
const script = path.resolve(repo, '../shared/e2e/lsp_diag.lua');

describe('Neovim as the LSP client', () => {
  it('shows the bot manifest’s diagnostics, pushed to a client that does not pull', () => {
    expect(fs.existsSync(script), `${script} (from ../shared/e2e) must exist beside the repository`).toBe(true);
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-nvim-'));
    fs.copyFileSync(path.join(repo, 'examples/telegram-bot/package.json'), path.join(workspace, 'package.json'));
    const result = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${script}`, 'package.json'], {
      cwd: workspace,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, LSP_CMD: process.execPath, LSP_ARGS: `${path.join(repo, 'dist/cli.js')} lsp --stdio`, LSP_TIMEOUT_MS: '15000' },
    });
    expect(result.error, 'nvim must be installed (apt-get install neovim; .ci/run does it)').toBeUndefined();
    const lines = result.stdout.trim().split('\n');
    expect(result.status, result.stderr).toBe(0);
    expect(lines).toContain(`${path.join(workspace, 'package.json')}:13:6: [ERROR] openai — client of a foreign hosted service (OpenAI, US): blocks national (sovereign-lint)`);
    expect(lines).toContain(`${path.join(workspace, 'package.json')}:20:6: [ERROR] typescript — foreign open-source (US): allowed for national, blocks sovereign (sovereign-lint)`);
    expect(lines.at(-1)).toBe('DIAGNOSTICS=9');
  });
});
