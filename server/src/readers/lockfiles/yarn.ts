// yarn.lock comes in two unrelated syntaxes, told apart as Yarn itself does: v1 files open with the
// `# yarn lockfile v1` comment, Berry's are YAML with a `__metadata` entry.
import type { LockResult } from './types';
import { readYarnBerry } from './yarnBerry';
import { readYarnV1 } from './yarnV1';

const V1_HEADER = /^(#.*\r?\n)*?#\s*yarn\s+lockfile\s+v1\r?(\n|$)/i;

export function readYarnLock(text: string): LockResult {
  return !V1_HEADER.test(text.slice(0, 1024)) && hasMetadata(text) ? readYarnBerry(text) : readYarnV1(text);
}

/** Berry's `__metadata:` key, at the start of a line. */
function hasMetadata(text: string): boolean {
  for (let at = text.indexOf('__metadata'); at >= 0; at = text.indexOf('__metadata', at + 1)) {
    const lineStart = text[at - 1] === '"' ? at - 1 : at;
    if (lineStart === 0 || text[lineStart - 1] === '\n') return true;
  }
  return false;
}
