// Pipfile (https://github.com/pypa/pipfile): a manifest, not a lock. `[packages]` and `[dev-packages]`
// map names to a specifier ("*", "==1.0", ">=2") or a table (`version`, `git` + `ref`, `path`, `file`,
// `editable`, `extras`). Every entry is a direct dependency of the one importer; none has edges or hashes.
import { componentId, normalisePypiName } from '../../../../rules/src/ids';
import { EntryLocator, type Finder } from './locate';
import { loadToml } from './parse';
import { pipenvSource } from './pipenvSource';
import { emptyLockResult, pinnedBy, UniqueKeys } from './result';
import type { LockResult } from './types';
import { string, table } from './values';

const LABEL = 'Pipfile';
const SECTIONS = [
  ['packages', false],
  ['dev-packages', true],
] as const;

export function readPipfile(text: string): LockResult {
  const result = emptyLockResult('pipfile');
  const root = loadToml(text, LABEL, result.problems);
  if (!root) return result;
  const locator = new EntryLocator(text, sectionKeyFinder);
  const unique = new UniqueKeys();
  for (const [section, dev] of SECTIONS) {
    for (const [name, value] of Object.entries(table(root[section]) ?? {})) {
      const spec = string(value) ?? table(value);
      if (spec === undefined) continue;
      const specifier = typeof spec === 'string' ? spec : string(spec.version);
      const exact = pinnedBy(specifier);
      const source = typeof spec === 'string' ? undefined : pipenvSource(spec);
      const key = unique.take(normalisePypiName(name));
      result.packages.set(key, {
        id: componentId('pypi', name),
        ecosystem: 'pypi',
        name,
        version: exact,
        specifier: specifier === '*' ? undefined : specifier,
        dependencies: [],
        hashes: false,
        source,
        dev,
        locate: locator.add({ section, name }),
      });
      result.importers.get('')!.push(key);
    }
  }
  return result;
}

/**
 * A key of a `[section]` table. A Pipfile is a few dozen lines, and its sections may come in any order,
 * so each entry is searched for from its section's header rather than from the previous entry.
 */
const sectionKeyFinder: Finder<{ section: string; name: string }> = (text, _from, { section, name }) => {
  const header = new RegExp(`^\\[[ \\t]*${escape(section)}[ \\t]*\\][ \\t]*(#.*)?$`, 'm').exec(text);
  if (!header) return undefined;
  const bodyStart = header.index + header[0].length;
  const next = text.slice(bodyStart).search(/^[ \t]*\[/m);
  const body = next < 0 ? text.slice(bodyStart) : text.slice(bodyStart, bodyStart + next);
  const key = new RegExp(`^[ \\t]*(["']?)(${escape(name)})\\1[ \\t]*=`, 'm').exec(body);
  if (!key) return undefined;
  const start = bodyStart + key.index + key[0].indexOf(name, key[1]!.length);
  return [start, start + name.length];
};

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
