// yarn.lock comes in two unrelated syntaxes: v1's own format and Berry's YAML, told apart by Berry's
// `__metadata` entry.
import type { LockResult } from './types';
import { readYarnBerry } from './yarnBerry';
import { readYarnV1 } from './yarnV1';

export function readYarnLock(text: string): LockResult {
  return isBerry(text) ? readYarnBerry(text) : readYarnV1(text);
}

function isBerry(text: string): boolean {
  for (let at = text.indexOf('__metadata'); at >= 0; at = text.indexOf('__metadata', at + 1)) {
    const lineStart = text[at - 1] === '"' ? at - 1 : at;
    if (lineStart === 0 || text[lineStart - 1] === '\n') return true;
  }
  return false;
}
