import foreignComponent from '../../rules/src/rules/foreign-component';
import { fixtureKb } from '../fixtures/kb';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(foreignComponent, fixtureKb, {
  valid: [
    { name: 'a domestic package', file: 'requirements.txt', code: 'catboost==1.2\n' },
    { name: 'a hosted-service client is foreign-proprietary, not this rule', file: 'requirements.txt', code: 'openai\n' },
    { name: 'an unknown package is not called foreign', file: 'requirements.txt', code: 'left-pad\n' },
    { name: 'a foreign base model is reported by foreign-base-model', file: 'README.md', code: '---\nbase_model: Qwen/Qwen2.5-7B-Instruct\n---\n' },
  ],
  invalid: [
    {
      name: 'a foreign open-source package in requirements.txt',
      file: 'requirements.txt',
      code: '# numerics\nnumpy==2.1.3\n',
      errors: [{ message: 'numpy — foreign open-source (US): allowed for national, blocks sovereign', line: 2, column: 1, endLine: 2, endColumn: 6, severity: 'error' }],
      output: null,
    },
    {
      name: 'information only when the target is national',
      file: 'requirements.txt',
      code: 'numpy\n',
      target: 'national',
      errors: [{ message: 'numpy — foreign open-source (US): allowed for national, blocks sovereign', line: 1, column: 1, endLine: 1, endColumn: 6, severity: 'info' }],
      output: null,
    },
    {
      name: 'replaced by its domestic alternative, keeping the marker and dropping the old hashes',
      file: 'requirements.txt',
      code: 'xgboost[dask]==2.1.0 ; python_version >= "3.9" \\\n    --hash=sha256:abc\nnumpy\n',
      errors: [
        { message: 'xgboost — foreign open-source (US): allowed for national, blocks sovereign', line: 1, column: 1, endLine: 1, endColumn: 8, severity: 'error' },
        { message: 'numpy — foreign open-source (US): allowed for national, blocks sovereign', line: 3, column: 1, endLine: 3, endColumn: 6, severity: 'error' },
      ],
      output: 'catboost ; python_version >= "3.9"\nnumpy\n',
    },
    {
      name: 'replaced in pyproject.toml inside the string',
      file: 'pyproject.toml',
      code: '[project]\nname = "x"\ndependencies = ["xgboost>=2", "numpy"]\n',
      errors: [
        { message: 'xgboost — foreign open-source (US): allowed for national, blocks sovereign', line: 3, column: 18, endLine: 3, endColumn: 25, severity: 'error' },
        { message: 'numpy — foreign open-source (US): allowed for national, blocks sovereign', line: 3, column: 32, endLine: 3, endColumn: 37, severity: 'error' },
      ],
      output: '[project]\nname = "x"\ndependencies = ["catboost", "numpy"]\n',
    },
    {
      name: 'replaced in a Poetry table',
      file: 'pyproject.toml',
      code: '[tool.poetry.dependencies]\npython = "^3.10"\nxgboost = { version = "^2.0", extras = ["dask"] }\n',
      errors: [{ message: 'xgboost — foreign open-source (US): allowed for national, blocks sovereign', line: 3, column: 1, endLine: 3, endColumn: 8, severity: 'error' }],
      output: '[tool.poetry.dependencies]\npython = "^3.10"\ncatboost = "*"\n',
    },
    {
      name: 'replaced in an environment.yml pip: item, plain or quoted, keeping the marker',
      file: 'environment.yml',
      code: 'name: rag\ndependencies:\n  - pip\n  - pip:\n    - xgboost[dask]>=2 ; python_version >= "3.9"  # boosting\n    - "numpy==2.1.3"\n',
      errors: [
        { message: 'xgboost — foreign open-source (US): allowed for national, blocks sovereign', line: 5, column: 7, endLine: 5, endColumn: 14, severity: 'error' },
        { message: 'numpy — foreign open-source (US): allowed for national, blocks sovereign', line: 6, column: 8, endLine: 6, endColumn: 13, severity: 'error' },
      ],
      output: 'name: rag\ndependencies:\n  - pip\n  - pip:\n    - catboost ; python_version >= "3.9"  # boosting\n    - "numpy==2.1.3"\n',
    },
    {
      name: 'replaced inside a quoted pip: item',
      file: 'environment.yml',
      code: "dependencies:\n  - pip:\n    - 'xgboost==2.1.0'\n",
      errors: [{ message: 'xgboost — foreign open-source (US): allowed for national, blocks sovereign', line: 3, column: 8, endLine: 3, endColumn: 15, severity: 'error' }],
      output: "dependencies:\n  - pip:\n    - 'catboost'\n",
    },
    {
      name: 'a domestic fork of a foreign framework is still foreign',
      file: 'requirements.txt',
      code: 'gigachain\n',
      errors: [{ message: 'gigachain — fork of foreign langchain (US): allowed for national, blocks sovereign', line: 1, column: 1, endLine: 1, endColumn: 10, severity: 'error' }],
      output: null,
    },
    {
      name: 'PEP 503: the name is matched normalised and reported as written',
      file: 'requirements.txt',
      code: 'NumPy>=2\n',
      errors: [{ message: 'NumPy — foreign open-source (US): allowed for national, blocks sovereign', line: 1, column: 1, endLine: 1, endColumn: 6, severity: 'error' }],
      output: null,
    },
  ],
});
