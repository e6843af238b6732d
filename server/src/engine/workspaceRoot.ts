// Workspaces: which folders a workspace root (npm, Yarn, pnpm, Bun, uv, Rye) declares as its members, and the workspace a
// scan root sits in. A lockfile above a manifest pins it only when the folder holding the lockfile declares the
// manifest's folder a member, as the package managers read it: a package.json merely below someone else's project is
// not theirs to lock. A member scanned or opened on its own is pinned by the lockfile (and takes `catalog:` ranges from
// the catalogs) at the workspace root above the scan root; no search goes past a repository's root.
import path from 'node:path';
import picomatch from 'picomatch';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { componentId } from '../../../rules/src/ids';
import { list, table } from '../readers/lockfiles/values';
import { isRepositoryRoot } from './gitIgnore';
import { relativeTo } from './paths';
import { readJsonObject, readTextFile } from './textFile';
import { findManifests } from './walk';

/** Whose workspaces: npm, Yarn, pnpm and Bun list package.json members; uv (and Rye) list pyproject.toml members. */
export type WorkspaceFamily = 'npm' | 'uv';

/** Whether the workspace rooted at `workspace` declares `folder` (absolute, below it) one of its `family` members. */
export type MembershipTest = (workspace: string, folder: string, family: WorkspaceFamily) => boolean;

/** Whether a folder roots a workspace: its package.json, pnpm-workspace.yaml or pyproject.toml names members. */
export function isWorkspaceRoot(dir: string): boolean {
  return memberPatterns(dir, 'npm').include.length > 0 || memberPatterns(dir, 'uv').include.length > 0;
}

/** The nearest folder above `root` that roots a workspace, or undefined (none before a repository root or the disk's). */
export function enclosingWorkspace(root: string): string | undefined {
  for (let dir = path.dirname(root), below = root; dir !== below; below = dir, dir = path.dirname(dir)) {
    if (isRepositoryRoot(below)) return undefined;
    if (isWorkspaceRoot(dir)) return dir;
  }
  return undefined;
}

/** Reads the workspace's declaration every time: the editor's files change under it. */
export const isWorkspaceMember: MembershipTest = (workspace, folder, family) => membership(workspace, family)(relativeTo(workspace, folder));

/** How a search learns about workspaces: the one a scan root sits in, and who its members are. */
export interface Workspaces {
  enclosing: typeof enclosingWorkspace;
  isMember: MembershipTest;
}

/** Reads the disk every time: the editor's files change under it. */
export const liveWorkspaces: Workspaces = { enclosing: enclosingWorkspace, isMember: isWorkspaceMember };

/** For one scan, whose tree does not change while it runs: each workspace root is looked above, and read, once. */
export function scanWorkspaces(): Workspaces {
  const enclosing = new Map<string, string | undefined>();
  const members = new Map<string, (relative: string) => boolean>();
  return {
    enclosing: (root) => {
      if (!enclosing.has(root)) enclosing.set(root, enclosingWorkspace(root));
      return enclosing.get(root);
    },
    isMember: (workspace, folder, family) => {
      const key = `${family}\0${workspace}`;
      let test = members.get(key);
      if (!test) members.set(key, (test = membership(workspace, family)));
      return test(relativeTo(workspace, folder));
    },
  };
}

/**
 * The packages a workspace's members are, as component ids (npm members' package.json names, uv members' and the uv
 * root's pyproject.toml names): scanning one member, the others are still the project's own code, wherever they are
 * pulled in (Yarn 1 does not even lock them).
 */
export function workspaceMembers(workspace: string): string[] {
  const isNpmMember = membership(workspace, 'npm');
  const isUvMember = membership(workspace, 'uv');
  return findManifests(workspace).flatMap((file) => {
    const folder = path.posix.dirname(file);
    const name = path.posix.basename(file);
    if (name === 'package.json' && isNpmMember(folder)) return idOf('npm', readJsonObject(path.join(workspace, file))?.name);
    // uv counts the workspace root a member too.
    if (name === 'pyproject.toml' && (folder === '.' || isUvMember(folder))) return idOf('pypi', projectName(path.join(workspace, file)));
    return [];
  });
}

function idOf(ecosystem: 'npm' | 'pypi', name: unknown): string[] {
  return typeof name === 'string' && name !== '' ? [componentId(ecosystem, name)] : [];
}

/** A pyproject.toml's `[project] name`. */
function projectName(file: string): unknown {
  return table(table(parseQuietly(() => parseToml(readTextFile(file) ?? '')))?.project)?.name;
}

/** Whether a folder (relative to the workspace root, with `/`) is a member: its globs match it, no exclusion does. */
function membership(workspace: string, family: WorkspaceFamily): (relative: string) => boolean {
  const { include, exclude } = memberPatterns(workspace, family);
  if (include.length === 0) return () => false;
  const tidy = (pattern: string) => pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  return picomatch(include.map(tidy), { dot: true, ignore: exclude.map(tidy) });
}

/**
 * The member globs a folder declares: pnpm-workspace.yaml's `packages` (`!` excluding), else the package.json's
 * `workspaces` (Yarn 1 also `workspaces.packages`); for uv, pyproject.toml's `[tool.uv.workspace]` `members` and
 * `exclude` (Rye's `[tool.rye.workspace]` alike). None when the file is missing or its package manager could not read it either.
 */
function memberPatterns(dir: string, family: WorkspaceFamily): { include: string[]; exclude: string[] } {
  let listed: unknown;
  let excluded: unknown;
  if (family === 'uv') {
    const tool = table(table(parseQuietly(() => parseToml(readTextFile(path.join(dir, 'pyproject.toml')) ?? '')))?.tool);
    const uv = table(table(tool?.uv)?.workspace);
    const rye = table(table(tool?.rye)?.workspace);
    // Rye makes every project below a workspace that lists no members one of them.
    listed = uv ? uv.members : rye ? (rye.members ?? ['**']) : undefined;
    excluded = (uv ?? rye)?.exclude;
  } else {
    const pnpm = readTextFile(path.join(dir, 'pnpm-workspace.yaml'));
    if (pnpm !== undefined) {
      listed = table(parseQuietly(() => parseYaml(pnpm) as unknown))?.packages;
    } else {
      const workspaces = readJsonObject(path.join(dir, 'package.json'))?.workspaces;
      listed = Array.isArray(workspaces) ? workspaces : table(workspaces)?.packages;
    }
  }
  const strings = (value: unknown) => list(value).filter((item): item is string => typeof item === 'string');
  const patterns = strings(listed);
  return {
    include: patterns.filter((pattern) => !pattern.startsWith('!')),
    exclude: [...patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1)), ...strings(excluded)],
  };
}

/** A file its package manager cannot read either declares nothing of ours. */
function parseQuietly(parse: () => unknown): unknown {
  try {
    return parse();
  } catch {
    return undefined;
  }
}

