import invalidLicense from '../../rules/src/rules/invalid-license';
import { fixtureKb } from '../fixtures/kb';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(invalidLicense, fixtureKb, {
  valid: [
    { name: 'an SPDX expression in package.json', file: 'package.json', code: '{"license": "(MIT OR Apache-2.0)"}' },
    { name: 'a Hugging Face licence id in a card', file: 'README.md', code: '---\nlicense: llama3.1\nbase_model: x/y\n---\n' },
    { name: 'other with a license_name', file: 'README.md', code: '---\nlicense: other\nlicense_name: yandexgpt-5-lite-8b-pretrain\nlicense_link: LICENSE\n---\n' },
    { name: 'a PEP 639 licence in pyproject.toml', file: 'pyproject.toml', code: '[project]\nname = "x"\nlicense = "Apache-2.0"\n' },
  ],
  invalid: [
    {
      name: 'a common non-SPDX spelling, fixed to the SPDX id',
      file: 'package.json',
      code: '{\n  "name": "x",\n  "license": "Apache 2.0"\n}\n',
      errors: [{ message: 'Licence "Apache 2.0" is not a valid SPDX expression (did you mean Apache-2.0?): blocks trusted readiness', line: 3, column: 15, endLine: 3, endColumn: 25, severity: 'warning' }],
      output: '{\n  "name": "x",\n  "license": "Apache-2.0"\n}\n',
    },
    {
      name: 'a licence family names no licence: no guess',
      file: 'pyproject.toml',
      code: '[project]\nname = "x"\nlicense = "BSD"\n',
      errors: [{ message: 'Licence "BSD" is not a valid SPDX expression: blocks trusted readiness', line: 3, column: 12, endLine: 3, endColumn: 15, severity: 'warning' }],
      output: null,
    },
    {
      name: 'a deprecated SPDX id',
      file: 'package.json',
      code: '{"license": "GPL-3.0 OR MIT"}',
      errors: [{ message: 'Licence id GPL-3.0 is deprecated in SPDX; use GPL-3.0-only: blocks trusted readiness', line: 1, column: 14, endLine: 1, endColumn: 28, severity: 'warning' }],
      output: '{"license": "GPL-3.0-only OR MIT"}',
    },
    {
      name: 'a card licence other without license_name',
      file: 'README.md',
      code: '---\nlicense: other\nbase_model: x/y\n---\n',
      errors: [{ message: 'Licence "other" without license_name: name the licence so it can be reviewed; blocks trusted readiness', line: 2, column: 10, endLine: 2, endColumn: 15, severity: 'warning' }],
      output: null,
    },
    {
      name: 'a card licence that is neither a Hub id nor SPDX',
      file: 'README.md',
      code: '---\nlicense: apache\ndatasets: [x/y]\n---\n',
      errors: [{ message: 'Licence "apache" is neither a Hugging Face licence id nor a valid SPDX expression: blocks trusted readiness', line: 2, column: 10, endLine: 2, endColumn: 16, severity: 'warning' }],
      output: null,
    },
  ],
});
