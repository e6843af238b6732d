// Which lockfile reader a file needs, decided by its name, and the one entry point to all of them.
import { readBunLock } from './bunLock';
import { readCondaEnvironment } from './conda';
import { readPackageLock } from './packageLock';
import { readPdmLock } from './pdmLock';
import { readPipfile } from './pipfile';
import { readPipfileLock } from './pipfileLock';
import { readPnpmLock } from './pnpmLock';
import { readPoetryLock } from './poetryLock';
import { readRyeLock } from './ryeLock';
import type { LockfileKind, LockResult } from './types';
import { readUvLock } from './uvLock';
import { readYarnLock } from './yarn';

export { findKey } from './findKey';
export type { CondaPackage, LockEdit, LockedPackage, LockfileKind, LockResult } from './types';

const KINDS: Record<string, LockfileKind> = {
  'package-lock.json': 'package-lock',
  'npm-shrinkwrap.json': 'package-lock',
  'yarn.lock': 'yarn',
  'pnpm-lock.yaml': 'pnpm',
  'bun.lock': 'bun',
  'poetry.lock': 'poetry',
  'uv.lock': 'uv',
  'pdm.lock': 'pdm',
  'requirements.lock': 'rye',
  'requirements-dev.lock': 'rye-dev',
  Pipfile: 'pipfile',
  'Pipfile.lock': 'pipfile-lock',
  'environment.yml': 'conda',
  'environment.yaml': 'conda',
};

/** The kind of lockfile at a `/`-separated path, or undefined for a file no lockfile reader takes. */
export function lockfileKind(path: string): LockfileKind | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return Object.hasOwn(KINDS, name) ? KINDS[name] : undefined;
}

/** Reads one lockfile. Never throws: malformed input gives one problem and whatever could be read. */
export function readLockfile(kind: LockfileKind, text: string): LockResult {
  switch (kind) {
    case 'package-lock':
      return readPackageLock(text);
    case 'yarn':
      return readYarnLock(text);
    case 'pnpm':
      return readPnpmLock(text);
    case 'bun':
      return readBunLock(text);
    case 'poetry':
      return readPoetryLock(text);
    case 'uv':
      return readUvLock(text);
    case 'pdm':
      return readPdmLock(text);
    case 'rye':
      return readRyeLock(text, false);
    case 'rye-dev':
      return readRyeLock(text, true);
    case 'pipfile':
      return readPipfile(text);
    case 'pipfile-lock':
      return readPipfileLock(text);
    case 'conda':
      return readCondaEnvironment(text);
  }
}
