// A pyproject.toml whose dependencies are dynamic, filled in by its build backend from requirements files
// (`[tool.setuptools.dynamic] dependencies = { file = ["requirements.txt"] }`, hatch-requirements-txt): those
// files declare the project's dependencies, so the lockfile that pins the project (uv.lock, pdm.lock) pins them.
import path from 'node:path';
import type { ManifestKind } from '../readers/index';
import { isLockable, type LockableKind } from './lockfiles';
import type { ReadOutcome } from './scan';

/** A read manifest as far as this asks: its file (relative to the root, with `/`), its kind, what it includes. */
export interface IncludingManifest {
  file: string;
  kind: ManifestKind | 'lockfile';
  includes: readonly { path: string }[];
}

/** A read as dynamicOwners asks for it. */
export function includingManifest({ file, kind, read }: ReadOutcome): IncludingManifest {
  return { file, kind, includes: read?.includes ?? [] };
}

/** The requirements files (relative to the root) that pyproject.toml files read their dependencies from, each with that pyproject.toml. */
export function dynamicOwners(manifests: Iterable<IncludingManifest>): Map<string, string> {
  const owners = new Map<string, string>();
  for (const { file, kind, includes } of manifests) {
    // A pyproject.toml includes files only for its dynamic fields (see readers/pyproject.ts).
    if (kind !== 'pyproject') continue;
    for (const include of includes) owners.set(path.posix.normalize(path.posix.join(path.posix.dirname(file), include.path)), file);
  }
  return owners;
}

/**
 * The manifest whose lockfile pins what a file declares: a package.json, pyproject.toml or Pipfile itself, and a
 * requirements file the pyproject.toml that reads its dependencies from it (see dynamicOwners).
 */
export function lockingManifest(owners: ReadonlyMap<string, string>, file: string, kind: ManifestKind | 'lockfile'): { file: string; kind: LockableKind } | undefined {
  if (isLockable(kind)) return { file, kind };
  const owner = kind === 'requirements' ? owners.get(file) : undefined;
  return owner === undefined ? undefined : { file: owner, kind: 'pyproject' };
}
