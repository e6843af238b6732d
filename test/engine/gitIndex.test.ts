// The paths a repository tracks, from indexes Git itself writes (versions 2, 3 and 4), and the walk that keeps a
// tracked manifest whatever the ignore rules say.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { trackedPaths } from '../../server/src/engine/gitIndex';
import { findManifests } from '../../server/src/engine/walk';
import { writeFile } from '../helpers/files';

let root: string;
const write = (file: string, content = '') => writeFile(root, file, content);
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: root, stdio: 'pipe' });

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-gitindex-'));
  git('init', '-q', '.');
});

describe('trackedPaths', () => {
  const files = ['requirements.txt', 'services/api/package.json', 'models/ру-модель/README.md', 'deep/a/b/c/d/pyproject.toml'];

  it.each([2, 3, 4])('reads the files and folders a version %i index tracks', (version) => {
    for (const file of files) write(file, '{}\n');
    git('add', '.');
    // Version 3 is what an intent-to-add entry needs (its extended flags); 4 compresses each path against the one before.
    if (version === 3) {
      write('later/requirements.txt');
      git('add', '-N', 'later/requirements.txt');
    }
    git('update-index', `--index-version=${version}`);
    expect(fs.readFileSync(path.join(root, '.git/index')).readUInt32BE(4)).toBe(version);
    const tracked = trackedPaths(root)!;
    expect([...tracked.files].sort()).toEqual([...files, ...(version === 3 ? ['later/requirements.txt'] : [])].sort());
    expect(tracked.folders).toEqual(
      new Set(['services', 'services/api', 'models', 'models/ру-модель', 'deep', 'deep/a', 'deep/a/b', 'deep/a/b/c', 'deep/a/b/c/d', ...(version === 3 ? ['later'] : [])]),
    );
  });

  it('is empty before the first git add, and unknown for an index it cannot read', () => {
    expect(trackedPaths(root)).toEqual({ files: new Set(), folders: new Set() });
    fs.writeFileSync(path.join(root, '.git/index'), 'DIRC\0\0\0\x07garbage');
    expect(trackedPaths(root)).toBeUndefined();
    fs.writeFileSync(path.join(root, '.git/index'), Buffer.from([0x44, 0x49, 0x52, 0x43, 0, 0, 0, 2, 0xff, 0xff, 0xff, 0xff, 1, 2, 3]));
    expect(trackedPaths(root)).toBeUndefined();
  });
});

describe('findManifests and what the repository tracks', () => {
  it('keeps a tracked manifest that a later rule matches, and skips the untracked ones it matches', () => {
    write('requirements.txt', 'numpy\n');
    write('generated/requirements.txt', 'torch\n');
    git('add', '.');
    // Logs were being committed: `*.txt` and `generated/` were ignored afterwards.
    write('.gitignore', '*.txt\ngenerated/\n');
    write('logs/run-1/requirements.txt');
    write('generated/extra/requirements.txt');
    write('generated/extra/package.json', '{}');
    expect(findManifests(root)).toEqual(['generated/requirements.txt', 'requirements.txt']);
  });

  it('ignores nothing by rule where the index cannot be read, rather than skip what may be tracked', () => {
    write('.gitignore', 'wandb/\n');
    write('wandb/run-1/files/requirements.txt');
    fs.writeFileSync(path.join(root, '.git/index'), 'DIRC\0\0\0\x09');
    expect(findManifests(root)).toEqual(['wandb/run-1/files/requirements.txt']);
  });
});
