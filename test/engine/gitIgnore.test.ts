// A workspace walk reads what the repository holds: what Git ignores is skipped, as Git reads its ignore files.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { findManifests, WalkScope } from '../../server/src/engine/walk';
import { writeFile } from '../helpers/files';

let root: string;
const write = (file: string, content = '') => writeFile(root, file, content);
const at = (dir: string) => path.join(root, dir);
const repository = (dir = '') => fs.mkdirSync(path.join(root, dir, '.git/info'), { recursive: true });

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-gitignore-'));
});

describe('findManifests in a Git repository', () => {
  it('skips the runs and downloads the repository ignores, and keeps the rest', () => {
    repository();
    write('.gitignore', '# experiment tracking\nwandb/\nmlruns\n\n*.tmp.txt\n');
    write('requirements.txt');
    write('wandb/run-20261122_101500-abc/files/requirements.txt');
    write('mlruns/0/abc/artifacts/model/requirements.txt');
    write('services/api/requirements.tmp.txt');
    write('services/api/wandb/run-1/files/requirements.txt');
    write('services/api/pyproject.toml');
    expect(findManifests(root)).toEqual(['requirements.txt', 'services/api/pyproject.toml']);
  });

  it('reads every .gitignore below, each relative to its folder, the deeper one winning', () => {
    repository();
    write('.gitignore', 'data/*\n');
    write('data/.gitignore', '!keep/\n');
    write('data/keep/requirements.txt');
    write('data/other/requirements.txt');
    write('services/.gitignore', '/generated\ncache/\n');
    write('services/generated/requirements.txt');
    write('services/api/generated/requirements.txt');
    write('services/api/cache/requirements.txt');
    expect(findManifests(root)).toEqual(['data/keep/requirements.txt', 'services/api/generated/requirements.txt']);
  });

  it('reads a .gitignore as Git does past a byte-order mark and a lone slash', () => {
    repository();
    write('sub/.gitignore', '\uFEFFcache/\n/\n');
    write('sub/a/requirements.txt');
    write('sub/cache/requirements.txt');
    expect(findManifests(root)).toEqual(['sub/a/requirements.txt']);
  });

  it("keeps each package's .gitignore to its own folder, however many packages have one", () => {
    repository();
    for (let i = 0; i < 300; i++) write(`packages/p${i}/.gitignore`, `/generated-${i}\ncache/\n`);
    write('packages/p1/generated-1/requirements.txt');
    write('packages/p2/generated-1/requirements.txt');
    write('packages/p3/src/cache/requirements.txt');
    write('apps/web/cache/requirements.txt');
    expect(findManifests(root)).toEqual(['apps/web/cache/requirements.txt', 'packages/p2/generated-1/requirements.txt']);
  });

  it('matches nothing under more patterns than any real repository has, rather than take hours', () => {
    repository();
    write('.gitignore', ['wandb/', ...Array.from({ length: 2500 }, (_, i) => `generated-${i}/**/*.log`)].join('\n'));
    write('wandb/run-1/files/requirements.txt');
    expect(findManifests(root)).toEqual(['wandb/run-1/files/requirements.txt']);
  });

  it('matches case as Git does on this file system: exactly on Linux, where CI runs', () => {
    repository();
    write('.gitignore', 'Data/\n');
    write('data/requirements.txt');
    const caseInsensitive = process.platform === 'darwin' || process.platform === 'win32';
    expect(findManifests(root)).toEqual(caseInsensitive ? [] : ['data/requirements.txt']);
  });

  it("applies the repository's .git/info/exclude", () => {
    repository();
    write('.git/info/exclude', 'scratch/\n');
    write('scratch/requirements.txt');
    write('app/requirements.txt');
    expect(findManifests(root)).toEqual(['app/requirements.txt']);
  });

  it('applies the .gitignore files above a folder scanned on its own, up to the repository root', () => {
    repository();
    write('.gitignore', 'wandb/\n');
    write('services/.gitignore', 'local/\n');
    write('services/api/requirements.txt');
    write('services/api/wandb/run-1/files/requirements.txt');
    write('services/api/local/requirements.txt');
    expect(findManifests(at('services/api'))).toEqual(['requirements.txt']);
  });

  it('scans a folder named for the scan even where the repository ignores it', () => {
    repository();
    write('.gitignore', '.bench/\n');
    write('.bench/medium/requirements.txt');
    write('.bench/medium/app/package.json');
    expect(findManifests(root)).toEqual([]);
    expect(findManifests(at('.bench/medium'))).toEqual(['app/package.json', 'requirements.txt']);
  });

  it('reads a build-output folder the repository tracks files in, as it holds sources; skips one it does not', () => {
    write('build/requirements_lock_3_12.txt');
    write('dist/package.json');
    write('requirements.txt');
    // Outside a repository, and in one before anything is added, such folders are output.
    expect(findManifests(root)).toEqual(['requirements.txt']);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
    git('init', '-q', '.');
    expect(findManifests(root)).toEqual(['requirements.txt']);
    git('add', 'build/requirements_lock_3_12.txt', 'requirements.txt');
    expect(findManifests(root)).toEqual(['build/requirements_lock_3_12.txt', 'requirements.txt']);
    expect(new WalkScope(root).leavesOut(at('dist/package.json'))).toBe(true);
    expect(new WalkScope(root).leavesOut(at('build/requirements_lock_3_12.txt'))).toBe(false);
  });

  it('reads a repository inside another on its own, and ignores nothing outside a repository', () => {
    repository();
    write('.gitignore', 'vendor/\n');
    write('vendor/requirements.txt');
    repository('third_party/lib');
    write('third_party/lib/vendor/requirements.txt');
    expect(findManifests(root)).toEqual(['third_party/lib/vendor/requirements.txt']);
    fs.rmSync(at('.git'), { recursive: true });
    expect(findManifests(root)).toEqual(['third_party/lib/vendor/requirements.txt', 'vendor/requirements.txt']);
  });
});

