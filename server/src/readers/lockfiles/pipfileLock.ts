// Pipfile.lock: JSON with `default` and `develop` sections mapping each locked package to
// `{ version: "==1.2.3", hashes: [...], markers, index }` or, for direct references, `git` + `ref`,
// `file`, `path` (+ `editable`). It records no dependency edges and not which packages are direct
// (the Pipfile says that). A package in both sections is listed once, as a runtime one.
import { componentId, normalisePypiName } from '../../../../rules/src/ids';
import { EntryLocator, jsonKeyFinder } from './locate';
import { loadJson, shapeProblem } from './parse';
import { pipenvSource } from './pipenvSource';
import { emptyLockResult } from './result';
import type { LockResult } from './types';
import { list, string, table } from './values';

const LABEL = 'Pipfile.lock';

export function readPipfileLock(text: string): LockResult {
  const result = emptyLockResult('pipfile-lock');
  const loaded = loadJson(text, LABEL);
  if (loaded.problem) result.problems.push(loaded.problem);
  const root = table(loaded.value);
  if (!root) {
    if (!loaded.problem) result.problems.push(shapeProblem(LABEL, 'a JSON object'));
    return result;
  }
  const locator = new EntryLocator(text, jsonKeyFinder(true));
  const seen = new Set<string>();
  for (const section of ['default', 'develop']) {
    for (const [name, value] of Object.entries(table(root[section]) ?? {})) {
      const entry = table(value);
      if (!entry) continue;
      const version = string(entry.version)?.replace(/^===?/, '');
      const identity = `${normalisePypiName(name)}@${version ?? ''}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      const source = pipenvSource(entry);
      result.packages.set(version === undefined ? normalisePypiName(name) : identity, {
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
