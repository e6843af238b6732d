// Which lockfile pins a manifest: for package.json, one beside it or at a workspace root above it (npm,
// yarn, pnpm and Bun keep a single lockfile at the root); for pyproject.toml, one beside it, else a uv.lock at a
// uv workspace root above it; for Pipfile, one beside it. The search stops at the scan root, unless the scan root
// is inside a workspace (a member scanned on its own): then it goes on up to the workspace root.
import fs from 'node:fs';
import path from 'node:path';
import type { ManifestKind } from '../readers/index';
import { enclosingWorkspace, scanWorkspaceFinder } from './workspaceRoot';

const NPM_LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock'];
const PYTHON_LOCKFILES = ['poetry.lock', 'uv.lock', 'pdm.lock', 'Pipfile.lock'];
const PIPENV_LOCKFILES = ['Pipfile.lock'];
const UV_LOCKFILES = ['uv.lock'];
/** The lockfiles a workspace keeps at its root, for all its members. */
export const WORKSPACE_LOCKFILES: readonly string[] = [...NPM_LOCKFILES, ...UV_LOCKFILES];

/** The manifests a lockfile can pin; requirements files pin themselves (pip-compile), conda environments have none here. */
export type LockableKind = 'package-json' | 'pyproject' | 'pipfile';

export function isLockable(kind: ManifestKind | 'lockfile'): kind is LockableKind {
  return kind === 'package-json' || kind === 'pyproject' || kind === 'pipfile';
}

/** The lockfile for a manifest (absolute path), searching no higher than `root`. */
export type LockfileFinder = (manifest: string, kind: ManifestKind, root: string) => string | undefined;

/** Looks at the disk every time: the editor's files change under it. */
export const findLockfile: LockfileFinder = (manifest, kind, root) => search(manifest, kind, root, besides, enclosingWorkspace);

/**
 * For one workspace scan, whose tree does not change while it runs: each folder is looked at once,
 * however many of the hundreds of manifests under a root lockfile ask.
 */
export function scanLockfileFinder(): LockfileFinder {
  const looked = new Map<string, string | undefined>();
  const remembered = (dir: string, names: readonly string[]): string | undefined => {
    const key = `${names[0]}\0${dir}`;
    if (!looked.has(key)) looked.set(key, besides(dir, names));
    return looked.get(key);
  };
  const workspaceOf = scanWorkspaceFinder();
  return (manifest, kind, root) => search(manifest, kind, root, remembered, workspaceOf);
}

function search(manifest: string, kind: ManifestKind, root: string, lookIn: typeof besides, workspaceOf: typeof enclosingWorkspace): string | undefined {
  if (kind === 'pipfile') return lookIn(path.dirname(manifest), PIPENV_LOCKFILES);
  // uv, like npm, yarn and pnpm, keeps one lockfile at the workspace root for every member.
  const rootLockfiles = kind === 'pyproject' ? UV_LOCKFILES : kind === 'package-json' ? NPM_LOCKFILES : undefined;
  if (!rootLockfiles) return undefined;
  const inRoot =
    kind === 'pyproject'
      ? (lookIn(path.dirname(manifest), PYTHON_LOCKFILES) ?? upwards(path.dirname(path.dirname(manifest)), root, rootLockfiles, lookIn))
      : upwards(path.dirname(manifest), root, rootLockfiles, lookIn);
  return inRoot ?? aboveRoot(root, rootLockfiles, lookIn, workspaceOf);
}

/** For a scan root inside a workspace, the first of `names` above it, up to the workspace root. */
export function aboveRoot<T>(root: string, names: readonly string[], lookIn: (dir: string, names: readonly string[]) => T | undefined, workspaceOf: typeof enclosingWorkspace): T | undefined {
  const workspace = workspaceOf(root);
  return workspace === undefined ? undefined : upwards(path.dirname(root), workspace, names, lookIn);
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

function besides(dir: string, names: readonly string[]): string | undefined {
  return names.map((name) => path.join(dir, name)).find((file) => fs.existsSync(file));
}

function isInside(dir: string, root: string): boolean {
  const relative = path.relative(root, dir);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}
