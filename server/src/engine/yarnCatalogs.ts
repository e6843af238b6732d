// Yarn 4 catalogs in yarn.lock: a workspace's `react: "catalog:react18"` is recorded as written, and the package it
// resolves to under the range .yarnrc.yml gives that catalog (`react@npm:^18.3.1`). The lockfile alone cannot join the
// two; the .yarnrc.yml beside it can, so each such dependency becomes an edge, and its written spec a descriptor.
import path from 'node:path';
import { catalogNameOf } from '../readers/catalogs';
import { readCatalogFile } from './catalogs';
import type { Lockfile } from './transitive';

/** Resolves the lockfile's catalog dependencies through the .yarnrc.yml beside it (in place). */
export function resolveYarnCatalogs({ path: lockPath, result }: Lockfile): void {
  const { catalogDependencies, descriptors } = result;
  if (!catalogDependencies || !descriptors) return;
  const catalogs = readCatalogFile(path.join(path.dirname(lockPath), '.yarnrc.yml'))?.catalogs;
  if (!catalogs) return;
  for (const [importer, dependencies] of catalogDependencies) {
    // A member's record of its direct dependencies is also its package's list of edges: one push adds to both.
    const direct = result.importers.get(importer);
    for (const { name, range } of dependencies) {
      const spec = catalogs.get(catalogNameOf(range)!)?.get(name)?.spec;
      const key = spec === undefined ? undefined : (descriptors.get(`${name}@npm:${spec}`) ?? descriptors.get(`${name}@${spec}`));
      if (key === undefined) continue;
      descriptors.set(`${name}@${range}`, key);
      direct?.push(key);
    }
  }
}
