// bun.lock (Bun 1.2+): JSON with trailing commas, packages keyed like a hoisted node_modules tree, each
// member's direct dependencies from `workspaces`, nested copies resolved nearest first, ranges.
import { describe, expect, it } from 'vitest';
import { readBunLock } from '../../../server/src/readers/lockfiles/bunLock';
import { lsp } from '../../helpers/ranges';
import { type Expected, fixture, keys, npm, withoutLocate } from './fixtures';

/** Bun does not say which packages only development needs. */
const row = (name: string, version: string | undefined, extra: Partial<Expected> = {}) => npm(name, version, { dev: undefined, ...extra });

describe('readBunLock: a workspace with a nested copy', () => {
  const text = fixture('bun-workspace.lock');
  const result = readBunLock(text);

  it.each<[string, Expected]>([
    ['loose-envify', row('loose-envify', '1.4.0', { dependencies: ['js-tokens'] })],
    // A peer dependency is an edge too.
    ['react-dom', row('react-dom', '18.3.1', { dependencies: ['loose-envify', 'scheduler', 'react'] })],
    // The member's own copy of react, and a copy nested under that copy: each resolves nearest first.
    ['@acme/web/react', row('react', '17.0.2', { dependencies: ['loose-envify', '@acme/web/react/object-assign'] })],
    ['@acme/web/react/object-assign', row('object-assign', '4.1.1')],
    ['is-negative', row('is-negative', undefined, { hashes: false, source: { kind: 'vcs', target: 'github:kevva/is-negative#1d7e288' } })],
    // A member another one depends on pulls in what it needs at run time, not its devDependencies.
    ['@acme/core', row('@acme/core', undefined, { dependencies: ['lodash'], hashes: false, source: { kind: 'workspace', target: 'packages/core' } })],
  ])('%s', (key, expected) => {
    expect(withoutLocate(result.packages.get(key))).toEqual(expected);
  });

  it('gives each member its direct dependencies, its own copies first', () => {
    expect(result.problems).toEqual([]);
    expect(keys(result)).toHaveLength(12);
    expect(result.importers).toEqual(
      new Map([
        ['', ['typescript']],
        ['packages/core', ['lodash', 'typescript']],
        ['packages/web', ['@acme/core', 'is-negative', '@acme/web/react', 'react-dom']],
      ]),
    );
  });

  it('locates an entry by its key in `packages`', () => {
    const line = text.split('\n').findIndex((l) => l.includes('"@acme/web/react/object-assign"'));
    expect(result.packages.get('@acme/web/react/object-assign')!.locate()).toEqual(lsp(line, 5, 5 + '@acme/web/react/object-assign'.length));
  });

  it('locates an entry at its own key, not where the entry before it or a workspace names it as a dependency', () => {
    const lockText = [
      '{',
      '  "lockfileVersion": 1,',
      '  "workspaces": { "": { "dependencies": { "color-convert": "^2.0.1", "color-name": "~1.1.4" } } },',
      '  "packages": {',
      '    "color-convert": ["color-convert@2.0.1", "", { "dependencies": { "color-name": "~1.1.4" } }, "sha512-a"],',
      '',
      '    "color-name": ["color-name@1.1.4", "", {}, "sha512-b"],',
      '  }',
      '}',
      '',
    ].join('\n');
    const located = readBunLock(lockText);
    expect(located.packages.get('color-convert')!.locate()).toEqual(lsp(4, 5, 18));
    expect(located.packages.get('color-name')!.locate()).toEqual(lsp(6, 5, 15));
  });

  it('reports a malformed file at its error and keeps what precedes it', () => {
    const broken = readBunLock('{\n  "packages": {\n    "lodash": ["lodash@4.17.21", "", {}, "sha512-x"],\n    "react": ["react@18.3.1" "", {}],\n  }\n}\n');
    expect(broken.problems).toEqual([{ message: 'bun.lock is not valid JSON: comma expected', range: lsp(3, 29, 31) }]);
    expect(withoutLocate(broken.packages.get('lodash'))).toEqual(row('lodash', '4.17.21'));
  });
});
