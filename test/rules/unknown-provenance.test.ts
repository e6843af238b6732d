import unknownProvenance from '../../rules/src/rules/unknown-provenance';
import { fixtureKb } from '../fixtures/kb';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(unknownProvenance, fixtureKb, {
  valid: [
    { name: 'a placed component', file: 'requirements.txt', code: 'numpy\n' },
    { name: 'the project’s own workspace package', file: 'package.json', code: '{"dependencies": {"@acme/core": "workspace:*"}}' },
    { name: 'an editable install of the project itself', file: 'requirements.txt', code: '-e .\n' },
    {
      name: 'a component the team attested',
      file: 'package.json',
      code: '{"dependencies": {"@acme/core": "^1"}}',
      config: { rules: {}, attestations: [{ pattern: 'npm:@acme/*', entry: { id: 'npm:@acme/*', owner: 'Acme', origin: 'RU', evidence: ['internal registry'] } }], exceptions: [], exclude: [] },
    },
    {
      name: 'a model of a Russian lab’s namespace whose lineage the team attested',
      file: 'README.md',
      code: '---\nbase_model: t-tech/T-lite-it-2.1\n---\n',
      config: { rules: {}, attestations: [{ pattern: 'hf:t-tech/T-lite-it-2.1', entry: { id: 'hf:t-tech/T-lite-it-2.1', owner: 'T-Bank', origin: 'RU', evidence: ['our model registry'] } }], exceptions: [], exclude: [] },
    },
  ],
  invalid: [
    {
      name: 'a model placed only by its Russian publisher’s namespace: its lineage is not recorded',
      file: 'README.md',
      code: '---\nbase_model: t-tech/T-lite-it-2.1\n---\n',
      errors: [
        {
          message: 't-tech/T-lite-it-2.1 — published by T-Bank in RU, but what it was trained from is not recorded: blocks sovereign until attested',
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 33,
          severity: 'error',
        },
      ],
      output: null,
    },
    {
      name: 'not in the knowledge base',
      file: 'package.json',
      code: '{"dependencies": {"left-pad": "1.3.0"}}',
      errors: [{ message: 'left-pad — provenance unknown: not in the knowledge base; attest its origin in sovereign-lint.json. Blocks sovereign', line: 1, column: 20, endLine: 1, endColumn: 28, severity: 'error' }],
      output: null,
    },
    {
      name: 'a warning when the target is national',
      file: 'requirements.txt',
      code: 'left-pad\n',
      target: 'national',
      errors: [{ message: 'left-pad — provenance unknown: not in the knowledge base; attest its origin in sovereign-lint.json. Blocks sovereign', line: 1, column: 1, endLine: 1, endColumn: 9, severity: 'warning' }],
      output: null,
    },
    {
      name: 'an origin the knowledge base could not verify',
      file: 'requirements.txt',
      code: 'pymorphy3==2.0.2\n',
      errors: [{ message: 'pymorphy3 — origin unverified (no-plagiarism): blocks sovereign until attested', line: 1, column: 1, endLine: 1, endColumn: 10, severity: 'error' }],
      output: null,
    },
    {
      name: 'a lineage step that cannot be placed',
      file: 'README.md',
      code: '---\nbase_model: someone/mystery-tune\n---\n',
      errors: [{ message: 'someone/mystery-tune — lineage unknown: nobody/unplaced-base cannot be placed; blocks sovereign until attested', line: 2, column: 13, endLine: 2, endColumn: 33, severity: 'error' }],
      output: null,
    },
    {
      name: 'a path dependency outside the project is not first-party',
      file: 'requirements.txt',
      code: '-e ../../elsewhere/lib\n',
      errors: [{ message: 'lib — provenance unknown: not in the knowledge base; attest its origin in sovereign-lint.json. Blocks sovereign', line: 1, column: 4, endLine: 1, endColumn: 23, severity: 'error' }],
      output: null,
    },
    {
      name: 'an editable install of a folder outside the project is named after that folder',
      file: 'requirements.txt',
      code: '-e ..\n',
      errors: [{ message: 'work — provenance unknown: not in the knowledge base; attest its origin in sovereign-lint.json. Blocks sovereign', line: 1, column: 4, endLine: 1, endColumn: 6, severity: 'error' }],
      output: null,
    },
  ],
});
