// Which lockfile pins a manifest: one beside it; else, for a workspace member (a package.json of an npm, Yarn,
// pnpm or Bun workspace, a pyproject.toml of a uv workspace), the lockfile at the workspace root above it, which
// keeps one lockfile for every member. A lockfile above a folder that is no member of its workspace is someone else's.
// The search stops at the scan root, unless the scan root is inside a workspace (a member scanned on its own): then
// it goes on up to the workspace root. A lockfile Git ignores and does not track is not the repository's: a fresh clone
// in CI has none, so the manifest has none here either.
import fs from 'node:fs';
import path from 'node:path';
import type { ManifestKind } from '../readers/index';
import { GitIgnore } from './gitIgnore';
import { type enclosingWorkspace, liveWorkspaces, scanWorkspaces, type Workspaces } from './workspaceRoot';

const NPM_LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock'];
// Rye's requirements-dev.lock locks the dev-dependencies as well as what requirements.lock does.
const PYTHON_LOCKFILES = ['poetry.lock', 'uv.lock', 'pdm.lock', 'requirements-dev.lock', 'requirements.lock', 'Pipfile.lock'];
const PIPENV_LOCKFILES = ['Pipfile.lock'];
/** uv's and Rye's lockfiles, which a workspace keeps at its root for every member. */
const UV_LOCKFILES = ['uv.lock', 'requirements-dev.lock', 'requirements.lock'];
/** The lockfiles a workspace keeps at its root, for all its members. */
export const WORKSPACE_LOCKFILES: readonly string[] = [...NPM_LOCKFILES, ...UV_LOCKFILES];

/**
 * The manifests a lockfile can pin; requirements files pin themselves (pip-compile's output) or are pinned by it (its
 * `.in` input, see isPipToolsInput), conda environments have none here.
 */
export type LockableKind = 'package-json' | 'pyproject' | 'pipfile';

export function isLockable(kind: ManifestKind | 'lockfile'): kind is LockableKind {
  return kind === 'package-json' || kind === 'pyproject' || kind === 'pipfile';
}

/** A pip-tools input (`requirements.in`, `requirements/dev.in`): what pip-compile reads to write the pins. */
export function isPipToolsInput(file: string): boolean {
  return file.endsWith('.in');
}

/** The pip-tools input a requirements file would be pip-compile's output of (`requirements.txt` → `requirements.in`). */
export function pipToolsInputOf(file: string): string | undefined {
  return file.endsWith('.txt') ? `${file.slice(0, -'.txt'.length)}.in` : undefined;
}

/** The lockfile for a manifest (absolute path), searching no higher than `root` (or the workspace root `root` sits in). */
export type LockfileFinder = (manifest: string, kind: ManifestKind, root: string) => string | undefined;

/** Looks at the disk every time: the editor's files change under it. */
export const findLockfile: LockfileFinder = (manifest, kind, root) => search(manifest, kind, root, lookingFor('committed', new GitIgnore(root)), liveWorkspaces);

/**
 * The lockfile a manifest would have, had Git not been told to ignore it (it is not tracked either): named by
 * missing-lockfile, which would otherwise say there is none beside a file the user can see.
 */
export const findIgnoredLockfile: LockfileFinder = (manifest, kind, root) =>
  search(manifest, kind, root, lookingFor('ignored', new GitIgnore(root)), liveWorkspaces);

/** A lockfile beside a manifest that no reader takes: Bun's binary bun.lockb (Bun 1.2 writes the text bun.lock). */
export function findUnreadableLockfile(manifest: string, kind: ManifestKind): string | undefined {
  const file = path.join(path.dirname(manifest), 'bun.lockb');
  return kind === 'package-json' && fs.existsSync(file) ? file : undefined;
}

/**
 * For one workspace scan, whose tree does not change while it runs: each folder is looked at once,
 * however many of the hundreds of manifests under a root lockfile ask.
 */