describe('findManifests against Git itself', () => {
  // Trees of manifests with ignore files at random (re-includes, anchors, wildcards, ignored folders holding
  // tracked files), each compared with what `git ls-files` says the repository holds.
  const NAMES = ['a', 'b', 'data', 'keep', 'cache', 'logs', 'src'];
  const PATTERNS = ['data/', '*.txt', '!keep/', '/logs', 'cache/', 'a/*', '!a/b/', '**/tmp', 'b', '!requirements.txt', '*.json', '/a/b/', 'data/*', '!data/keep/', 'keep', 'src/**/cache', '!*.json', 'logs/', '/src', '!src/'];

  it('reads exactly the manifests git ls-files lists, on 60 seeded random repositories', () => {
    let seed = 20261122;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    for (let round = 0; round < 60; round++) {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-gitignore-random-'));
      const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
      git('init', '-q', '.');
      const files = ['requirements.txt', ...Array.from({ length: 30 }, () => [...Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(NAMES)), pick(['requirements.txt', 'package.json'])].join('/'))];
      for (const file of files) write(file, '{}');
      for (const dir of new Set(['.', ...files.map((file) => path.posix.dirname(file))])) {
        if (random() < 0.3) write(`${dir}/.gitignore`, `${Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(PATTERNS)).join('\n')}\n`);
      }
      if (random() < 0.5) for (const file of files) if (random() < 0.2) git('add', '-f', file);
      const held = git('ls-files', '--cached', '--others', '--exclude-standard').split('\n').filter((file) => /(^|\/)(requirements\.txt|package\.json)$/.test(file));
      expect({ round, manifests: findManifests(root) }).toEqual({ round, manifests: [...new Set(held)].sort() });
    }
  });
});

describe('WalkScope.leavesOut', () => {
  it('tells a file met outside a walk (a change on disk, a file opened) that the walk would leave out', () => {
    repository();
    write('.gitignore', 'wandb/\n');
    const scope = new WalkScope(root);
    expect(scope.leavesOut(at('wandb/run-1/files/requirements.txt'))).toBe(true);
    expect(scope.leavesOut(at('node_modules/left-pad/package.json'))).toBe(true);
    expect(scope.leavesOut(at('app/requirements.txt'))).toBe(false);
    expect(scope.leavesOut(path.join(os.tmpdir(), 'elsewhere/requirements.txt'))).toBe(false);
    expect(new WalkScope(root, (relative) => relative.startsWith('app/')).leavesOut(at('app/requirements.txt'))).toBe(true);
  });
});
