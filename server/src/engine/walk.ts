// Finding manifests under a folder: skips dependency folders, virtualenvs, VCS metadata, build output and
// what Git ignores, and never follows a symbolic link (so never out of the root, never round a loop; a link
// inside the root points at files the walk reaches in their own place).
import fs from 'node:fs';
import path from 'node:path';
import { fdir } from 'fdir';
import { manifestKind } from '../readers/index';
import { GitIgnore } from './gitIgnore';

const SKIPPED_DIRECTORIES = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  '__pycache__',
  '.venv',
  'venv',
  'site-packages',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.eggs',
  '.next',
  '.nuxt',
  '.cache',
  'dist',
  'build',
  'out',
  'coverage',
]);

/** Manifest paths under `root`, relative to it with `/`, sorted. */
export function findManifests(root: string, excluded: (relativePath: string) => boolean = () => false): string[] {
  const gitIgnore = new GitIgnore(root);
  const found = new fdir()
    .withRelativePaths()
    .withPathSeparator('/')
    .exclude(
      (name, dirPath) =>
        isSkippedDirectory(name, dirPath) || excluded(path.relative(root, dirPath).split(path.sep).join('/')) || gitIgnore.ignores(path.resolve(dirPath), true),
    )
    .filter((file) => manifestKind(file) !== undefined && !excluded(file) && !gitIgnore.ignores(path.join(root, file), false))
    .crawl(root)
    .sync();
  // fdir lists symbolic links as files without following them; drop them.
  return found.filter((file) => !fs.lstatSync(path.join(root, file)).isSymbolicLink()).sort();
}

function isSkippedDirectory(name: string, dirPath: string): boolean {
  if (SKIPPED_DIRECTORIES.has(name) || name.endsWith('.egg-info')) return true;
  // A virtualenv under any name carries pyvenv.cfg; only names that hint at one are checked, to spare a stat per folder.
  return /env/i.test(name) && fs.existsSync(path.join(dirPath, 'pyvenv.cfg'));
}
