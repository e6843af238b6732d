// What Git ignores under a folder, so that a scan reads what the repository holds: a fresh clone in CI has no
// ignored files, and ML projects keep many of them (wandb and MLflow runs write requirements.txt files, model
// downloads bring their cards). A repository's `.git/info/exclude` and every `.gitignore` in it apply, each as Git
// reads it (the `ignore` package), and as in Git they leave what the repository tracks alone; outside a repository
// nothing is ignored, and a repository inside another is read on its own. A folder named for a scan is scanned even
// where its repository ignores it, as ripgrep does.
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { type Tracked, trackedPaths } from './gitIndex';
import { relativeTo } from './paths';
import { readTextFile } from './textFile';

/** One repository's rules, every `.gitignore` in it rebased onto its root, shallower files first (deeper ones win). */
interface Repository {
  root: string;
  rules: Ignore;
  /** The folders whose `.gitignore` has been added. */
  read: Set<string>;
  /** What its index tracks, read the first time a rule ignores something (null: not read yet). */
  tracked: Tracked | undefined | null;
}

export class GitIgnore {
  /** The repository each folder is in (undefined: none). */
  private readonly repositories = new Map<string, Repository | undefined>();

  constructor(private readonly root: string) {}

  /** Whether a walk of the root skips an entry (an absolute path) of a folder it entered. */
  ignores(entry: string, isDirectory: boolean): boolean {
    const dir = path.dirname(entry);
    const repository = this.repositoryOf(dir);
    if (!repository) return false;
    this.readDown(repository, dir);
    const relative = relativeTo(repository.root, entry);
    if (!repository.rules.ignores(`${relative}${isDirectory ? '/' : ''}`)) return false;
    // A tracked file, or a folder holding one, is the repository's whatever the rules say; where the index cannot be
    // read, nothing can be known untracked, so nothing is skipped.
    if (repository.tracked === null) repository.tracked = trackedPaths(repository.root);
    if (repository.tracked === undefined) return false;
    return !(isDirectory ? repository.tracked.folders : repository.tracked.files).has(relative);
  }

  private repositoryOf(dir: string): Repository | undefined {
    if (this.repositories.has(dir)) return this.repositories.get(dir);
    let repository: Repository | undefined;
    if (isRepositoryRoot(dir)) repository = { root: dir, rules: ignore().add(readLines(path.join(dir, '.git', 'info', 'exclude'))), read: new Set(), tracked: null };
    else if (dir === this.root) repository = this.repositoryAbove();
    // Below the root, the folder above decides; a path outside the root (none the walk meets) stops at the disk's root.
    else if (path.dirname(dir) !== dir) repository = this.repositoryOf(path.dirname(dir));
    this.repositories.set(dir, repository);
    return repository;
  }

  /**
   * The repository the root is in, its rules read down to the root's folder. A file there whose rules ignore the
   * root (or a folder on the way to it) is left out: the root was named to be scanned.
   */
  private repositoryAbove(): Repository | undefined {
    const top = repositoryRoot(path.dirname(this.root));
    if (top === undefined) return undefined;
    const folders: string[] = [];
    for (let dir = path.dirname(this.root); dir !== top; dir = path.dirname(dir)) folders.unshift(dir);
    folders.unshift(top);
    const rootPath = `${relativeTo(top, this.root)}/`;
    const files = [readLines(path.join(top, '.git', 'info', 'exclude')), ...folders.map((dir) => rebased(top, dir))];
    const kept = files.filter((lines) => !ignore().add(lines).ignores(rootPath));
    return { root: top, rules: ignore().add(kept.flat()), read: new Set(folders), tracked: null };
  }

  /** Adds the `.gitignore` of every folder from the repository root down to `dir` not read yet. */
  private readDown(repository: Repository, dir: string): void {
    if (repository.read.has(dir)) return;
    if (dir !== repository.root) this.readDown(repository, path.dirname(dir));
    repository.read.add(dir);
    const lines = rebased(repository.root, dir);
    if (lines.length > 0) repository.rules.add(lines);
  }
}

/** The root of the Git repository a folder is in (the folder itself, or the nearest above it with `.git`), if any. */
export function repositoryRoot(dir: string): string | undefined {
  for (let at = dir; ; at = path.dirname(at)) {
    if (isRepositoryRoot(at)) return at;
    if (path.dirname(at) === at) return undefined;
  }
}

export function isRepositoryRoot(dir: string): boolean {
  // `.git` is a folder, or a file in a worktree or a submodule.
  return fs.existsSync(path.join(dir, '.git'));
}

/**
 * The patterns of `dir`'s `.gitignore`, made relative to the repository root: a pattern with no slash but a trailing
 * one matches at any depth below its folder, any other is anchored to it.
 */
function rebased(repositoryRoot: string, dir: string): string[] {
  const base = relativeTo(repositoryRoot, dir);
  const lines = readLines(path.join(dir, '.gitignore'));
  if (base === '') return lines;
  return lines.map((line) => {
    const negative = line.startsWith('!');
    const pattern = negative ? line.slice(1) : line;
    const slash = pattern.indexOf('/');
    const anchored = slash >= 0 && slash < pattern.length - 1;
    const joined = anchored ? path.posix.join(base, pattern.replace(/^\//, '')) : path.posix.join(base, '**', pattern);
    return `${negative ? '!' : ''}${joined}`;
  });
}

/** A rules file's patterns: no blank lines or comments (which rebasing would turn into patterns). */
function readLines(file: string): string[] {
  // Most folders have none: asking first spares the cost of a thrown error per folder.
  const text = fs.existsSync(file) ? readTextFile(file) : undefined;
  if (text === undefined) return [];
  // Git skips a byte-order mark; a lone `/` names no path (rebased, it would name every one).
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#') && line.replace(/^!/, '').trim() !== '/');
}
