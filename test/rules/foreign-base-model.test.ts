import foreignBaseModel from '../../rules/src/rules/foreign-base-model';
import { fixtureKb } from '../fixtures/kb';
import { ruleTester } from '../helpers/ruleTester';

const card = (frontMatter: string) => `---\n${frontMatter}---\n\n# A model\n`;

ruleTester(foreignBaseModel, fixtureKb, {
  valid: [
    { name: 'a domestic base trained from scratch', file: 'README.md', code: card('base_model: ai-sage/GigaChat-20B-A3B-instruct\n') },
    { name: 'a Russian fine-tune of a Russian base', file: 'README.md', code: card('base_model: IlyaGusev/saiga_yandexgpt_8b\n') },
    { name: 'datasets are not base models', file: 'README.md', code: card('datasets:\n  - openai/gsm8k\n') },
  ],
  invalid: [
    {
      name: 'a foreign open-weight base, replaced by the domestic alternative',
      file: 'README.md',
      code: card('license: apache-2.0\nbase_model: Qwen/Qwen2.5-7B-Instruct\n'),
      errors: [{ message: 'Qwen/Qwen2.5-7B-Instruct — foreign base model (Alibaba Cloud, CN): allowed for national, blocks sovereign', line: 3, column: 13, endLine: 3, endColumn: 37, severity: 'error' }],
      output: card('license: apache-2.0\nbase_model: ai-sage/GigaChat-20B-A3B-instruct\n'),
    },
    {
      name: 'a Russian fine-tune of Llama is not domestic, and its licence is not open',
      file: 'README.md',
      code: card('base_model: "IlyaGusev/saiga_llama3_8b"\n'),
      target: 'national',
      errors: [{ message: 'IlyaGusev/saiga_llama3_8b — fine-tune of foreign meta-llama/Meta-Llama-3-8B-Instruct (US), not open source (LicenseRef-llama3): blocks national', line: 2, column: 14, endLine: 2, endColumn: 39, severity: 'error' }],
      output: null,
    },
    {
      name: 'lineage followed through a chain of Russian adaptations to a foreign base whose licence is not on record',
      file: 'README.md',
      code: card('base_model:\n  - RefalMachine/ruadapt_final\n'),
      target: 'national',
      errors: [{ message: 'RefalMachine/ruadapt_final — fine-tune of foreign Qwen/Qwen2.5-3B (CN), not open source (no licence recorded for Qwen/Qwen2.5-3B): blocks national', line: 3, column: 5, endLine: 3, endColumn: 31, severity: 'error' }],
      output: null,
    },
    {
      name: 'a model in a foreign namespace under a closed licence',
      file: 'README.md',
      code: card("base_model: 'meta-llama/Llama-3.1-8B'\n"),
      target: 'national',
      errors: [{ message: 'meta-llama/Llama-3.1-8B — foreign base model (Meta, US), not open source (LicenseRef-llama3): blocks national', line: 2, column: 14, endLine: 2, endColumn: 37, severity: 'error' }],
      output: null,
    },
  ],
});
