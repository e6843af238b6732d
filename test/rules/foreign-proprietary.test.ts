import foreignProprietary from '../../rules/src/rules/foreign-proprietary';
import { fixtureKb } from '../fixtures/kb';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(foreignProprietary, fixtureKb, {
  valid: [
    { name: 'a domestic hosted-service client', file: 'requirements.txt', code: 'gigachat\n' },
    { name: 'a foreign open-source package', file: 'requirements.txt', code: 'numpy\n' },
  ],
  invalid: [
    {
      name: 'a foreign hosted-LLM SDK in package.json, replaced keeping the file valid',
      file: 'package.json',
      code: '{\n  "dependencies": {\n    "openai": "^4.77.0",\n    "zod": "^3"\n  }\n}\n',
      errors: [{ message: 'openai — client of a foreign hosted service (OpenAI, US): blocks national', line: 3, column: 6, endLine: 3, endColumn: 12, severity: 'error' }],
      output: '{\n  "dependencies": {\n    "gigachat": "^0.0.20",\n    "zod": "^3"\n  }\n}\n',
    },
    {
      name: 'an error even when the target is national',
      file: 'requirements.txt',
      code: 'openai==1.58.1\n',
      target: 'national',
      errors: [{ message: 'openai — client of a foreign hosted service (OpenAI, US): blocks national', line: 1, column: 1, endLine: 1, endColumn: 7, severity: 'error' }],
      output: 'gigachat>=0.1.39\n',
    },
    {
      name: 'a closed licence',
      file: 'package.json',
      code: '{"dependencies": {"closed-sdk": "1.0.0"}}',
      errors: [{ message: 'closed-sdk — foreign, not open source (LicenseRef-proprietary, US): blocks national', line: 1, column: 20, endLine: 1, endColumn: 30, severity: 'error' }],
      output: null,
    },
    {
      name: 'no licence on record is not assumed open',
      file: 'package.json',
      code: '{"devDependencies": {"no-license": "*"}}',
      errors: [{ message: 'no-license — foreign (DE) with no recorded licence, so not known to be open source: blocks national', line: 1, column: 23, endLine: 1, endColumn: 33, severity: 'error' }],
      output: null,
    },
    {
      name: 'a severity set by the team wins',
      file: 'requirements.txt',
      code: 'openai\n',
      config: { rules: { 'foreign-proprietary': 'warning' }, attestations: [], exceptions: [], exclude: [] },
      errors: [{ message: 'openai — client of a foreign hosted service (OpenAI, US): blocks national', line: 1, column: 1, endLine: 1, endColumn: 7, severity: 'warning' }],
      output: 'gigachat>=0.1.39\n',
    },
  ],
});