export function scanLockfileFinder(): LockfileFinder {
  const looked = new Map<string, string | undefined>();
  const gitIgnores = new Map<string, GitIgnore>();
  const workspaces = scanWorkspaces();
  return (manifest, kind, root) => {
    let gitIgnore = gitIgnores.get(root);
    if (!gitIgnore) gitIgnores.set(root, (gitIgnore = new GitIgnore(root)));
    const lookIn = lookingFor('committed', gitIgnore);
    const remembered = (dir: string, names: readonly string[]): string | undefined => {
      const key = `${names[0]}\0${dir}`;
      if (!looked.has(key)) looked.set(key, lookIn(dir, names));
      return looked.get(key);
    };
    return search(manifest, kind, root, remembered, workspaces);
  };
}

/** The first of a folder's lockfiles (by name, in order of preference) that it has. */
type LookIn = (dir: string, names: readonly string[]) => string | undefined;

function search(manifest: string, kind: ManifestKind, root: string, lookIn: LookIn, workspaces: Workspaces): string | undefined {
  const folder = path.dirname(manifest);
  if (kind === 'pipfile') return lookIn(folder, PIPENV_LOCKFILES);
  // pip-compile writes `requirements.in`'s pins to `requirements.txt` beside it.
  if (kind === 'requirements') return isPipToolsInput(manifest) ? lookIn(folder, [`${path.basename(manifest, '.in')}.txt`]) : undefined;
  if (kind !== 'package-json' && kind !== 'pyproject') return undefined;
  const own = lookIn(folder, kind === 'pyproject' ? PYTHON_LOCKFILES : NPM_LOCKFILES);
  if (own && !isNpmLockfile(own)) return own;
  // uv and Rye, like npm, Yarn, pnpm and Bun, keep one lockfile at the workspace root for every member.
  const family = kind === 'pyproject' ? 'uv' : 'npm';
  const above = upwards(path.dirname(folder), searchCeiling(root, workspaces.enclosing), family === 'uv' ? UV_LOCKFILES : NPM_LOCKFILES, lookIn);
  const workspaceLockfile = above && workspaces.isMember(path.dirname(above), folder, family) ? above : undefined;
  // npm installs a workspace's members from the root's lockfile alone: a package-lock.json left in a member's folder
  // (an `npm install` run there before it joined) is never read (npm/cli#4217). Yarn and pnpm can make a member a
  // project of its own with its own lockfile.
  if (own) return workspaceLockfile && isNpmLockfile(workspaceLockfile) ? workspaceLockfile : own;
  return workspaceLockfile;
}

function isNpmLockfile(file: string): boolean {
  const name = path.basename(file);
  return name === 'package-lock.json' || name === 'npm-shrinkwrap.json';
}

/** How high a search for a workspace root's files goes: the scan root, or the workspace root a scanned member sits in. */
export function searchCeiling(root: string, enclosing: typeof enclosingWorkspace): string {
  return enclosing(root) ?? root;
}

/** The first of `names` in `start` or a folder above it, no higher than `root`. */
export function upwards<T>(start: string, root: string, names: readonly string[], lookIn: (dir: string, names: readonly string[]) => T | undefined): T | undefined {
  if (!isInside(start, root)) return undefined;
  for (let dir = start; ; dir = path.dirname(dir)) {
    const found = lookIn(dir, names);
    if (found) return found;
    if (dir === root || path.dirname(dir) === dir || !isInside(dir, root)) return undefined;
  }
}

/** Looks for the lockfiles the repository holds, or for those only Git's ignore rules keep out of it. */
function lookingFor(which: 'committed' | 'ignored', gitIgnore: GitIgnore): LookIn {
  return (dir, names) => {
    for (const name of names) {
      const file = path.join(dir, name);
      if (fs.existsSync(file) && gitIgnore.ignores(file, false) === (which === 'ignored')) return file;
    }
    return undefined;
  };
}

function isInside(dir: string, root: string): boolean {
  const relative = path.relative(root, dir);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}
