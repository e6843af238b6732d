// Yarn Berry's lockfile lists a workspace member's devDependencies with its dependencies, under its entry. A member
// another member depends on pulls in only what it needs at run time, so its own package.json (at the entry's
// `workspace:` folder, beside the lockfile) tells which are for development. npm, pnpm and Bun record them apart.
import path from 'node:path';
import { table } from '../readers/lockfiles/values';
import { readJsonObject } from './textFile';
import type { Lockfile } from './transitive';

/** The sections whose packages a member needs at run time; a devDependency listed in one of them is needed too. */
const RUNTIME_SECTIONS = ['dependencies', 'optionalDependencies', 'peerDependencies'];

/** Drops from each linked member's edges what its package.json declares for development only (in place). */
export function dropMemberDevDependencies({ path: lockPath, result }: Lockfile): void {
  if (result.kind !== 'yarn') return;
  for (const locked of result.packages.values()) {
    if (locked.source?.kind !== 'workspace' || locked.source.target === '') continue;
    const manifest = readJsonObject(path.join(path.dirname(lockPath), locked.source.target, 'package.json'));
    const devOnly = new Set(Object.keys(table(manifest?.devDependencies) ?? {}));
    for (const section of RUNTIME_SECTIONS) for (const name of Object.keys(table(manifest?.[section]) ?? {})) devOnly.delete(name);
    // A new list: the member's importer record (its direct dependencies, dev ones included) shares the old one.
    if (devOnly.size) locked.dependencies = locked.dependencies.filter((key) => !devOnly.has(result.packages.get(key)?.name ?? ''));
  }
}
