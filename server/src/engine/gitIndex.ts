// The paths a Git repository tracks, read from its index (https://git-scm.com/docs/index-format, versions 2 to 4).
// Git's ignore rules leave tracked files alone: a requirements.txt committed before a `*.txt` rule, or added with
// `git add -f`, is still the project's, and a scan that skipped it would vouch for what it never read. No maintained
// JavaScript reader takes versions 3 and 4 (isomorphic-git reads version 2), which Git writes for sparse and
// intent-to-add entries and for `feature.manyFiles` monorepos.
import fs from 'node:fs';
import path from 'node:path';
import { readTextFile } from './textFile';

/** Tracked files and the folders that hold them, relative to the repository root with `/`. */
export interface Tracked {
  files: ReadonlySet<string>;
  folders: ReadonlySet<string>;
}

/** Git's index entry fields before the object name: ctime, mtime, dev, ino, mode, uid, gid, size. */
const STAT_BYTES = 40;
const MODE_AT = 24;
const EXTENDED_FLAG = 0x4000;
/** A sparse index lists a folder outside the sparse cone as one entry of this mode. */
const DIRECTORY_MODE = 0o040000;

/**
 * What the repository rooted at `root` tracks: nothing before its first `git add` (no index); undefined when the
 * index cannot be read as Git writes it (a split index keeps entries elsewhere), and then nothing may be taken as
 * untracked.
 */
export function trackedPaths(root: string): Tracked | undefined {
  const gitDir = gitDirOf(root);
  if (gitDir === undefined) return undefined;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.join(gitDir, 'index'));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { files: new Set(), folders: new Set() } : undefined;
  }
  try {
    return readIndex(bytes, hashBytes(gitDir));
  } catch {
    return undefined;
  }
}

/** The repository's Git folder: `.git`, or where the `.git` file of a worktree or submodule points. */
function gitDirOf(root: string): string | undefined {
  const dotGit = path.join(root, '.git');
  const stat = fs.statSync(dotGit, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return dotGit;
  if (!stat?.isFile()) return undefined;
  const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readTextFile(dotGit) ?? '')?.[1];
  return pointer === undefined ? undefined : path.resolve(root, pointer);
}

/** An object name's length: SHA-1, or SHA-256 where the config says so (a worktree's config is in its common folder). */
function hashBytes(gitDir: string): number {
  const common = readTextFile(path.join(gitDir, 'commondir'))?.trim();
  const config = readTextFile(path.join(common ? path.resolve(gitDir, common) : gitDir, 'config')) ?? '';
  return /^\s*objectformat\s*=\s*sha256\s*$/im.test(config) ? 32 : 20;
}

/** Throws on anything Git would not have written. */
function readIndex(bytes: Buffer, hashLength: number): Tracked {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 4) !== 'DIRC') throw new Error('not a Git index');
  const version = bytes.readUInt32BE(4);
  if (version < 2 || version > 4) throw new Error(`index version ${version}`);
  const count = bytes.readUInt32BE(8);
  const files = new Set<string>();
  const folders = new Set<string>();
  let at = 12;
  /** Version 4 writes each path as what it keeps of the one before (in bytes) and the rest. */
  let previous: Buffer = Buffer.alloc(0);
  for (let i = 0; i < count; i++) {
    const start = at;
    const mode = bytes.readUInt32BE(at + MODE_AT);
    at += STAT_BYTES + hashLength;
    const flags = bytes.readUInt16BE(at);
    at += 2;
    if (flags & EXTENDED_FLAG) {
      if (version < 3) throw new Error('extended flags in a version 2 index');
      at += 2;
    }
    let name: Buffer;
    if (version === 4) {
      const { value: dropped, next } = varint(bytes, at);
      const end = nulAfter(bytes, next);
      if (dropped > previous.length) throw new Error('path prefix longer than the path before it');
      name = Buffer.concat([previous.subarray(0, previous.length - dropped), bytes.subarray(next, end)]);
      at = end + 1;
    } else {
      const end = nulAfter(bytes, at);
      name = bytes.subarray(at, end);
      // Padded with one to eight NULs to a multiple of eight bytes.
      at = start + ((end - start + 8) & ~7);
    }
    previous = name;
    const file = name.toString('utf8').replace(/\/$/, '');
    if ((mode & 0o170000) === DIRECTORY_MODE) folders.add(file);
    else files.add(file);
    for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) folders.add(file.slice(0, slash));
  }
  // Extensions follow, then the checksum; a split index ("link") keeps the entries that matter in another file.
  while (at + 8 <= bytes.length - hashLength) {
    if (bytes.toString('latin1', at, at + 4) === 'link') throw new Error('split index');
    at += 8 + bytes.readUInt32BE(at + 4);
  }
  return { files, folders };
}

/** Git's offset varint: seven bits a byte, most significant first, each continuation adding one. */
function varint(bytes: Buffer, at: number): { value: number; next: number } {
  let byte = bytes[at++]!;
  let value = byte & 0x7f;
  while (byte & 0x80) {
    byte = bytes[at++]!;
    value = ((value + 1) << 7) | (byte & 0x7f);
  }
  return { value, next: at };
}

function nulAfter(bytes: Buffer, at: number): number {
  const end = bytes.indexOf(0, at);
  if (end < 0) throw new Error('unterminated path');
  return end;
}
