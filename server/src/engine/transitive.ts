// What a manifest pulls in: the lockfile that pins it, the version locked for each declaration, and every
// package reachable from its direct dependencies, each with the chain back to the direct dependency
// that brings it (`via`). "No components built outside the country" includes these.
import fs from 'node:fs';
import path from 'node:path';
import { lookupKey, splitId } from '../../../rules/src/ids';
import type { Declaration } from '../../../rules/src/types';
import { allowsVersion } from '../../../rules/src/versions';
import { findKey, type LockEdit, type LockedPackage, type LockResult, lockfileKind, readLockfile } from '../readers/lockfiles/index';
import { pinnedBy } from '../readers/lockfiles/result';
import type { ReadResult } from '../readers/types';
import { decodeManifest } from '../text/source';
import { addInstalledLicenses, addInstalledPinLicenses, type WantsLicense } from './installedLicenses';
import { dropMemberDevDependencies } from './memberDevDependencies';
import { ownCopy } from './stringCopies';
import { resolveYarnCatalogs } from './yarnCatalogs';
import { writtenSpec } from './writtenSpec';
import { relativeTo } from './paths';
import type { ScanError } from './scan';

/** Lockfiles are large (a monorepo's runs to tens of megabytes); past this they are not a lockfile we can use. */
const MAX_LOCKFILE_BYTES = 256 * 1024 * 1024;

export interface Lockfile {
  /** Absolute path. */
  path: string;
  result: LockResult;
}

/** A package reached through the dependency graph, not declared by the manifest itself. */
export interface Reached {
  key: string;
  /** Names from the direct dependency down to the package that depends on this one. */
  via: string[];
}

/** Reads lockfiles; one that cannot be read becomes an error. */
export class Lockfiles {
  readonly errors: ScanError[] = [];

  /** `wantsLicense`: the packages whose installed copies are asked for the licence they declare (see installedLicenses). */
  constructor(
    private readonly root: string,
    private readonly wantsLicense?: WantsLicense,
  ) {}

  read(absolute: string): Lockfile | undefined {
    const file = relativeTo(this.root, absolute);
    const kind = lockfileKind(file);
    if (!kind) return undefined;
    let decoded;
    try {
      decoded = decodeManifest(fs.readFileSync(absolute), MAX_LOCKFILE_BYTES);
    } catch (error) {
      this.errors.push({ file, message: `could not be read: ${error instanceof Error ? error.message : String(error)}` });
      return undefined;
    }
    if (!decoded.ok) {
      this.errors.push({ file, message: decoded.message });
      return undefined;
    }
    const result = readLockfile(kind, decoded.text);
    this.errors.push(...result.problems.map((problem) => ({ file, message: problem.message, range: problem.range })));
    const lockfile = { path: absolute, result };
    // Catalog edges first: a member's devDependencies are then dropped from them too.
    resolveYarnCatalogs(lockfile);
    dropMemberDevDependencies(lockfile);
    if (this.wantsLicense) addInstalledLicenses(lockfile, this.wantsLicense);
    this.detach(result);
    return lockfile;
  }

  /** The strings of its packages that outlive the lockfile (in declarations, chains and findings), as copies of their own. */
  private detach(result: LockResult): void {
    for (const locked of result.packages.values()) {
      locked.id = ownCopy(locked.id);
      locked.name = ownCopy(locked.name);
      if (locked.version !== undefined) locked.version = ownCopy(locked.version);
      if (locked.license !== undefined) locked.license = ownCopy(locked.license);
    }
  }

  /** A requirements file (relative to the root) pins as a lockfile does: its exact pins get their installed licences too. */
  licensePins(file: string, declarations: readonly Declaration[]): void {
    if (this.wantsLicense) addInstalledPinLicenses(declarations, path.dirname(path.resolve(this.root, file)), this.wantsLicense);
  }
}

/** A package a manifest's declaration is locked to, and whether only development needs it (a devDependency, a dev group). */
export interface Pinned {
  key: string;
  dev: boolean;
}

/**
 * Tells each declaration of one manifest (objects of the caller's, which they change) what its lockfile resolved for
 * it, or that the lockfile is out of date for it; returns the packages it locks for them, which are what the manifest
 * pulls in from.
 */
