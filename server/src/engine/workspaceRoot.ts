// The workspace a scan root sits in. A member of an npm, Yarn, pnpm, Bun or uv workspace, scanned or opened on its own,
// is pinned by the lockfile (and takes `catalog:` ranges from the catalogs) at the workspace root above it: the
// searches for those may go above the scan root up to that workspace root, and never past a repository's root.
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { componentId } from '../../../rules/src/ids';
import { findManifests } from './walk';

/** The nearest folder above `root` that roots a workspace, or undefined (none before a repository root or the disk's). */
export function enclosingWorkspace(root: string): string | undefined {
  for (let dir = path.dirname(root), below = root; dir !== below; below = dir, dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(below, '.git'))) return undefined;
    if (isWorkspaceRoot(dir)) return dir;
  }
  return undefined;
}

/** For one scan, whose tree does not change while it runs: each root is looked above once. */
export function scanWorkspaceFinder(): typeof enclosingWorkspace {
  const found = new Map<string, string | undefined>();
  return (root) => {
    if (!found.has(root)) found.set(root, enclosingWorkspace(root));
    return found.get(root);
  };
}

/**
 * The npm packages a workspace's members are (npm, Yarn and Bun list them in the root package.json's `workspaces`,
 * pnpm in pnpm-workspace.yaml's `packages`), as component ids: scanning one member, the others are still the
 * project's own code (Yarn 1 does not even lock them).
 */
export function workspaceMembers(workspace: string): string[] {
  const patterns = memberPatterns(workspace).map((pattern) => pattern.replace(/^\.\//, '').replace(/\/+$/, ''));
  const include = patterns.filter((pattern) => !pattern.startsWith('!'));
  if (include.length === 0) return [];
  const isMember = picomatch(include, { dot: true, ignore: patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1)) });
  return findManifests(workspace).flatMap((file) => {
    if (path.posix.basename(file) !== 'package.json' || !isMember(path.posix.dirname(file))) return [];
    const name = nameOf(readText(path.join(workspace, file)));
    return name ? [componentId('npm', name)] : [];
  });
}

function memberPatterns(workspace: string): string[] {
  const pnpm = readText(path.join(workspace, 'pnpm-workspace.yaml'));
  const listed = pnpm !== undefined ? field(parseQuietly(() => parseYaml(pnpm) as unknown), 'packages') : workspacesOf(readText(path.join(workspace, 'package.json')));
  return Array.isArray(listed) ? listed.filter((pattern): pattern is string => typeof pattern === 'string') : [];
}

/** `"workspaces": [...]`, or Yarn 1's `"workspaces": { "packages": [...] }`. */
function workspacesOf(packageJson: string | undefined): unknown {
  const workspaces = field(parseQuietly(() => JSON.parse(packageJson ?? '') as unknown), 'workspaces');
  return Array.isArray(workspaces) ? workspaces : field(workspaces, 'packages');
}

function nameOf(packageJson: string | undefined): string | undefined {
  const name = field(parseQuietly(() => JSON.parse(packageJson ?? '') as unknown), 'name');
  return typeof name === 'string' && name !== '' ? name : undefined;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

/** A file its package manager cannot read either is no workspace declaration of ours: no members. */
function parseQuietly(parse: () => unknown): unknown {
  try {
    return parse();
  } catch {
    return undefined;
  }
}

/** pnpm-workspace.yaml; a package.json with `workspaces` (npm, Yarn, Bun); a pyproject.toml with `[tool.uv.workspace]`. */
function isWorkspaceRoot(dir: string): boolean {
  if (fs.existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return true;
  const packageJson = readText(path.join(dir, 'package.json'));
  if (packageJson !== undefined && declaresWorkspaces(packageJson)) return true;
  const pyproject = readText(path.join(dir, 'pyproject.toml'));
  return pyproject !== undefined && /^\[tool\.uv\.workspace\]/m.test(pyproject);
}

function declaresWorkspaces(text: string): boolean {
  return field(parseQuietly(() => JSON.parse(text) as unknown), 'workspaces') !== undefined;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
