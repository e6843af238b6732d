// Finding manifests under a folder: skips dependency folders, virtualenvs, VCS metadata, build output (unless Git
// tracks files there) and what Git ignores, and never follows a symbolic link (so never out of the root, never round a loop; a link
// inside the root points at files the walk reaches in their own place).
import fs from 'node:fs';
import path from 'node:path';
import { fdir } from 'fdir';
import { manifestKind } from '../readers/index';
import { GitIgnore } from './gitIgnore';
import { relativeTo } from './paths';

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
]);

/** Names build tools write their output under: skipped, unless the repository tracks files there (then they are its sources). */
const BUILD_OUTPUT = new Set(['dist', 'build', 'out', 'coverage']);

/** Manifest paths under `root`, relative to it with `/`, sorted. */
export function findManifests(root: string, scope = new WalkScope(root)): string[] {
  const found = new fdir()
    .withRelativePaths()
    .withPathSeparator('/')
    .exclude((_, dirPath) => scope.skipsDirectory(path.resolve(dirPath)))
    .filter((file) => manifestKind(file) !== undefined && !scope.skipsFile(path.join(root, file)))
    .crawl(root)
    .sync();
  // fdir lists symbolic links as files without following them; drop them.
  return found.filter((file) => !fs.lstatSync(path.join(root, file)).isSymbolicLink()).sort();
}

/**
 * What a walk of a folder leaves out: dependency folders, virtualenvs, VCS metadata, build output Git tracks nothing
 * in (the lists above), what Git ignores, and what `excluded` names (paths relative to the root).
 */
export class WalkScope {
  private readonly gitIgnore: GitIgnore;

  constructor(
    private readonly root: string,
    private readonly excluded?: (relativePath: string) => boolean,
  ) {
    this.gitIgnore = new GitIgnore(root);
  }

  /** For the walk: whether it skips a folder (absolute) below the root, met inside a folder it entered. */
  skipsDirectory(dir: string): boolean {
    const name = path.basename(dir);
    return (
      isSkippedDirectory(name, dir) ||
      (BUILD_OUTPUT.has(name) && !this.gitIgnore.tracksFolder(dir)) ||
      this.excluded?.(relativeTo(this.root, dir)) === true ||
      this.gitIgnore.ignores(dir, true)
    );
  }

  /** For the walk: whether it skips a file (absolute) of a folder it entered. */
  skipsFile(file: string): boolean {
    return this.excluded?.(relativeTo(this.root, file)) === true || this.gitIgnore.ignores(file, false);
  }

  /**
   * Whether a file met outside a walk (a change on disk, a file opened in the editor) is one the walk leaves out: in
   * a folder it skips, or skipped itself. Files outside the root are not the walk's to judge.
   */
  leavesOut(file: string): boolean {
    const relative = relativeTo(this.root, file);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    const parts = relative.split('/');
    for (let depth = 1; depth < parts.length; depth++) {
      if (this.skipsDirectory(path.join(this.root, ...parts.slice(0, depth)))) return true;
    }
    return this.skipsFile(file);
  }
}

function isSkippedDirectory(name: string, dirPath: string): boolean {
  if (SKIPPED_DIRECTORIES.has(name) || name.endsWith('.egg-info')) return true;
  // A virtualenv under any name carries pyvenv.cfg; only names that hint at one are checked, to spare a stat per folder.
  return /env/i.test(name) && fs.existsSync(path.join(dirPath, 'pyvenv.cfg'));
}
