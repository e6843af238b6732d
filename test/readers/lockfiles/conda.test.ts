// conda environment.yml: conda match specs apart (condaPackages, python skipped), the pip: section as
// PyPI packages read like requirement lines, all direct dependencies, with exact name ranges.
import { describe, expect, it } from 'vitest';
import { readCondaEnvironment } from '../../../server/src/readers/lockfiles/conda';
import type { CondaPackage } from '../../../server/src/readers/lockfiles/types';
import { lsp } from '../../helpers/ranges';
import { type Expected, fixture, pypi, withoutLocate } from './fixtures';

/** A pip: line: a direct runtime dependency, never hashed here. */
const pip = (id: string, version: string | undefined, extra: Partial<Expected> = {}) => pypi(id, id, version, { hashes: false, dev: false, ...extra });

describe('readCondaEnvironment', () => {
  const result = readCondaEnvironment(fixture('environment.yml'));

  it('reads the conda packages apart, without python', () => {
    expect(result.problems).toEqual([]);
    expect(result.condaPackages?.map(({ locate: _, ...data }) => data)).toEqual<Omit<CondaPackage, 'locate'>[]>([
      { name: 'numpy', versionSpec: '>=1.26', channel: undefined },
      { name: 'pytorch', versionSpec: undefined, channel: 'conda-forge' },
      { name: 'torchvision', versionSpec: '=0.18', channel: 'pytorch' },
      { name: 'cudatoolkit', versionSpec: '11.8.* h4ba93d1_13', channel: undefined },
      { name: 'pip', versionSpec: undefined, channel: undefined },
    ]);
  });

  it.each([
    ['numpy', lsp(7, 4, 9)],
    // The name after `channel::`.
    ['torchvision', lsp(9, 13, 24)],
  ])('locates conda package %s', (name, range) => {
    expect(result.condaPackages!.find((found) => found.name === name)!.locate()).toEqual(range);
  });

  it.each<[string, Expected]>([
    ['transformers@4.44.0', pip('transformers', '4.44.0', { specifier: '==4.44.0' })],
    ['datasets', pip('datasets', undefined, { specifier: '>=2.20' })],
    [
      'acme-tokenizers',
      pip('acme-tokenizers', undefined, { source: { kind: 'vcs', target: 'git+https://github.com/acme/tokenizers.git@v0.3#egg=acme-tokenizers' } }),
    ],
    ['acme-utils', pip('acme-utils', undefined, { source: { kind: 'path', target: './libs/acme-utils' } })],
  ])('pip: %s', (key, expected) => {
    expect(withoutLocate(result.packages.get(key))).toEqual(expected);
  });

  it('makes every pip package a direct dependency (option lines name none)', () => {
    expect(result.importers).toEqual(new Map([['', ['transformers@4.44.0', 'datasets', 'acme-tokenizers', 'acme-utils']]]));
  });

  it.each([
    ['transformers@4.44.0', lsp(13, 6, 18)],
    // Inside its quotes.
    ['datasets', lsp(14, 7, 15)],
    ['acme-utils', lsp(17, 9, 26)],
  ])('locates pip: %s', (key, range) => {
    expect(result.packages.get(key)!.locate()).toEqual(range);
  });
});

