// yarn.lock v1 (`# yarn lockfile v1`), read line by line: it is a fixed two-level indented format, and a
// line reader costs little more than splitting the text (Yarn's own parser is over ten times slower).
//
//   "lodash@^4.17.0", lodash@^4.17.21:        ← entry: the descriptors it resolves
//     version "4.17.21"
//     resolved "https://registry.yarnpkg.com/lodash/-/lodash-4.17.21.tgz#…"
//     integrity sha512-…
//     dependencies:                            ← dependencies / optionalDependencies: `name range` lines
//       "@babel/core" "^7.0.0"
import { componentId } from '../../../../rules/src/ids';
import { realName, splitDescriptor, unquote } from './descriptor';
import { LazyLines } from './locate';
import { npmSource } from './npmSource';
import { emptyLockResult, UniqueKeys } from './result';
import type { LockResult } from './types';

interface Entry {
  descriptors: string[];
  version?: string;
  resolved?: string;
  integrity: boolean;
  /** `name@range` of each dependency: the descriptor that names its entry. */
  dependencies: string[];
  /** Offsets of the header, without its colon: recorded as the lines go by, turned into a range on request. */
  start: number;
  end: number;
}

const LABEL = 'yarn.lock';
/** The mappings under an entry that list dependencies; any other is skipped. */
const DEPENDENCY_MAPS = new Set(['dependencies', 'optionalDependencies']);

export function readYarnV1(text: string): LockResult {
  const result = emptyLockResult('yarn');
  const lines = new LazyLines(text);
  const entries: Entry[] = [];
  let entry: Entry | undefined;
  /** Inside an entry's indented mapping: whether its lines are dependencies. */
  let inMap: boolean | undefined;
  const fail = (start: number, end: number, message: string) => {
    // One problem per file: what follows a malformed line is usually its consequence.
    if (result.problems.length === 0) result.problems.push({ message: `${LABEL}: ${message}`, range: lines.range(start, end) });
  };

  for (let offset = 0; offset < text.length; ) {
    const lineStart = offset;
    const newline = text.indexOf('\n', offset);
    let end = newline < 0 ? text.length : newline;
    offset = end + 1;
    if (text.charCodeAt(end - 1) === 13 /* \r */) end--;
    let start = lineStart;
    while (start < end && text.charCodeAt(start) === 32 /* space */) start++;
    if (start === end || text.charCodeAt(start) === 35 /* # */) continue;
    const column = start - lineStart;
    const content = text.slice(start, end);

    if (column === 0) {
      const descriptors = content.endsWith(':') ? splitKeys(content.slice(0, -1)) : undefined;
      // The descriptors without the colon, and without the quotes around them, as the other lockfiles' keys are placed.
      const quoted = text.charCodeAt(start) === 34 /* " */ && text.charCodeAt(end - 2) === 34;
      entry = descriptors && { descriptors, integrity: false, dependencies: [], start: quoted ? start + 1 : start, end: quoted ? end - 2 : end - 1 };
      inMap = undefined;
      if (entry) entries.push(entry);
      else fail(start, end, `expected an entry header ending in ":", found "${content}"`);
    } else if (column === 2 && entry) {
      if (content.endsWith(':')) {
        inMap = DEPENDENCY_MAPS.has(unquote(content.slice(0, -1)) ?? '');
        continue;
      }
      inMap = undefined;
      const pair = splitPair(content);
      if (!pair) fail(start, end, `expected "key value", found "${content}"`);
      else if (pair[0] === 'version') entry.version = pair[1];
      else if (pair[0] === 'resolved') entry.resolved = pair[1];
      else if (pair[0] === 'integrity') entry.integrity = true;
    } else if (column === 4 && inMap !== undefined) {
      const pair = splitPair(content);
      if (!pair) fail(start, end, `expected "name range", found "${content}"`);
      else if (inMap) entry!.dependencies.push(`${pair[0]}@${pair[1]}`);
    } else {
      fail(start, end, 'unexpected indentation');
    }
  }

  // Keys first, then edges: a dependency may name a descriptor of an entry further down.
  const descriptors = new Map<string, string>();
  const unique = new UniqueKeys();
  const keys = entries.map((found) => {
    const first = splitDescriptor(found.descriptors[0]!);
    const name = realName(first.name, first.range);
    const key = unique.take(found.version === undefined ? found.descriptors[0]! : `${name}@${found.version}`);
    for (const descriptor of found.descriptors) descriptors.set(descriptor, key);
    return { key, name };
  });
  result.descriptors = descriptors;
  entries.forEach((found, index) => {
    const { key, name } = keys[index]!;
    const dependencies: string[] = [];
    for (const descriptor of found.dependencies) {
      const target = descriptors.get(descriptor);
      if (target !== undefined) dependencies.push(target);
    }
    result.packages.set(key, {
      id: componentId('npm', name),
      ecosystem: 'npm',
      name,
      version: found.version,
      dependencies,
      hashes: found.integrity,
      source: npmSource(found.resolved ?? localRange(found.descriptors[0]!)),
      // Yarn does not record which packages only development needs.
      dev: undefined,
      locate: () => lines.range(found.start, found.end),
    });
  });
  return result;
}

/** `file:`/`link:` ranges name their folder; yarn records no `resolved` for them. */
function localRange(descriptor: string): string | undefined {
  const { range } = splitDescriptor(descriptor);
  return /^(file|link):/.test(range) ? range : undefined;
}

/** `"a@^1", a@^1.2` (the header without its colon) → the descriptors; undefined when a quote is left open. */
function splitKeys(header: string): string[] | undefined {
  const keys: string[] = [];
  let at = 0;
  while (at < header.length) {
    let key: string | undefined;
    if (header[at] === '"') {
      const close = closingQuote(header, at);
      key = close < 0 ? undefined : unquote(header.slice(at, close + 1));
      at = close + 1;
    } else {
      const comma = header.indexOf(',', at);
      const close = comma < 0 ? header.length : comma;
      key = header.slice(at, close).trim();
      at = close;
    }
    if (!key) return undefined;
    keys.push(key);
    while (header[at] === ' ') at++;
    if (header[at] === ',') at++;
    while (header[at] === ' ') at++;
  }
  return keys.length > 0 ? keys : undefined;
}

/** `key value` with either part quoted; the value is kept as text (`true`, `sha512-…`). */
function splitPair(content: string): [string, string] | undefined {
  const quoted = content.startsWith('"');
  const keyEnd = quoted ? closingQuote(content, 0) + 1 : content.indexOf(' ');
  if (keyEnd <= 0) return undefined;
  const key = unquote(content.slice(0, keyEnd));
  const raw = content.slice(keyEnd).trim();
  const value = raw.startsWith('"') ? unquote(raw) : raw;
  return key === undefined || value === undefined || raw === '' ? undefined : [key, value];
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}