export function pinToLockfile(lockfile: Lockfile, manifest: string, declarations: readonly Declaration[], { root, firstParty }: PinContext): Pinned[] {
  // A lockfile read only in part says nothing of what it lacks: its own problem is reported instead.
  const complete = lockfile.result.problems.length === 0;
  const importer = importerOf(lockfile, manifest);
  const keys = lockedKeys(lockfile, importer, declarations);
  const direct: Pinned[] = [];
  for (const declaration of declarations) {
    // Never the lockfile's to pin, even where it locks a package of the same name for the project.
    if (declaration.unlockable) continue;
    const key = keys.get(declaration);
    const entry = key === undefined ? undefined : lockfile.result.packages.get(key);
    const stale = complete && mustBeLocked(declaration, firstParty) ? staleness(lockfile, importer, declaration, entry) : undefined;
    if (stale) {
      // Not locked as declared: no version to pin it to, and nothing known of what it pulls in now.
      const forOthers = entry ? undefined : lockedForOthers(lockfile, declaration);
      declaration.staleLock = {
        lockfile: relativeTo(root, lockfile.path),
        ...stale,
        ...(forOthers === undefined ? {} : { lockedForOthers: forOthers }),
        ...(lockfile.result.updateCommand ? { update: lockfile.result.updateCommand } : {}),
      };
      continue;
    }
    if (key === undefined || !entry) continue;
    declaration.locked = entry.version ? { version: entry.version } : {};
    const lockPin = entry.version === undefined ? undefined : pinEdits(lockfile, importer, declaration, entry.version);
    if (lockPin) declaration.lockPin = { file: relativeTo(root, lockfile.path), edits: lockPin };
    if (!entry.source) declaration.integrity = entry.hashes;
    if (entry.license !== undefined) declaration.declaredLicense = entry.license;
    direct.push({ key, dev: declaration.relation === 'dev' });
  }
  return direct;
}

/**
 * Tells each requirement of a pip-tools input (`requirements.in`) the version pip-compile pinned for it in the output
 * (`compiled`, the read of `lockfile`, relative to the root), or that the output is out of date for it, as
 * pinToLockfile does with a lockfile. What the pins pull in is the output's own to list.
 */
export function pinToCompiled(compiled: ReadResult, lockfile: string, declarations: readonly Declaration[], firstParty: ReadonlySet<string>): void {
  const complete = compiled.problems.length === 0;
  const pins = new Map<string, Declaration>();
  for (const pin of compiled.declarations) if (!pins.has(lookupKey(pin.id))) pins.set(lookupKey(pin.id), pin);
  for (const declaration of declarations) {
    if (declaration.ecosystem !== 'pypi') continue;
    const pin = pins.get(lookupKey(declaration.id));
    const version = pinnedBy(pin?.versionSpec);
    const outside = version !== undefined && !allowsVersion('pypi', declaration.versionSpec, version);
    if (complete && mustBeLocked(declaration, firstParty) && (!pin || outside)) {
      declaration.staleLock = { lockfile, ...(outside ? { version } : {}) };
    } else if (pin) {
      declaration.locked = version === undefined ? {} : { version };
    }
  }
}

/** Where paths are relative to, and which packages are the project's own (no lockfile need lock those). */
export interface PinContext {
  root: string;
  firstParty: ReadonlySet<string>;
}

/**
 * A registry or remote dependency, which its manifest's lockfile must lock: not the project's own code (Yarn 1
 * locks no workspace member), not a local folder, not a peer (the package manager may leave those to the user).
 */
function mustBeLocked(declaration: Declaration, firstParty: ReadonlySet<string>): boolean {
  const reference = declaration.directReference?.kind;
  return (
    (declaration.ecosystem === 'npm' || declaration.ecosystem === 'pypi') &&
    declaration.relation !== 'peer' &&
    declaration.relation !== 'workspace' &&
    reference !== 'path' &&
    reference !== 'editable' &&
    !firstParty.has(declaration.id)
  );
}

/** What pinning a declaration to the version locked changes in a lockfile that records its spec (pnpm, Yarn 2+). */
function pinEdits(lockfile: Lockfile, importer: string, declaration: Declaration, version: string): LockEdit[] | undefined {
  if (!lockfile.result.pinEdits) return undefined;
  const spec = writtenSpec(declaration);
  const pinned = writtenSpec({ ...declaration, versionSpec: version });
  return spec === pinned ? undefined : lockfile.result.pinEdits(importer, declaration.name, spec, pinned);
}

/** A manifest's importer in its lockfile: its folder relative to the lockfile's, with `/` ('' for the lockfile's own). */
function importerOf(lockfile: Lockfile, manifest: string): string {
  return relativeTo(path.dirname(lockfile.path), path.dirname(manifest));
}

/**
 * How the lockfile fails to lock a declaration (its `entry` there, if any) as declared, as its package manager judges it, or
 * undefined when it does not fail: no entry at all; a recorded spec other than the declared one (Yarn keys entries by
 * the exact specs they serve and pnpm records each importer's, so a spec they record is locked to whatever version
 * they chose, resolutions and overrides included; an override's spec stands in for the declared one); elsewhere, a
 * locked version the declared range rules out, as `npm ci` requires.
 */
