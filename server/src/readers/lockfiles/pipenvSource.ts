// Where a Pipfile or Pipfile.lock entry comes from when it is not an index release: `git` (+ `ref`),
// `file` (a URL, or a local archive) or `path`.
import type { LockedPackage } from './types';
import { string, type Table } from './values';

export function pipenvSource(entry: Table): LockedPackage['source'] {
  const git = string(entry.git);
  if (git !== undefined) {
    const ref = string(entry.ref);
    return { kind: 'vcs', target: ref ? `${git}@${ref}` : git };
  }
  const file = string(entry.file);
  if (file !== undefined) return { kind: /^[a-z][\w+.-]*:\/\//i.test(file) ? 'url' : 'path', target: file };
  const path = string(entry.path);
  return path === undefined ? undefined : { kind: 'path', target: path };
}
