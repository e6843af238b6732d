// Which reader a path needs, decided by the path alone.
import { describe, expect, it } from 'vitest';
import { manifestKind, readManifest } from '../../server/src/readers/index';

describe('manifestKind', () => {
  it.each([
    ['requirements.txt', 'requirements'],
    ['requirements-dev.txt', 'requirements'],
    ['requirements_test.txt', 'requirements'],
    ['Requirements.txt', 'requirements'],
    ['requirements/prod.txt', 'requirements'],
    ['ml/requirements/base.in', 'requirements'],
    ['requirements/pytorch/base.txt', 'requirements'],
    ['requirements/test/cuda.in', 'requirements'],
    ['dev-requirements.txt', 'requirements'],
    ['services/api/requirements.txt', 'requirements'],
    ['constraints.txt', 'requirements'],
    ['constraints-py311.txt', 'requirements'],
    ['dev-constraints.txt', 'requirements'],
    ['requirements.in', 'requirements'],
    ['pyproject.toml', 'pyproject'],
    ['libs/core/pyproject.toml', 'pyproject'],
    ['hatch.toml', 'hatch'],
    ['libs/core/hatch.toml', 'hatch'],
    ['package.json', 'package-json'],
    ['packages/web/package.json', 'package-json'],
    ['README.md', 'card'],
    ['readme.MD', 'card'],
    ['docs/x.md', 'card'],
    ['Pipfile', 'pipfile'],
    ['services/api/Pipfile', 'pipfile'],
    ['environment.yml', 'conda'],
    ['train/environment.yaml', 'conda'],
    ['environment-gpu.yml', 'conda'],
    ['environment_cpu.yaml', 'conda'],
    ['environment-wsl2.yaml', 'conda'],
    ['dinov2/conda.yaml', 'conda'],
    ['conda-env.yml', 'conda'],
  ] as const)('%s -> %s', (path, kind) => {
    expect(manifestKind(path)).toBe(kind);
  });

  it.each([
    'requirements.py',
    'notes.txt',
    'package-lock.json',
    'Package.json',
    'package.json5',
    'pyproject.toml.bak',
    'Hatch.toml',
    'requirements.txt.orig',
    'src/requirements/__init__.py',
    'poetry.lock',
    'README',
    'docs/x.markdown',
    'Pipfile.lock',
    'pipfile',
    'conda-environment.yml.bak',
    'environments.yml',
    'my-conda.yaml',
  ])('%s -> undefined', (path) => {
    expect(manifestKind(path)).toBeUndefined();
  });
});

describe('readManifest', () => {
  it('dispatches on the kind', () => {
    expect(readManifest('requirements', 'numpy', 'requirements.txt')?.declarations.map((d) => d.id)).toEqual(['pypi:numpy']);
    expect(readManifest('package-json', '{"dependencies": {"a": "1"}}', 'package.json')?.declarations.map((d) => d.id)).toEqual(['npm:a']);
    expect(readManifest('pyproject', '[project]\ndependencies = ["b"]', 'pyproject.toml')?.declarations.map((d) => d.id)).toEqual(['pypi:b']);
    expect(readManifest('card', '---\nbase_model: o/m\n---', 'README.md')?.declarations.map((d) => d.id)).toEqual(['hf:o/m']);
    expect(readManifest('card', '# just prose', 'README.md')).toBeUndefined();
  });
});
