// What Git ignores under a folder, so that a scan reads what the repository holds: a fresh clone in CI has no
// ignored files, and ML projects keep many of them (wandb and MLflow runs write requirements.txt files, model
// downloads bring their cards). A repository's `.git/info/exclude` and every `.gitignore` in it apply, each matched
// as Git matches it (the `ignore` package), deeper files first, and as in Git they leave what the repository tracks
// alone; outside a repository nothing is ignored, and a repository inside another is read on its own. A folder named
// for a scan is scanned even where its repository ignores it, as ripgrep does.
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { type Tracked, trackedPaths } from './gitIndex';
import { relativeTo } from './paths';
import { readTextFile } from './textFile';

/**
 * More patterns than this on a folder's way from its repository root (no real repository has them; a generated or
 * hostile file might) and the folder's entries are not matched: each match walks every pattern, and a walk would
 * take hours. Nothing there is skipped by rule, which costs time, never findings.
 */
const MAX_PATTERNS = 2000;

/**
 * Git matches case-insensitively where the file system is (its `core.ignorecase` defaults so): macOS and Windows. On
 * Linux, where CI runs, `Data/` does not ignore `data/`, and matching it would skip what Git reads.
 */
const IGNORE_OPTIONS = { ignorecase: process.platform === 'darwin' || process.platform === 'win32' };

/** One ignore file: the folder its patterns are relative to, and how many patterns its chain holds down to it. */
interface RuleFile {
  dir: string;
  matcher: Ignore;
  /** Patterns in this file and the files above it in the chain. */
  patterns: number;
}

/** What applies in a folder: its repository, and the ignore files from the repository root down to it. */
interface Place {
  repository: string;
  chain: readonly RuleFile[];
  /** Whether the rules ignore the folder itself (the walk enters it only for the files Git tracks in it). */
  ignored: boolean;
}

export class GitIgnore {
  /** Per folder: where it is (undefined: in no repository). */
  private readonly places = new Map<string, Place | undefined>();
  /** Per repository root: what its index tracks (undefined: it cannot be read). */
  private readonly tracked = new Map<string, Tracked | undefined>();

  constructor(private readonly root: string) {}

  /** Whether a walk of the root skips an entry (an absolute path) of a folder it entered. */
  ignores(entry: string, isDirectory: boolean): boolean {
    const place = this.placeOf(path.dirname(entry));
    if (!place || !this.ruledOut(place, entry, isDirectory)) return false;
    // A tracked file, or a folder holding one, is the repository's whatever the rules say; where the index cannot be
    // read, nothing can be known untracked, so nothing is skipped.
    return this.tracks(place.repository, entry, isDirectory) === false;
  }

  /** Whether the repository tracks a folder (absolute): holds a file it tracks. False outside a repository. */
  tracksFolder(dir: string): boolean {
    const place = this.placeOf(path.dirname(dir));
    return place !== undefined && this.tracks(place.repository, dir, true) === true;
  }

  /** Whether a repository tracks an entry (a folder: a file in it); undefined where its index cannot be read. */
  private tracks(repository: string, entry: string, isDirectory: boolean): boolean | undefined {
    if (!this.tracked.has(repository)) this.tracked.set(repository, trackedPaths(repository));
    const tracked = this.tracked.get(repository);
    return tracked && (isDirectory ? tracked.folders : tracked.files).has(relativeTo(repository, entry));
  }

  /**
   * Whether the rules ignore an entry of a folder, as Git decides it: all of an ignored folder is ignored; else the
   * deepest file whose patterns match the entry decides. A file that ignores a folder on the way, which the walk
   * entered all the same (a deeper file re-includes it, or it was named for the scan), is not asked: its answers
   * below that folder are not Git's.
   */
  private ruledOut({ chain, ignored }: Place, entry: string, isDirectory: boolean): boolean {
    if (ignored) return true;
    if (chain.length === 0 || chain.at(-1)!.patterns > MAX_PATTERNS) return false;
    const dir = path.dirname(entry);
    for (let i = chain.length - 1; i >= 0; i--) {
      const { dir: at, matcher } = chain[i]!;
      if (dir !== at && matcher.ignores(`${relativeTo(at, dir)}/`)) continue;
      const verdict = matcher.test(`${relativeTo(at, entry)}${isDirectory ? '/' : ''}`);
      if (verdict.ignored || verdict.unignored) return verdict.ignored;
    }
    return false;
  }

  private placeOf(dir: string): Place | undefined {
    if (this.places.has(dir)) return this.places.get(dir);
    let place: Place | undefined;
    if (isRepositoryRoot(dir)) {
      const excludes = ruleFile(dir, readLines(path.join(dir, '.git', 'info', 'exclude')), 0);
      place = { repository: dir, chain: withFile([...excludes], dir), ignored: false };
    } else if (path.dirname(dir) !== dir) {
      // The folder above decides where this one is; the root's own folder is never ignored (it was named for the scan).
      const above = this.placeOf(path.dirname(dir));
      const ignored = above !== undefined && dir !== this.root && this.ruledOut(above, dir, true);
      place = above && { repository: above.repository, chain: withFile(above.chain, dir), ignored };
    }
    this.places.set(dir, place);
    return place;
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

/** `chain` and then `dir`'s own `.gitignore`, if it has one. */
function withFile(chain: readonly RuleFile[], dir: string): readonly RuleFile[] {
  const own = ruleFile(dir, readLines(path.join(dir, '.gitignore')), chain.at(-1)?.patterns ?? 0);
  return own.length === 0 ? chain : [...chain, ...own];
}

/** A file's rules (none when it has no patterns); identical patterns across files share one compiled rule. */
function ruleFile(dir: string, lines: readonly string[], above: number): RuleFile[] {
  return lines.length === 0 ? [] : [{ dir, matcher: ignore(IGNORE_OPTIONS).add(lines.map(compiled)), patterns: above + lines.length }];
}

/** One matcher per distinct pattern: a monorepo's packages repeat the same few `.gitignore` lines thousands of times. */
const compiledPatterns = new Map<string, Ignore>();

function compiled(pattern: string): Ignore {
  let matcher = compiledPatterns.get(pattern);
  if (!matcher) compiledPatterns.set(pattern, (matcher = ignore(IGNORE_OPTIONS).add(pattern)));
  return matcher;
}

/** A rules file's patterns: no blank lines or comments. */
function readLines(file: string): string[] {
  // Most folders have none: asking first spares the cost of a thrown error per folder.
  const text = fs.existsSync(file) ? readTextFile(file) : undefined;
  if (text === undefined) return [];
  // Git skips a byte-order mark.
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
}
