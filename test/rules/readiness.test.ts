// The trusted-readiness rules: off by default (they count in the verdict's readiness), shown at the
// severity a team asks for, e.g. through sovereign-lint:trusted.
import directUrlDependency from '../../rules/src/rules/direct-url-dependency';
import missingLockfile from '../../rules/src/rules/missing-lockfile';
import unhashedRequirement from '../../rules/src/rules/unhashed-requirement';
import unpinnedVersion from '../../rules/src/rules/unpinned-version';
import { EMPTY_CONFIG } from '../../server/src/engine/config';
import { fixtureKb } from '../fixtures/kb';
import { ruleTester } from '../helpers/ruleTester';

const enabled = { ...EMPTY_CONFIG, rules: { 'unpinned-version': 'error', 'unhashed-requirement': 'error', 'direct-url-dependency': 'error', 'missing-lockfile': 'error' } } as const;

ruleTester(unpinnedVersion, fixtureKb, {
  valid: [
    { name: 'an exact PEP 440 pin', file: 'requirements.txt', code: 'numpy==2.1.3\n', config: enabled },
    { name: 'an exact npm version', file: 'package.json', code: '{"dependencies": {"zod": "3.24.1"}}', config: enabled },
    { name: 'an exact npm version spelt =1.2.3 or v1.2.3', file: 'package.json', code: '{"dependencies": {"zod": "=3.24.1", "ms": "v2.1.3"}}', config: enabled },
    { name: 'a bare Poetry version is exact', file: 'pyproject.toml', code: '[tool.poetry.dependencies]\nnumpy = "2.1.3"\n', config: enabled },
    {
      name: 'conda: ==, or a version with its build, as conda env export writes',
      file: 'environment.yml',
      code: 'dependencies:\n  - numpy==1.26.4\n  - pytorch=2.0.1=py3.10_cuda11.8_cudnn8.7.0_0\n  - cudatoolkit 11.8.0 h6a678d5_0\n',
      config: enabled,
    },
    { name: 'off by default', file: 'requirements.txt', code: 'numpy>=2\n' },
    { name: 'a direct reference is another rule’s business', file: 'requirements.txt', code: 'pkg @ https://example.com/pkg-1.0.tar.gz\n', config: enabled },
    { name: 'a peer range is what a package accepts, not what gets installed', file: 'package.json', code: '{"peerDependencies": {"react": "^18"}}', config: enabled },
  ],
  invalid: [
    {
      name: 'a PEP 440 range',
      file: 'requirements.txt',
      code: 'numpy>=2,<3\n',
      config: enabled,
      errors: [{ message: 'numpy — version ">=2,<3" is a range, not an exact pin: blocks trusted readiness', line: 1, column: 1, endLine: 1, endColumn: 6, severity: 'error' }],
      output: null,
    },
    {
      name: 'conda: `=1.24` is 1.24.*, and a build wildcard is no one build',
      file: 'environment.yml',
      code: 'dependencies:\n  - numpy=1.24\n  - torchvision\n  - pytorch=2.0.1=py3.10_cuda*\n',
      config: enabled,
      errors: [
        { message: 'numpy — version "=1.24" is a range, not an exact pin: blocks trusted readiness', line: 2, column: 5, endLine: 2, endColumn: 10, severity: 'error' },
        { message: 'torchvision — no version: blocks trusted readiness', line: 3, column: 5, endLine: 3, endColumn: 16, severity: 'error' },
        { message: 'pytorch — version "=2.0.1=py3.10_cuda*" is a range, not an exact pin: blocks trusted readiness', line: 4, column: 5, endLine: 4, endColumn: 12, severity: 'error' },
      ],
      output: null,
    },
    {
      name: 'a wildcard is not an exact pin',
      file: 'requirements.txt',
      code: 'numpy==2.*\n',
      config: enabled,
      errors: [{ message: 'numpy — version "==2.*" is a range, not an exact pin: blocks trusted readiness', line: 1, column: 1, endLine: 1, endColumn: 6, severity: 'error' }],
      output: null,
    },
    {
      name: 'no version at all',
      file: 'requirements.txt',
      code: 'numpy\n',
      config: enabled,
      errors: [{ message: 'numpy — no version: blocks trusted readiness', line: 1, column: 1, endLine: 1, endColumn: 6, severity: 'error' }],
      output: null,
    },
    {
      name: 'an npm caret range',
      file: 'package.json',
      code: '{"devDependencies": {"zod": "^3.24.1"}}',
      config: { ...enabled, rules: { 'unpinned-version': 'warning' } },
      errors: [{ message: 'zod — version "^3.24.1" is a range, not an exact pin: blocks trusted readiness', line: 1, column: 23, endLine: 1, endColumn: 26, severity: 'warning' }],
      output: null,
    },
    {
      name: 'a named catalog that no workspace file defines',
      file: 'package.json',
      code: '{"dependencies": {"zod": "catalog:schemas"}}',
      config: enabled,
      errors: [{ message: 'zod — "catalog:schemas" names the schemas catalog, which has no entry for zod: blocks trusted readiness', line: 1, column: 20, endLine: 1, endColumn: 23, severity: 'error' }],
      output: null,
    },
  ],
});

