// The `sovereign-lint` executable loads the bundle through V8's code cache: a cache that is missing, or
// that V8 rejects (another Node wrote it, or the file is damaged), must only cost time, never the run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-lint-launcher-'));
afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));
for (const file of ['cli.js', 'sovereign-lint.js']) fs.copyFileSync(path.join(repo, 'dist', file), path.join(copy, file));
const cache = path.join(copy, 'sovereign-lint.js.cache');

function scanExample() {
  return spawnSync(process.execPath, [path.join(copy, 'cli.js'), 'scan', 'examples/rag-service', '--target', 'national'], { cwd: repo, encoding: 'utf8' });
}

describe('the launcher', () => {
  const expected = spawnSync(process.execPath, [path.join(repo, 'dist/cli.js'), 'scan', 'examples/rag-service', '--target', 'national'], {
    cwd: repo,
    encoding: 'utf8',
  });

  it('is built with a code cache beside the bundle', () => {
    expect(fs.statSync(path.join(repo, 'dist/sovereign-lint.js.cache')).size).toBeGreaterThan(0);
  });

  it('runs the same scan without a cache', () => {
    fs.rmSync(cache, { force: true });
    const result = scanExample();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected.stdout);
  });

  it('runs the same scan with a damaged cache', () => {
    fs.writeFileSync(cache, Buffer.from('not a V8 code cache'.repeat(100)));
    const result = scanExample();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected.stdout);
  });

  it('starts the language server, which reports a missing transport', () => {
    const result = spawnSync(process.execPath, [path.join(copy, 'cli.js'), 'lsp'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('sovereign-lint: lsp needs a transport: --stdio, --node-ipc, --socket=PORT or --pipe=NAME\n');
  });
});
