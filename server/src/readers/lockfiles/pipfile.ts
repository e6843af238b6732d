// Pipfile (https://github.com/pypa/pipfile): a manifest, not a lock. `[packages]`, `[dev-packages]` and custom
// categories map names to a specifier ("*", "==1.0", ">=2") or a table (`version`, `git` + `ref`, `path`, `file`,
// `editable`, `extras`). Every entry is a direct dependency of the one importer; none has edges or hashes.
import { componentId, normalisePypiName } from '../../../../rules/src/ids';
import { EntryLocator, type Finder } from './locate';
import { loadToml } from './parse';
import { pipenvSource } from './pipenvSource';
import { emptyLockResult, pinnedBy, UniqueKeys } from './result';
import type { LockResult } from './types';
import { string, table } from './values';

const LABEL = 'Pipfile';
/** The tables of a Pipfile that are not package categories (https://pipenv.pypa.io/en/latest/pipfile.html). */
const NOT_CATEGORIES = new Set(['source', 'requires', 'pipenv', 'scripts']);
/** A key with extras, as pip reads a requirement: `"dvc[gs]"`. */
const KEY_WITH_EXTRAS = /^([^[\]]+?)\s*\[([^\]]*)\]$/;

export function readPipfile(text: string): LockResult {
  const result = emptyLockResult('pipfile');
  const root = loadToml(text, LABEL, result.problems);
  if (!root) return result;
  const locator = new EntryLocator(text, sectionKeyFinder());
  const unique = new UniqueKeys();
  // `[packages]`, `[dev-packages]`, and any other table of packages: a custom category (pipenv 2022.10.9 and later).
  for (const [section, entries] of Object.entries(root)) {
    const packages = table(entries);
    if (!packages || NOT_CATEGORIES.has(section)) continue;
    for (const [key, value] of Object.entries(packages)) {
      const spec = string(value) ?? table(value);
      if (spec === undefined) continue;
      const [, bare, extras] = KEY_WITH_EXTRAS.exec(key) ?? [key, key, undefined];
      const name = bare!;
      const specifier = typeof spec === 'string' ? spec : string(spec.version);
      const exact = pinnedBy(specifier);
      const source = typeof spec === 'string' ? undefined : pipenvSource(spec);
      const packageKey = unique.take(normalisePypiName(name));
      result.packages.set(packageKey, {
        id: componentId('pypi', name),
        ecosystem: 'pypi',
        name,
        version: exact,
        specifier: specifier === '*' ? undefined : specifier,
        dependencies: [],
        hashes: false,
        source,
        dev: section === 'dev-packages',
        ...(section === 'packages' || section === 'dev-packages' ? {} : { category: section }),
        ...(extras ? { extras: extras.split(',').map((extra) => extra.trim()).filter(Boolean) } : {}),
        locate: locator.add({ section, key, length: name.length }),
      });
      result.importers.get('')!.push(packageKey);
    }
  }
  return result;
}

/**
 * A key of a `[section]` table. Sections may come in any order, so each is found by its header; the first search
 * indexes every section's keys (one pass over the lines), so that a long file is not searched once per entry.
 */
function sectionKeyFinder(): Finder<{ section: string; key: string; length: number }> {
  let index: Map<string, Map<string, number>> | undefined;
  return (text, _from, { section, key, length }) => {
    index ??= keysBySection(text);
    const start = index.get(section)?.get(key);
    // The package's name, without the extras a key may give it.
    return start === undefined ? undefined : [start, start + length];
  };
}

/**
 * Where each key of each `[section]` starts (inside its quotes), the first of a section or key written twice. A package
 * may also be written as a TOML dotted key (`requests.version = "*"`) or a table of its own (`[packages.requests]`).
 */
function keysBySection(text: string): Map<string, Map<string, number>> {
  const sections = new Map<string, Map<string, number>>();
  const keysOf = (section: string) => sections.get(section) ?? sections.set(section, new Map()).get(section)!;
  const place = (keys: Map<string, number>, key: string, at: number) => {
    if (!keys.has(key)) keys.set(key, at);
  };
  const headers = new Set<string>();
  let keys: Map<string, number> | undefined;
  for (let found = PIPFILE_LINE.exec(text); found; found = PIPFILE_LINE.exec(text)) {
    const [line, indent, header, quote, key] = found;
    if (header !== undefined) {
      const table = PACKAGE_TABLE.exec(header);
      // The lines under `[packages.requests]` are the package's own keys (`version`), no packages of the section.
      keys = table || headers.has(header) ? undefined : keysOf(header);
      headers.add(header);
      if (!table) continue;
      const [whole, section, closing, name] = table;
      const headerStart = found.index + line.indexOf(header, line.indexOf('['));
      place(keysOf(section!), name!, headerStart + whole.length - closing!.length - name!.length);
    } else if (keys && key !== undefined) {
      // A bare dotted key is a table's: `requests.version` is requests' version. A quoted key may hold dots.
      const name = quote === '' ? key.split('.', 1)[0]!.trimEnd() : key;
      place(keys, name, found.index + indent!.length + quote!.length);
    }
  }
  return sections;
}

/** A `[section]` header, or a `key = value` line (a bare or quoted key), with the indentation before either. */
const PIPFILE_LINE = /^([ \t]*)(?:\[[ \t]*([^\]\n]*?)[ \t]*\][ \t]*(?:#.*)?|(["']?)([^"'\n=]*?)\3[ \t]*=.*)$/gm;
/** A package's own table header (`packages.requests`, `packages."zope.interface"`): the section, the quote, the name. */
const PACKAGE_TABLE = /^([A-Za-z0-9_-]+)[ \t]*\.[ \t]*(["']?)([^"'.\s]+|[^"']+)\2$/;
