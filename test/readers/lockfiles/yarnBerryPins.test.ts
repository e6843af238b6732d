// What a pin changes in a Yarn 4 yarn.lock, read against a lockfile Yarn 4.5.3 wrote (test/fixtures/yarn-berry-pin).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LazyLines } from '../../../server/src/readers/lockfiles/locate';
import { berryPinEdits } from '../../../server/src/readers/lockfiles/yarnBerryPins';
import { lsp } from '../../helpers/ranges';

const text = fs.readFileSync(path.join(__dirname, '../../fixtures/yarn-berry-pin/yarn.lock'), 'utf8');
const pinEdits = berryPinEdits(text, new LazyLines(text));

describe('berryPinEdits', () => {
  it('rewrites the key of the entry that served the range and the spec the workspace records', () => {
    expect(pinEdits('', 'ms', '^2.1.2', '2.1.3')).toEqual([
      { range: lsp(28, 0, 30), newText: '"ms@npm:2.1.3, ms@npm:^2.1.3"' },
      { range: lsp(12, 8, 20), newText: '"npm:2.1.3"' },
    ]);
  });

  it('offers nothing it cannot be sure of: another version than the entry resolves, a spec the workspace does not record, an alias, another importer', () => {
    expect(pinEdits('', 'ms', '^2.1.2', '2.1.4')).toBeUndefined();
    expect(pinEdits('', 'ms', '^2.0.0', '2.1.3')).toBeUndefined();
    expect(pinEdits('', 'ms', 'npm:other@^2.1.2', '2.1.3')).toBeUndefined();
    expect(pinEdits('packages/a', 'ms', '^2.1.2', '2.1.3')).toBeUndefined();
  });
});