describe('readCondaEnvironment: as real environments write it', () => {
  it('reads a pip item that is a folder as pip does, a path dependency, and every problem, not the first alone', () => {
    const text = ['dependencies:', '  - pip:', '    - submodules/diff-gaussian-rasterization', '    - "requests ==="', '    - "flask <<"', '    - opencv-python'].join('\n');
    const result = readCondaEnvironment(text);
    expect([...result.packages.values()].map((locked) => [locked.id, locked.source])).toEqual([
      ['pypi:diff-gaussian-rasterization', { kind: 'path', target: 'submodules/diff-gaussian-rasterization' }],
      ['pypi:opencv-python', undefined],
    ]);
    expect(result.problems.map((problem) => problem.range.start.line)).toEqual([3, 4]);
  });

  it('reads a channel given as its URL', () => {
    const result = readCondaEnvironment('dependencies:\n  - https://conda.anaconda.org/nvidia::cudatoolkit=11.8\n');
    expect(result.condaPackages?.map(({ name, channel, versionSpec, locate }) => ({ name, channel, versionSpec, range: locate() }))).toEqual([
      { name: 'cudatoolkit', channel: 'https://conda.anaconda.org/nvidia', versionSpec: '=11.8', range: lsp(1, 39, 50) },
    ]);
  });

  it('says where a shape conda would refuse or pass over hides what it lists', () => {
    const problems = (text: string) => readCondaEnvironment(text).problems.map((problem) => [problem.message, problem.range]);
    expect(problems('name: x\ndependencies: numpy\n')).toEqual([['environment.yml: dependencies must be a list of package specs; not read', lsp(1, 0, 12)]]);
    expect(problems('dependencies:\n  - pip: requests\n')).toEqual([['environment.yml: pip: must be a list of requirements; not read', lsp(1, 4, 7)]]);
    expect(problems('dependencies:\n  - numpy\n  - npm:\n    - left-pad\n')).toEqual([['environment.yml: "npm:" is no installer conda knows (only pip: is); not read', lsp(2, 4, 7)]]);
  });

  it('places the items of flow lists, inside their quotes', () => {
    const result = readCondaEnvironment('name: x\ndependencies: [python=3.11, conda-forge::numpy>=1.26, {pip: [torch==2.1, "requests>=2"]}]\n');
    expect(result.condaPackages?.map((found) => [found.name, found.locate()])).toEqual([['numpy', lsp(1, 41, 46)]]);
    expect([...result.packages.values()].map((locked) => [locked.name, locked.locate()])).toEqual([
      ['torch', lsp(1, 61, 66)],
      ['requests', lsp(1, 74, 82)],
    ]);
  });

  it('places an alias where the item it names is written, and reads the last of a key given twice', () => {
    const text = ['gpu: &gpu cudatoolkit=11.8', 'dependencies: [numpy]', 'dependencies:', '  - *gpu', '  - pip:', '    - &t torch==2.1', '    - *t', '  - scipy'].join('\n');
    const result = readCondaEnvironment(text);
    expect(result.problems).toEqual([]);
    expect(result.condaPackages?.map((found) => [found.name, found.locate()])).toEqual([
      ['cudatoolkit', lsp(0, 10, 21)],
      ['scipy', lsp(7, 4, 9)],
    ]);
    expect([...result.packages.values()].map((locked) => [locked.name, locked.locate()])).toEqual([
      ['torch', lsp(5, 9, 14)],
      ['torch', lsp(5, 9, 14)],
    ]);
  });

  it('places a bad spec written with escapes at the whole item', () => {
    const result = readCondaEnvironment('dependencies:\n  - "=1.\\u0030"\n');
    expect(result.problems).toEqual([{ message: 'environment.yml: "=1.0" is not a conda package spec', range: lsp(1, 4, 15) }]);
  });

  it('includes the requirements file a pip item names, at the name', () => {
    const text = 'dependencies:\n  - pip:\n    - -r ../deps.txt\n    - --extra-index-url https://download.pytorch.org/whl/cu121\n';
    expect(readCondaEnvironment(text).pipIncludes).toEqual([{ path: '../deps.txt', kind: 'requirements', range: lsp(2, 9, 20) }]);
  });
});

describe('readCondaEnvironment: broken files', () => {
  it.each([
    ['YAML that does not parse', 'dependencies:\n  - numpy\n  - [pip\n', 'environment.yml is not valid YAML: unexpected end of the stream within a flow collection', lsp(3, 0, 3, 0)],
    // js-yaml gives this error no position: the second document's marker is where it starts.
    ['two YAML documents', '# env\n---\ndependencies:\n  - numpy\n---\nname: x\n', 'environment.yml is not valid YAML: expected a single document in the stream, but found more', lsp(4, 0, 4, 0)],
    ['a pip line that is no requirement', 'dependencies:\n  - pip:\n    - "requests ==="\n', 'environment.yml: "===" is not a valid version specifier', lsp(2, 7, 19)],
    ['a conda spec that is no package', 'dependencies:\n  - numpy\n  - "=1.0"\n', 'environment.yml: "=1.0" is not a conda package spec', lsp(2, 5, 9)],
  ])('%s: one problem, where it is', (_title, text, message, range) => {
    expect(readCondaEnvironment(text).problems).toEqual([{ message, range }]);
  });
});
