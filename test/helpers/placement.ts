// Where a lockfile's packages are placed: each on its own entry, at the key that starts the entry's line.
import type { Assessment } from '../../rules/src/types';

/** The packages not placed on the key that starts their line (after its indentation and any quote), as lines to read. */
export function misplacedEntries(lockfileText: string, assessments: readonly Assessment[]): string[] {
  const lines = lockfileText.split('\n');
  return assessments.flatMap(({ declaration: { name, range } }) => {
    const line = lines[range.start.line]!;
    const indent = line.length - line.trimStart().length;
    const keyStart = /["']/.test(line[indent] ?? '') ? indent + 1 : indent;
    const placed = range.start.character === keyStart && line.slice(range.start.character, range.end.character).includes(name);
    return placed ? [] : [`${name} at ${range.start.line + 1}:${range.start.character + 1}: ${line.trim()}`];
  });
}