function staleness(lockfile: Lockfile, importer: string, declaration: Declaration, entry: LockedPackage | undefined): { spec?: string; version?: string } | undefined {
  const { result } = lockfile;
  if (!entry) {
    // A group the lockfile was not asked to lock (pdm, Rye) is unlocked by choice, not out of date; so is a dependency
    // whose marker the one interpreter a Rye lock was resolved for did not match.
    if (result.locksGroup?.(declaration.group ?? 'default') === false) return undefined;
    return result.lockedForOneEnvironment && declaration.marker !== undefined ? undefined : {};
  }
  const spec = writtenSpec(declaration);
  if (result.descriptors?.has(`${declaration.name}@${spec}`) || result.descriptors?.has(`${declaration.name}@npm:${spec}`)) return undefined;
  const recorded = result.specifiers?.get(importer)?.get(declaration.name);
  // pnpm records an overridden dependency's spec as the override's.
  if (recorded !== undefined) return recorded === spec || result.overrides?.get(declaration.name)?.includes(recorded) ? undefined : { spec: recorded };
  return entry.version === undefined || allowsVersion(declaration.ecosystem, declaration.versionSpec, entry.version) ? undefined : { version: entry.version };
}

/** The locked key of each declaration of one manifest (its `importer` in the lockfile) that the lockfile can match. */
function lockedKeys(lockfile: Lockfile, importer: string, declarations: readonly Declaration[]): Map<Declaration, string> {
  const { result } = lockfile;
  const listed = result.importers.get(importer) ?? [];
  const byName = new Map<string, string>();
  for (const key of listed) {
    const name = result.packages.get(key)?.name;
    if (name !== undefined && !byName.has(name)) byName.set(name, key);
  }
  const recorded = new Set(listed);
  const locked = new Map<Declaration, string>();
  for (const declaration of declarations) {
    if (declaration.ecosystem !== 'npm' && declaration.ecosystem !== 'pypi') continue;
    // An alias's record holds the package it installs, under that package's name.
    const key =
      byName.get(declaration.name) ??
      byName.get(splitId(declaration.id).name) ??
      lockedElsewhere(declaration, findKey(result, declaration.name, writtenSpec(declaration)), recorded);
    if (key !== undefined && result.packages.has(key)) locked.set(declaration, key);
  }
  return locked;
}

/**
 * The version a lockfile locks a package at for others, where it locks nothing for this manifest's declaration: a name
 * another member depends on, or that only a dependency pulls in ("not in the lockfile" would be untrue).
 */
function lockedForOthers({ result }: Lockfile, declaration: Declaration): string | undefined {
  const key = findKey(result, splitId(declaration.id).name, writtenSpec(declaration));
  return key === undefined ? undefined : result.packages.get(key)?.version;
}

/**
 * A key found for a declaration outside its manifest's importer record. Where the lockfile records the manifest's own
 * dependencies, a name it locks only for another member or a dependency is not locked for this manifest (the lockfile
 * is out of date); but peers may be left out of the record (pnpm lists none), and an alias (`npm:…`) is recorded
 * under the package's real name.
 */
function lockedElsewhere(declaration: Declaration, key: string | undefined, recorded: ReadonlySet<string>): string | undefined {
  if (key === undefined || recorded.size === 0 || recorded.has(key)) return key;
  return declaration.relation === 'peer' || declaration.versionSpec?.startsWith('npm:') ? key : undefined;
}

/**
 * Every package reachable from the direct keys, once each, breadth-first so that `via` is a shortest chain: first what
 * production needs, then what only development does (`devOnly`), so that a package both need keeps the chain production
 * brings it by. One walk per lockfile, however many manifests share it (a workspace root lockfile).
 */
export function reachFrom(lockfile: Lockfile, direct: ReadonlySet<string>, devOnly: ReadonlySet<string> = NONE): Reached[] {
  const { packages } = lockfile.result;
  // Without edges every package the manifest does not declare is pulled in, by a path the file does not tell.
  if (lockfile.result.withoutEdges) return [...packages.keys()].filter((key) => !direct.has(key)).map((key) => ({ key, via: [] }));
  const seen = new Set(direct);
  const reached: Reached[] = [];
  // Breadth-first over parallel lists (key, and the chain down to its parent). A package's own chain (its
  // parent's plus its name) is built only when it brings in something new: the leaves build none.
  const keys: string[] = [];
  const chains: string[][] = [];
  let at = 0;
  /** Walks on from where the last walk stopped, `roots` queued after what is left of it. */
  const walk = (roots: Iterable<string>) => {
    for (const key of roots) {
      keys.push(key);
      chains.push([]);
    }
    for (; at < keys.length; at++) {
      const key = keys[at]!;
      let chain: string[] | undefined;
      for (const next of packages.get(key)?.dependencies ?? []) {
        if (seen.has(next) || !packages.has(next)) continue;
        seen.add(next);
        chain ??= [...chains[at]!, packages.get(key)!.name];
        reached.push({ key: next, via: chain });
        keys.push(next);
        chains.push(chain);
      }
    }
  };
  walk([...direct].filter((key) => !devOnly.has(key)));
  walk(devOnly);
  return reached;
}

const NONE: ReadonlySet<string> = new Set();
