// Building a LockResult: keys unique within the file (PyPI's by normalised name and pinned version), edges
// for locks that name dependencies without versions, and dev flags for lockfiles that leave them to
// reachability (dev when only dev dependencies lead to it).
import { componentId, normalisePypiName } from '../../../../rules/src/ids';
import { append } from '../../../../rules/src/lists';
import type { LockedPackage, LockfileKind, LockResult } from './types';

export function emptyLockResult(kind: LockfileKind): LockResult {
  return { kind, packages: new Map(), importers: new Map([['', []]]), problems: [] };
}

/** Hands out keys unique within a file: `key`, then `key#2`, `key#3`, … when a hand-edited or merged file repeats an entry. */
export class UniqueKeys {
  private readonly seen = new Map<string, number>();

  take(key: string): string {
    const count = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, count);
    return count === 1 ? key : `${key}#${count}`;
  }
}

/** The key of a PyPI package: its normalised name, and `@version` when the file gives one. */
export function pypiKey(name: string, version: string | undefined): string {
  return version === undefined ? normalisePypiName(name) : `${normalisePypiName(name)}@${version}`;
}

/** The version a PEP 440 `==1.2.3` / `===1.2.3` specifier pins; undefined for ranges and wildcards. */
export function pinnedBy(specifier: string | undefined): string | undefined {
  return specifier === undefined ? undefined : /^===?\s*([^\s,*;]+)$/.exec(specifier.trim())?.[1];
}

/**
 * Edges by name, for locks whose dependencies name a package but not its version (poetry.lock, pdm.lock):
 * a package locked in two versions (for different markers) is depended on in both.
 */
export function linkByName<T>(packages: ReadonlyMap<string, LockedPackage>, read: readonly { key: string; body: T }[], namesOf: (body: T) => string[]): void {
  const keysById = new Map<string, string[]>();
  for (const [key, locked] of packages) append(keysById, locked.id, key);
  for (const { key, body } of read) packages.get(key)!.dependencies = namesOf(body).flatMap((name) => keysById.get(componentId('pypi', name)) ?? []);
}

/** Marks `dev` every package reachable from the dev roots and not from the runtime roots. */
export function markDevOnly(packages: ReadonlyMap<string, LockedPackage>, runtimeRoots: Iterable<string>, devRoots: Iterable<string>): void {
  const runtime = reachable(packages, runtimeRoots);
  for (const key of reachable(packages, devRoots)) {
    if (!runtime.has(key)) packages.get(key)!.dev = true;
  }
}

function reachable(packages: ReadonlyMap<string, LockedPackage>, roots: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const key = stack.pop()!;
    const found = packages.get(key);
    if (!found || seen.has(key)) continue;
    seen.add(key);
    for (const next of found.dependencies) stack.push(next);
  }
  return seen;
}