ruleTester(unhashedRequirement, fixtureKb, {
  valid: [
    { name: 'a file without hashes', file: 'requirements.txt', code: 'numpy==2.1.3\n', config: enabled },
    { name: 'every requirement hashed', file: 'requirements.txt', code: 'numpy==2.1.3 --hash=sha256:aa\ncatboost==1.2 --hash=sha256:bb\n', config: enabled },
  ],
  invalid: [
    {
      name: 'one requirement without a hash in a hashed file',
      file: 'requirements.txt',
      code: 'numpy==2.1.3 \\\n    --hash=sha256:aa\ncatboost==1.2\n',
      config: enabled,
      errors: [{ message: 'catboost — no --hash in a requirements file that pins hashes: blocks trusted readiness', line: 3, column: 1, endLine: 3, endColumn: 9, severity: 'error' }],
      output: null,
    },
    {
      name: '--require-hashes asks it of every requirement',
      file: 'requirements.txt',
      code: '--require-hashes\ncatboost==1.2\n',
      config: enabled,
      errors: [{ message: 'catboost — no --hash in a requirements file that pins hashes: blocks trusted readiness', line: 2, column: 1, endLine: 2, endColumn: 9, severity: 'error' }],
      output: null,
    },
  ],
});

ruleTester(directUrlDependency, fixtureKb, {
  valid: [
    { name: 'a registry release', file: 'requirements.txt', code: 'numpy==2.1.3\n', config: enabled },
    { name: 'the project’s own folder', file: 'requirements.txt', code: '-e .\n', config: enabled },
    { name: 'a uv workspace member', file: 'pyproject.toml', code: '[project]\ndependencies = ["shared"]\n[tool.uv.sources]\nshared = { workspace = true }\n', config: enabled },
  ],
  invalid: [
    {
      name: 'a git requirement',
      file: 'requirements.txt',
      code: 'git+https://github.com/acme/tools.git@v1#egg=acme-tools\n',
      config: enabled,
      errors: [{ message: 'acme-tools — installed from a repository git+https://github.com/acme/tools.git@v1#egg=acme-tools, not a registry release: blocks trusted readiness', line: 1, column: 1, endLine: 1, endColumn: 56, severity: 'error' }],
      output: null,
    },
    {
      name: 'an editable checkout of a repository is from a repository, not a local path',
      file: 'requirements.txt',
      code: '-e git+https://github.com/acme/tools2.git@v1#egg=acme-tools2\n',
      config: enabled,
      errors: [{ message: 'acme-tools2 — installed from a repository git+https://github.com/acme/tools2.git@v1#egg=acme-tools2, not a registry release: blocks trusted readiness', line: 1, column: 4, endLine: 1, endColumn: 61, severity: 'error' }],
      output: null,
    },
    {
      name: 'a uv git source, reported where the dependency is named',
      file: 'pyproject.toml',
      code: '[project]\nname = "app"\ndependencies = ["acme-tools>=1"]\n\n[tool.uv.sources]\nacme-tools = { git = "https://github.com/acme/tools", rev = "4f2a9c1" }\n',
      config: enabled,
      errors: [{ message: 'acme-tools — installed from a repository git+https://github.com/acme/tools@4f2a9c1, not a registry release: blocks trusted readiness', line: 3, column: 18, endLine: 3, endColumn: 28, severity: 'error' }],
      output: null,
    },
    {
      name: 'an npm GitHub shorthand',
      file: 'package.json',
      code: '{"dependencies": {"my-fork": "github:acme/my-fork#v1.2.0"}}',
      config: enabled,
      errors: [{ message: 'my-fork — installed from a repository github:acme/my-fork#v1.2.0, not a registry release: blocks trusted readiness', line: 1, column: 20, endLine: 1, endColumn: 27, severity: 'error' }],
      output: null,
    },
  ],
});

ruleTester(missingLockfile, fixtureKb, {
  valid: [
    { name: 'a manifest without dependencies', file: 'package.json', code: '{"name": "x"}', config: enabled },
    { name: 'off by default', file: 'package.json', code: '{"dependencies": {"zod": "3.24.1"}}' },
  ],
  invalid: [
    {
      name: 'package.json with dependencies and no lockfile beside it',
      file: 'package.json',
      code: '{\n  "dependencies": { "zod": "3.24.1", "pino": "9.6.0" }\n}\n',
      config: enabled,
      errors: [{ message: 'No lockfile (package-lock.json, yarn.lock, pnpm-lock.yaml or bun.lock) for 2 dependencies: transitive dependencies are not pinned or examined; blocks trusted readiness', line: 2, column: 22, endLine: 2, endColumn: 25, severity: 'error' }],
      output: null,
    },
    {
      name: 'pyproject.toml with no lock',
      file: 'pyproject.toml',
      code: '[project]\nname = "x"\ndependencies = ["numpy==2.1.3"]\n',
      config: enabled,
      errors: [{ message: 'No lockfile (poetry.lock, uv.lock, pdm.lock, requirements.lock (Rye) or Pipfile.lock) for 1 dependency: transitive dependencies are not pinned or examined; blocks trusted readiness', line: 3, column: 18, endLine: 3, endColumn: 23, severity: 'error' }],
      output: null,
    },
  ],
});
