// Where pnpm-lock.yaml records each importer's dependency specs: pnpm calls the lockfile out of date as soon as a
// package.json spec differs from the one recorded, so a pin of a dependency must change it there too, as
// `pnpm install` would (the version it locks stays). Found by one pass over the lines above `packages:`, on the
// first request: most scans pin nothing.
//
//   importers:                 (v6+ workspaces; a single project's v6 file has its sections at the top level)
//     apps/web:
//       dependencies:
//         '@types/ms':
//           specifier: ^0.7.0    ← v6+
//           version: 0.7.34
//       specifiers:
//         ms: ^2.1.0             ← v5
import type { Range } from '../../../../rules/src/types';
import type { LazyLines } from './locate';
import type { LockResult } from './types';

/** The range of the spec pnpm recorded for `name` in `importer` ('' for the lockfile's own folder), quotes included. */
export type SpecifierFinder = (importer: string, name: string) => Range | undefined;

/**
 * A pin in pnpm-lock.yaml: the recorded spec becomes the pinned one; the version locked stays. A catalog's pin is
 * recorded in the lockfile's own `catalogs:` section, which `pnpm install` rewrites: left to it.
 */
export function pnpmPinEdits(specifierAt: SpecifierFinder): NonNullable<LockResult['pinEdits']> {
  return (importer, name, spec, pinned) => {
    if (spec.startsWith('catalog:')) return undefined;
    const range = specifierAt(importer, name);
    return range && [{ range, newText: yamlScalar(pinned) }];
  };
}

/** A YAML scalar for a spec: plain where YAML reads it as that string (`1.2.3`, `npm:x@1.2.3`), single-quoted otherwise. */
function yamlScalar(spec: string): string {
  return /^[0-9a-z][\w.+@/:-]*$/i.test(spec) && !/^\d+(\.\d+)?$/.test(spec) ? spec : `'${spec.replace(/'/g, "''")}'`;
}

/** The sections that precede `packages:`: what a line scan must not wander past. */
const PACKAGE_SECTIONS = /^(packages|snapshots):/;

export function pnpmSpecifierFinder(text: string, lines: LazyLines): SpecifierFinder {
  let spans: Map<string, readonly [number, number]> | undefined;
  return (importer, name) => {
    spans ??= specifierSpans(text);
    const span = spans.get(`${importer}\0${name}`);
    return span && lines.range(span[0], span[1]);
  };
}

function specifierSpans(text: string): Map<string, readonly [number, number]> {
  const spans = new Map<string, readonly [number, number]>();
  // Inside `importers:`, each importer's keys sit two spaces deeper than in a single project's file.
  let base = 0;
  let importer = '';
  let section = '';
  let dependency = '';
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, text[end - 1] === '\r' ? end - 1 : end);
    const lineStart = start;
    start = end + 1;
    const indent = line.length - line.trimStart().length;
    const content = line.trim();
    if (content === '' || content.startsWith('#')) continue;
    if (indent === 0) {
      if (PACKAGE_SECTIONS.test(line)) break;
      base = line === 'importers:' ? 4 : 0;
      section = base === 0 ? keyOf(content) : '';
      importer = '';
      continue;
    }
    if (base === 4 && indent === 2) {
      const path = keyOf(content);
      importer = path === '.' ? '' : path;
    } else if (indent === base) {
      section = keyOf(content);
    } else if (indent === base + 2) {
      dependency = keyOf(content);
      // v5: `name: spec` under `specifiers`.
      if (section === 'specifiers') record(spans, importer, dependency, line, lineStart);
    } else if (indent === base + 4 && content.startsWith('specifier:') && section !== 'specifiers') {
      record(spans, importer, dependency, line, lineStart);
    }
  }
  return spans;
}

/** Records the value after the line's first `: ` as the spec of `dependency`. */
function record(spans: Map<string, readonly [number, number]>, importer: string, dependency: string, line: string, lineStart: number): void {
  const colon = valueColon(line);
  if (colon < 0) return;
  let from = colon + 1;
  while (line[from] === ' ') from++;
  let to = line.length;
  // A plain value may be followed by a comment; a quoted one ends at its quote.
  const comment = line.indexOf(' #', from);
  if (line[from] !== "'" && line[from] !== '"' && comment >= 0) to = comment;
  while (to > from && line[to - 1] === ' ') to--;
  if (to > from) spans.set(`${importer}\0${dependency}`, [lineStart + from, lineStart + to]);
}

/** A mapping key without its quotes and colon: `'@types/ms':` → `@types/ms`. */
function keyOf(content: string): string {
  const colon = valueColon(content);
  const key = (colon < 0 ? content : content.slice(0, colon)).trim();
  const quoted = (key.startsWith("'") && key.endsWith("'")) || (key.startsWith('"') && key.endsWith('"'));
  return quoted && key.length >= 2 ? key.slice(1, -1).replace(/''/g, "'") : key;
}

/** The colon that ends a (possibly quoted) mapping key. */
function valueColon(line: string): number {
  const trimmed = line.trimStart();
  const offset = line.length - trimmed.length;
  const quote = trimmed[0] === "'" || trimmed[0] === '"' ? trimmed[0] : undefined;
  const keyEnd = quote ? trimmed.indexOf(quote, 1) + 1 : 0;
  const colon = trimmed.indexOf(':', keyEnd);
  return colon < 0 ? -1 : offset + colon;
}
