// Pipfile (https://github.com/pypa/pipfile): a manifest, not a lock. `[packages]`, `[dev-packages]` and custom
// categories map names to a specifier ("*", "==1.0", ">=2") or a table (`version`, `git` + `ref`, `path`, `file`,
// `editable`, `extras`). Every entry is a direct dependency of the one importer; none has edges or hashes.
import { componentId, normalisePypiName } from '../../../../rules/src/ids';
import { EntryLocator, escapeRegExp, type Finder } from './locate';
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
  const locator = new EntryLocator(text, sectionKeyFinder);
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
 * A key of a `[section]` table. A Pipfile is a few dozen lines, and its sections may come in any order,
 * so each entry is searched for from its section's header rather than from the previous entry.
 */
const sectionKeyFinder: Finder<{ section: string; key: string; length: number }> = (text, _from, { section, key: name, length }) => {
  const header = new RegExp(`^\\[[ \\t]*${escapeRegExp(section)}[ \\t]*\\][ \\t]*(#.*)?$`, 'm').exec(text);
  if (!header) return undefined;
  const bodyStart = header.index + header[0].length;
  const next = text.slice(bodyStart).search(/^[ \t]*\[/m);
  const body = next < 0 ? text.slice(bodyStart) : text.slice(bodyStart, bodyStart + next);
  const key = new RegExp(`^[ \\t]*(["']?)(${escapeRegExp(name)})\\1[ \\t]*=`, 'm').exec(body);
  if (!key) return undefined;
  const start = bodyStart + key.index + key[0].indexOf(name, key[1]!.length);
  // The package's name, without the extras a key may give it.
  return [start, start + length];
};
