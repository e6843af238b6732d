// The licences installed packages declare. npm's lockfile records each package's licence from its package.json
// (version 2 on); pnpm, Yarn, Bun and the Python lockfiles record none. A package the knowledge base places without a
// licence (a scope's or name family's entry: its packages' licences differ) would then be open source under npm and
// "not known to be open source" under the others. Where the project is installed, the package.json (or, for Python, the
// METADATA) of the very version locked says what npm's lockfile would. Nothing is fetched: without node_modules or a
// virtual environment (a fresh clone in CI) the lockfile is all there is.
import fs from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from '../../../rules/src/kb';
import type { Declaration } from '../../../rules/src/types';
import type { LockedPackage, LockfileKind } from '../readers/lockfiles/index';
import { pinnedBy } from '../readers/lockfiles/result';
import { installedDistributions } from './sitePackages';
import { folderEntries, readJsonObject } from './textFile';
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

/** Gives the lockfile's packages that want one the licence their installed copy declares (in place). */
export function addInstalledLicenses({ path: lockPath, result }: Lockfile, wants: WantsLicense): void {
  const declared = declaredBy(result.kind, path.dirname(lockPath));
  if (!declared) return;
  for (const [key, locked] of result.packages) {
    if (locked.license !== undefined || locked.version === undefined || !wants(locked.id)) continue;
    const license = declared(key, locked, locked.version);
    if (license !== undefined) locked.license = license;
  }
}

/**
 * Gives a requirements file's exact pins (`torch==2.4.0`) that want one the licence their distribution installed in
 * the virtual environment beside the file declares (in place), as a lockfile's packages get theirs.
 */
export function addInstalledPinLicenses(declarations: readonly Declaration[], dir: string, wants: WantsLicense): void {
  let installed: ReturnType<typeof installedDistributions> | null = null;
  for (const declaration of declarations) {
    if (declaration.ecosystem !== 'pypi' || declaration.declaredLicense !== undefined || !wants(declaration.id)) continue;
    const version = pinnedBy(declaration.versionSpec);
    if (version === undefined) continue;
    // Looked for once, and only once a pin wants it.
    if (installed === null) installed = installedDistributions(dir);
    const license = installed?.(declaration.name, version);
    if (license !== undefined) declaration.declaredLicense = license;
  }
}

/** The licence the installed copy of a locked package (`version`) declares, if the project is installed as locked. */
type Declared = (key: string, locked: LockedPackage, version: string) => string | undefined;

/** How to find what the packages declare, or undefined where nothing is installed (a fresh clone): nothing to look up. */
function declaredBy(kind: LockfileKind, dir: string): Declared | undefined {
  if (kind === 'poetry' || kind === 'uv' || kind === 'pdm' || kind === 'rye' || kind === 'rye-dev' || kind === 'pipfile-lock') {
    const installed = installedDistributions(dir);
    return installed && ((_key, { name }, version) => installed(name, version));
  }
  const layout = fs.existsSync(path.join(dir, 'node_modules')) ? layoutOf(kind, dir) : undefined;
  if (!layout) return undefined;
  return (key, locked, version) => {
    for (const folder of layout(key, locked)) {
      const license = declaredLicense(folder, version);
      if (license !== undefined) return license;
    }
    return undefined;
  };
}

/** Where a locked package may be installed: the folders to look in, most likely first. */
type Layout = (key: string, locked: LockedPackage) => string[];

function layoutOf(kind: LockfileKind, dir: string): Layout | undefined {
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
    folders ??= folderEntries(store);
    const prefix = `${name.replace('/', '+')}@${version}`;
    return folders.filter((folder) => folder === prefix || folder.startsWith(`${prefix}_`)).map((folder) => path.join(store, folder, 'node_modules', name));
  };
}

/** The licence a package folder's package.json declares, when it is the version locked and names one as a string. */
function declaredLicense(folder: string, version: string): string | undefined {
  // Unreadable or not JSON: the package declares nothing we can read.
  const manifest = readJsonObject(path.join(folder, 'package.json'));
  return manifest?.version === version && typeof manifest.license === 'string' ? manifest.license : undefined;
}
