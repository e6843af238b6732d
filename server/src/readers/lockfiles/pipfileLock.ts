// Pipfile.lock: JSON with `default`, `develop` and custom category sections mapping each locked package to
// `{ version: "==1.2.3", hashes: [...], markers, index }` or, for direct references, `git` + `ref`,
// `file`, `path` (+ `editable`). It records no dependency edges and not which packages are direct
// (the Pipfile says that). A package in both sections is listed once, as a runtime one.
import { componentId } from '../../../../rules/src/ids';
import { EntryLocator, jsonKeyFinder } from './locate';
import { loadJson } from './parse';
import { pipenvSource } from './pipenvSource';
import { emptyLockResult, pinnedBy, pypiKey } from './result';
import type { LockResult } from './types';
import { list, string, table } from './values';

const LABEL = 'Pipfile.lock';

export function readPipfileLock(text: string): LockResult {
  const result = emptyLockResult('pipfile-lock');
  result.withoutEdges = true;
  const root = loadJson(text, LABEL, result.problems);
  if (!root) return result;
  const locator = new EntryLocator(text, jsonKeyFinder('{'));
  const seen = new Set<string>();
  // `default`, `develop`, then the custom categories (pipenv 2022.10.9 and later), each a section of its own.
  const sections = ['default', 'develop', ...Object.keys(root).filter((key) => key !== '_meta' && key !== 'default' && key !== 'develop')];
  for (const section of sections) {
    for (const [name, value] of Object.entries(table(root[section]) ?? {})) {
      const entry = table(value);
      if (!entry) continue;
      const version = pinnedBy(string(entry.version));
      const key = pypiKey(name, version);
      if (seen.has(key)) continue;
      seen.add(key);
      const source = pipenvSource(entry);
      result.packages.set(key, {
        id: componentId('pypi', name),
        ecosystem: 'pypi',
        name,
        version,
        dependencies: [],
        hashes: list(entry.hashes).length > 0,
        source,
        dev: section === 'develop',
        locate: locator.add(name),
      });
    }
  }
  return result;
}
