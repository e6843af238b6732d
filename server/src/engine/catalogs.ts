// Where a package.json's `catalog:` specs take their ranges from: the workspace root's catalog file (the
// manifest's folder or one above it, no higher than the scan root, or than the workspace root a scanned member
// sits in): a pnpm-workspace.yaml or .yarnrc.yml, else a package.json that defines catalogs (Bun).
import fs from 'node:fs';
import path from 'node:path';
import { componentId } from '../../../rules/src/ids';
import { npmAlias, npmDirectReference } from '../../../rules/src/npmSpecs';
import type { Declaration } from '../../../rules/src/types';
import { CATALOG_FILES, type Catalogs, catalogNameOf, readCatalogs, WORKSPACE_CATALOG_FILES } from '../readers/catalogs';
import { decodeManifest } from '../text/source';
import { searchCeiling, upwards } from './lockfiles';
import { relativeTo } from './paths';
import { enclosingWorkspace, scanWorkspaces } from './workspaceRoot';

export interface WorkspaceCatalogs {
  /** Absolute path of the file that defines them. */
  file: string;
  catalogs: Catalogs;
}

/** The catalogs a manifest (absolute path) can name, searching no higher than `root`. */
export type CatalogFinder = (manifest: string, root: string) => WorkspaceCatalogs | undefined;

/**
 * Reads the files every time, since the editor's files change under it: an open editor's text when
 * `readOpen` has one (a catalog edited and not yet saved), else the disk.
 */
export function liveCatalogFinder(readOpen: (file: string) => string | undefined = () => undefined): CatalogFinder {
  return (manifest, root) => search(manifest, root, (file) => readCatalogFile(file, readOpen(file)), enclosingWorkspace);
}

/** Reads the disk every time. */
export const findCatalogs: CatalogFinder = liveCatalogFinder();

/** For one workspace scan, whose tree does not change while it runs: each candidate file is read once. */
export function scanCatalogFinder(): CatalogFinder {
  const read = new Map<string, WorkspaceCatalogs | undefined>();
  const remembered = (file: string) => {
    if (!read.has(file)) read.set(file, readCatalogFile(file));
    return read.get(file);
  };
  const { enclosing } = scanWorkspaces();
  return (manifest, root) => search(manifest, root, remembered, enclosing);
}

/** A declaration whose spec names a catalog learns the catalog's entry for it (none when the catalog lacks it). */
export function withCatalog(declaration: Declaration, found: WorkspaceCatalogs | undefined, root: string): Declaration {
  const catalog = catalogNameOf(declaration.versionSpec);
  if (!catalog) return declaration;
  const entry = found?.catalogs.get(catalog)?.get(declaration.name);
  if (!entry || !found) return { ...declaration, catalog: { catalog } };
  const judged: Declaration = { ...declaration, catalog: { catalog, entry: { file: relativeTo(root, found.file), ...entry } } };
  // The entry is a spec as a package.json would write it: an alias installs another package; git, a URL or a folder is
  // where the package comes from.
  const alias = npmAlias(entry.spec, declaration.name);
  if (alias) judged.id = componentId('npm', alias.name);
  const reference = npmDirectReference(entry.spec);
  if (reference) judged.directReference = reference;
  return judged;
}

function search(
  manifest: string,
  root: string,
  read: (file: string) => WorkspaceCatalogs | undefined,
  enclosing: typeof enclosingWorkspace,
): WorkspaceCatalogs | undefined {
  let found: WorkspaceCatalogs | undefined;
  // A pnpm or Yarn workspace file marks the root whether or not it has catalogs; every member has a package.json.
  const holdsCatalogs = (dir: string, names: readonly string[]) =>
    names
      .map((name) => path.join(dir, name))
      .find((file) => {
        const catalogs = read(file);
        const isRoot = catalogs !== undefined && (WORKSPACE_CATALOG_FILES.includes(path.basename(file)) || catalogs.catalogs.size > 0);
        if (isRoot) found = catalogs;
        return isRoot;
      });
  upwards(path.dirname(manifest), searchCeiling(root, enclosing), CATALOG_FILES, holdsCatalogs);
  return found;
}

/** A file that is missing or cannot be read names no catalogs: its package manager reports it at install time. */
export function readCatalogFile(file: string, openText?: string): WorkspaceCatalogs | undefined {
  if (openText !== undefined) return { file, catalogs: readCatalogs(path.basename(file), openText) };
  try {
    const decoded = decodeManifest(fs.readFileSync(file));
    return decoded.ok ? { file, catalogs: readCatalogs(path.basename(file), decoded.text) } : undefined;
  } catch {
    return undefined;
  }
}
