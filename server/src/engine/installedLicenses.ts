// The licences installed packages declare. npm's lockfile records each package's licence from its package.json
// (version 2 on); pnpm, Yarn and Bun lockfiles record none. A package the knowledge base places without a licence
// (a scope's entry: its packages' licences differ) would then be open source under npm and "not known to be open
// source" under the others. Where the project is installed, the package.json of the very version locked says the
// same as npm's lockfile would. Nothing is fetched: without node_modules (a fresh clone in CI) the lockfile is all.
import fs from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from '../../../rules/src/kb';
import type { LockedPackage } from '../readers/lockfiles/index';
import { readJsonObject } from './textFile';
import type { Lockfile } from './transitive';

/** Which packages want the licence they declare: a component id → whether its knowledge-base entry lacks one. */
export type WantsLicense = (id: string) => boolean;

/** The packages the knowledge base places without a licence; not models or data, whose licences their lineage decides. */
export function lacksRecordedLicense(kb: KnowledgeBase): WantsLicense {
  return (id) => {
    const entry = kb.lookup(id)?.entry;
    return entry !== undefined && entry.license === undefined && !entry.basedOn?.length;
  };
}

/** Gives the lockfile's npm packages that want one the licence their installed package.json declares (in place). */
export function addInstalledLicenses({ path: lockPath, result }: Lockfile, wants: WantsLicense): void {
  const layout = layoutOf(result.kind, path.dirname(lockPath));
  if (!layout) return;
  for (const [key, locked] of result.packages) {
    if (locked.ecosystem !== 'npm' || locked.license !== undefined || locked.version === undefined || !wants(locked.id)) continue;
    for (const folder of layout(key, locked)) {
      const declared = declaredLicense(folder, locked.version);
      if (declared === undefined) continue;
      locked.license = declared;
      break;
    }
  }
}

/** Where a locked package may be installed: the folders to look in, most likely first. */
type Layout = (key: string, locked: LockedPackage) => string[];

function layoutOf(kind: string, dir: string): Layout | undefined {
  const modules = path.join(dir, 'node_modules');
  switch (kind) {
    // npm's keys are the folders it installs to (`node_modules/a/node_modules/b`).
    case 'package-lock':
      return (key) => [path.join(dir, key)];
    // Yarn (with node_modules) and Bun hoist one version of each package to the top; others nest where the lockfile does not say.
    case 'yarn':
    case 'bun':
      return (_key, { name }) => [path.join(modules, name)];
    case 'pnpm':
      return pnpmLayout(modules);
    default:
      return undefined;
  }
}

/**
 * pnpm installs every package version once, in its virtual store: `node_modules/.pnpm/@scope+name@1.0.0/node_modules/@scope/name`,
 * the folder's name followed by `_` and the peers it was resolved with, if any (cut short and hashed when long, after the version).
 */
function pnpmLayout(modules: string): Layout {
  const store = path.join(modules, '.pnpm');
  let folders: string[] | undefined;
  return (_key, { name, version }) => {
    folders ??= listFolders(store);
    const prefix = `${name.replace('/', '+')}@${version}`;
    return folders.filter((folder) => folder === prefix || folder.startsWith(`${prefix}_`)).map((folder) => path.join(store, folder, 'node_modules', name));
  };
}

function listFolders(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** The licence a package folder's package.json declares, when it is the version locked and names one as a string. */
function declaredLicense(folder: string, version: string): string | undefined {
  // Unreadable or not JSON: the package declares nothing we can read.
  const manifest = readJsonObject(path.join(folder, 'package.json'));
  return manifest?.version === version && typeof manifest.license === 'string' ? manifest.license : undefined;
}
