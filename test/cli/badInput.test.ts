// Bad input ends with a clear problem, fast, and loses nothing else: the scan goes on.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from '../helpers/files';

const bin = path.resolve(__dirname, '../../dist/cli.js');
const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');

let root: string;
let report: { errors: { file: string; message: string; range?: unknown }[]; components: { id: string; file: string }[]; verdict: { summary: string } };
let elapsed: number;
let status: number | null;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-bad-'));
  const write = (file: string, content: string | Buffer) => writeFile(root, file, content);
  write('good/requirements.txt', 'catboost==1.2.7\n');
  write('half-typed/package.json', '{\n  "dependencies": {\n    "openai": "^4",\n    "zod": "^3",\n    "ax');
  write('broken-toml/pyproject.toml', '[project]\ndependencies = ["numpy"\nname = "x"\n');
  write('broken-yaml/README.md', '---\nbase_model: [Qwen/Qwen2.5-7B\nlicense: mit\n---\n# x\n');
  write('binary/requirements.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02, 0x00, 0xff, 0xfe]));
  write('bomb/README.md', `---\nbase_model: Qwen/Qwen2.5-7B-Instruct\n${bomb}\n---\n`);
  write('huge/requirements.txt', 'numpy==1.0\n'.repeat(2_000_000));
  write('deep/package.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  write('not-a-card/notes.md', '---\ntitle: [unclosed\n---\n');
  write('deep-lock/package.json', '{ "name": "deep-lock", "dependencies": { "zod": "^3" } }');
  write('deep-lock/bun.lock', `{ "packages": ${'['.repeat(100_000)}${']'.repeat(100_000)} }`);
  // Each mention of a computed install_requires once cost a pass over the rest of the file: hours for this one. Each
  // assignment of it anew is followed to the files it reads, once.
  write('hostile-setup/setup.py', `${'install_requires=x\n'.repeat(50_000)}${'install_requires = install_requires + x\n'.repeat(50_000)}`);
  // Each misshapen key of an environment file was once searched for from the file's start: minutes for this one.
  write('hostile-conda/environment.yml', `dependencies:\n${Array.from({ length: 20_000 }, (_, i) => `  - installer${i}:\n    - x\n`).join('')}`);
  // Each entry of a Pipfile was once searched for from its section's header: a quarter of an hour for this one.
  write('long-pipfile/Pipfile', `[packages]\n${Array.from({ length: 30_000 }, (_, i) => `package-${i} = "*"\n`).join('')}`);
  write('catalog-bomb/package.json', '{ "name": "catalog-bomb", "dependencies": { "zod": "catalog:" } }');
  write('catalog-bomb/pnpm-workspace.yaml', `${bomb}\ncatalog: *i\n`);
  fs.mkdirSync(path.join(root, 'links'));
  fs.symlinkSync('..', path.join(root, 'links/loop'));
  fs.symlinkSync('/etc/passwd', path.join(root, 'links/requirements.txt'));
  const started = performance.now();
  const result = spawnSync(process.execPath, [bin, 'scan', root, '--format', 'json'], { encoding: 'utf8', timeout: 30_000, maxBuffer: 1 << 28 });
  elapsed = performance.now() - started;
  status = result.status;
  report = JSON.parse(result.stdout);
});

describe('a tree full of bad input', () => {
  it('finishes fast with exit 1 (the verdict cannot be trusted while files are unread)', () => {
    expect(status).toBe(1);
    expect(elapsed).toBeLessThan(10_000);
    expect(report.verdict.summary).toMatch(/; 10 files could not be fully read(;|$)/);
  });

  it('keeps what could be read: the good project and the components before a half-typed line', () => {
    const ids = report.components.map((c) => `${c.file} ${c.id}`);
    expect(ids).toContain('long-pipfile/Pipfile pypi:package-29999');
    expect(ids).toContain('good/requirements.txt pypi:catboost');
    expect(ids).toContain('half-typed/package.json npm:openai');
    expect(ids).toContain('half-typed/package.json npm:zod');
  });

  it('reports each bad file once, with a clear message', () => {
    const byFile = Object.fromEntries(report.errors.map((error) => [error.file, error.message]));
    expect(Object.keys(byFile).sort()).toEqual([
      'binary/requirements.txt',
      'bomb/README.md',
      'broken-toml/pyproject.toml',
      'broken-yaml/README.md',
      'deep-lock/bun.lock',
      'deep/package.json',
      'half-typed/package.json',
      'hostile-conda/environment.yml',
      'hostile-setup/setup.py',
      'huge/requirements.txt',
    ]);
    expect(byFile['binary/requirements.txt']).toBe('binary file (contains NUL bytes); not read');
    expect(byFile['huge/requirements.txt']).toBe('file is 21.0 MB, over the 4.0 MB limit for a manifest; not read');
    expect(byFile['bomb/README.md']).toBe('card front matter expands aliases more than 100 times (an alias bomb); not read');
    expect(byFile['half-typed/package.json']).toMatch(/^package\.json is not valid JSON: /);
    expect(byFile['broken-toml/pyproject.toml']).toMatch(/^pyproject\.toml is not valid TOML: /);
    expect(byFile['broken-yaml/README.md']).toMatch(/^card front matter is not valid YAML: /);
    expect(report.errors.filter((error) => error.file === 'hostile-conda/environment.yml')).toHaveLength(20);
    expect(byFile['hostile-setup/setup.py']).toBe(
      'setup.py computes install_requires, which is not read: list the requirements as strings, or in pyproject.toml or a requirements file',
    );
  });

  it('places parse problems at their position', () => {
    const halfTyped = report.errors.find((error) => error.file === 'half-typed/package.json');
    expect(halfTyped?.range).toEqual({ start: { line: 4, character: 4 }, end: { line: 4, character: 7 } });
  });

  it('refuses pathological nesting with a reason instead of a stack overflow', () => {
    expect(report.errors.find((error) => error.file === 'deep/package.json')?.message).toBe('nested more than 512 levels deep; not read');
    expect(report.errors.find((error) => error.file === 'deep-lock/bun.lock')?.message).toBe('bun.lock is nested too deeply to read');
  });

  it('reads past a catalog that is an alias bomb: the catalog names no entry, the dependency is still judged', () => {
    expect(report.components.map((c) => `${c.file} ${c.id}`)).toContain('catalog-bomb/package.json npm:zod');
  });

  it('skips a Markdown file whose front matter is not a card', () => {
    expect(report.errors.map((error) => error.file)).not.toContain('not-a-card/notes.md');
  });

  it('never follows a symbolic link, out of the root or round a loop', () => {
    expect(report.components.some((c) => c.file.startsWith('links/'))).toBe(false);
    expect(report.errors.some((error) => error.file.startsWith('links/'))).toBe(false);
  });
});
