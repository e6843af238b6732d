// Where a package.json's `catalog:` specs take their ranges from: the pnpm-workspace.yaml at its
// workspace root (the manifest's folder or one above it, no higher than the scan root).
import fs from 'node:fs';
import path from 'node:path';
import type { Declaration } from '../../../rules/src/types';
import { type Catalogs, catalogNameOf, PNPM_WORKSPACE, readPnpmCatalogs } from '../readers/pnpmWorkspace';
import { decodeManifest } from '../text/source';
import { besides, upwards } from './lockfiles';
import { relativeTo } from './paths';

const WORKSPACE_FILES = [PNPM_WORKSPACE];

export interface WorkspaceCatalogs {
  /** Absolute path of the pnpm-workspace.yaml. */
  file: string;
  catalogs: Catalogs;
}

/** The catalogs a manifest (absolute path) can name, searching no higher than `root`. */
export type CatalogFinder = (manifest: string, root: string) => WorkspaceCatalogs | undefined;

/** Reads the disk every time: the editor's files change under it. */
export const findCatalogs: CatalogFinder = (manifest, root) => {
  const file = upwards(path.dirname(manifest), root, WORKSPACE_FILES, besides);
  return file ? readCatalogs(file) : undefined;
};

/** For one workspace scan, whose tree does not change while it runs: each workspace file is read once. */
export function scanCatalogFinder(): CatalogFinder {
  const read = new Map<string, WorkspaceCatalogs | undefined>();
  return (manifest, root) => {
    const file = upwards(path.dirname(manifest), root, WORKSPACE_FILES, besides);
    if (!file) return undefined;
    if (!read.has(file)) read.set(file, readCatalogs(file));
    return read.get(file);
  };
}

/** A declaration whose spec names a catalog learns the catalog's entry for it (none when the catalog lacks it). */
export function withCatalog(declaration: Declaration, found: WorkspaceCatalogs | undefined, root: string): Declaration {
  const catalog = catalogNameOf(declaration.versionSpec);
  if (!catalog) return declaration;
  const entry = found?.catalogs.get(catalog)?.get(declaration.name);
  return {
    ...declaration,
    catalog: entry && found ? { catalog, entry: { file: relativeTo(root, found.file), ...entry } } : { catalog },
  };
}

/** A workspace file that cannot be read names no catalogs: pnpm itself reports it at install time. */
function readCatalogs(file: string): WorkspaceCatalogs | undefined {
  try {
    const decoded = decodeManifest(fs.readFileSync(file));
    return decoded.ok ? { file, catalogs: readPnpmCatalogs(decoded.text) } : undefined;
  } catch {
    return undefined;
  }
}
