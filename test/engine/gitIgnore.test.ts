// A workspace walk reads what the repository holds: what Git ignores is skipped, as Git reads its ignore files.
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
