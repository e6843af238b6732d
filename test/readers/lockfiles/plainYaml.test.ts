// The fast YAML path must read exactly what js-yaml reads (FAILSAFE, repeated keys allowed), or step aside.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FAILSAFE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadPlainYaml } from '../../../server/src/readers/lockfiles/plainYaml';
import { fixture } from './fixtures';

const fullParse = (text: string): unknown => load(text, { schema: FAILSAFE_SCHEMA, json: true });

describe('loadPlainYaml', () => {
  it.each(['pnpm-v9-workspace.yaml', 'pnpm-v6-workspace.yaml', 'pnpm-v5.yaml', 'yarn-berry.lock', 'yarn-berry-v6.lock'])(
    'reads %s as js-yaml does',
    (name) => {
      const text = fixture(name);
      const plain = loadPlainYaml(text);
      expect(plain).toBeDefined();
      expect(plain).toEqual(fullParse(text));
    },
  );

  it.each(['pnpm-lock.yaml', 'pnpm-lock-v6.yaml', 'pnpm-lock-v5.4.yaml', 'yarn-berry-v10.lock', 'yarn-berry-v6.lock'])('reads the real %s in fixtures/same-graph as js-yaml does', (name) => {
    const text = fs.readFileSync(path.join(__dirname, '../../fixtures/same-graph', name), 'utf8');
    const plain = loadPlainYaml(text);
    expect(plain).toBeDefined();
    expect(plain).toEqual(fullParse(text));
  });

  it('reads the pnpm and Berry lockfiles of a generated monorepo as js-yaml does', () => {
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'plain-yaml-'));
    execFileSync(process.execPath, [path.resolve(__dirname, '../../../../shared/bench/gen.mjs'), 'medium', tree, '--no-decoys'], { stdio: 'ignore' });
    const lockfiles = (fs.readdirSync(tree, { recursive: true }) as string[]).filter(
      (file) => !file.includes('node_modules') && (file.endsWith('pnpm-lock.yaml') || file.endsWith('yarn.lock')),
    );
    expect(lockfiles.length).toBeGreaterThan(0);
    let fastPath = 0;
    for (const file of lockfiles) {
      const text = fs.readFileSync(path.join(tree, file), 'utf8');
      const plain = loadPlainYaml(text);
      if (plain) fastPath++;
      // yarn v1 lockfiles are no YAML: the fast path must give way, not misread them.
      if (plain || !text.includes('yarn lockfile v1')) expect(plain, file).toEqual(fullParse(text));
    }
    expect(fastPath).toBe(lockfiles.filter((file) => !fs.readFileSync(path.join(tree, file), 'utf8').includes('yarn lockfile v1')).length);
    fs.rmSync(tree, { recursive: true, force: true });
  });

  it.each([
    ['quoted keys and values, comments, CRLF', '# lock\r\n"a@npm:1": # entry\r\n  version: \'1.0\'\r\n  x: \'say \'\'hi\'\'\'\r\n', undefined],
    ['single-quoted escapes', "k: 'it''s'\n", { k: "it's" }],
    ['JSON escapes in double quotes', 'k: "a\\u0041\\n"\n', { k: 'aA\n' }],
    ['flow collections of scalars', "r: {integrity: sha512-x==, tarball: 'https://h/x.tgz'}\nos: [darwin, linux]\ne: {}\n", {
      r: { integrity: 'sha512-x==', tarball: 'https://h/x.tgz' },
      os: ['darwin', 'linux'],
      e: {},
    }],
    ['an empty value', 'a:\nb: 1\n', { a: null, b: '1' }],
    ['a repeated key keeps the last value', 'a: 1\na: 2\n', { a: '2' }],
    // pnpm's transitivePeerDependencies, and the same-indent form YAML also allows.
    ['block sequences of scalars', "p:\n  deps:\n    - a\n    - '@b/c' # peer\n  next: 1\nq:\n- x\n- [y]\nr: 2\n", {
      p: { deps: ['a', '@b/c'], next: '1' },
      q: ['x', ['y']],
      r: '2',
    }],
  ])('reads %s', (_, text, expected) => {
    const plain = loadPlainYaml(text);
    expect(plain).toBeDefined();
    expect(plain).toEqual(expected ?? fullParse(text));
  });

  it.each([
    ['a sequence of mappings', 'deps:\n  - a: 1\n'],
    ['a sequence of sequences', 'deps:\n  - - a\n'],
    ['an empty sequence item', 'deps:\n  -\n  - a\n'],
    ['a sequence with no key above it', 'a: 1\n- b\n'],
    ['a sequence item at another indent', 'deps:\n  - a\n   - b\n'],
    ['a mapping entry inside a sequence', 'deps:\n  - a\n  b: 1\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a nested flow collection', 'a: {b: [c]}\n'],
    ['a YAML-only escape', 'a: "\\x41"\n'],
    ['a document marker', '---\na: 1\n'],
    ['a __proto__ key', '__proto__: 1\n'],
    ['a tab in the indentation', 'a:\n\tb: 1\n'],
    ['an unclosed quote', 'a: "b\n'],
    ['nothing but comments', '# empty\n'],
    ['a byte-order mark', '\uFEFFa: 1\n'],
  ])('leaves %s to the full parser', (_, text) => {
    expect(loadPlainYaml(text)).toBeUndefined();
  });
});
