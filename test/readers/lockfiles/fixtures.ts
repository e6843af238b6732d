// Shared by the lockfile reader tests: the fixtures, and packages as plain data (without locate) for tables.
import fs from 'node:fs';
import path from 'node:path';
import type { LockedPackage, LockResult } from '../../../server/src/readers/lockfiles/types';

export function fixture(name: string): string {
  return fs.readFileSync(path.join(__dirname, '../../fixtures/lockfiles', name), 'utf8');
}

/** What a table row states about a package: everything but locate(). */
export type Expected = Omit<LockedPackage, 'locate'>;

export function withoutLocate(locked: LockedPackage | undefined): Expected | undefined {
  if (!locked) return undefined;
  const { locate: _, ...data } = locked;
  return data;
}

/** An npm registry release: the common row, spelled out once. */
export function npm(name: string, version: string | undefined, extra: Partial<Expected> = {}): Expected {
  return { id: `npm:${name}`, ecosystem: 'npm', name, version, dependencies: [], hashes: true, source: undefined, ...extra };
}

/** A PyPI package: `id` is normalised from `name`. */
export function pypi(id: string, name: string, version: string | undefined, extra: Partial<Expected> = {}): Expected {
  return { id: `pypi:${id}`, ecosystem: 'pypi', name, version, dependencies: [], hashes: true, source: undefined, ...extra };
}

export function keys(result: LockResult): string[] {
  return [...result.packages.keys()];
}
