// Hugging Face model and dataset cards: the YAML front matter's base models, datasets and licences, with
// exact ranges (inside the quotes of quoted scalars), and the inputs that must not be read or must not hang.
import { describe, expect, it } from 'vitest';
import type { Declaration } from '../../rules/src/types';
import { frontMatter, readCard } from '../../server/src/readers/card';
import { lsp, rangeOf } from '../helpers/ranges';

function card(
  id: string,
  relation: Declaration['relation'],
  range: Declaration['range'],
  rewrite: Declaration['range'] | undefined,
  quote: '' | '"' | "'" = '',
): Declaration {
  const ecosystem = id.startsWith('hf-dataset:') ? 'hf-dataset' : 'hf';
  return {
    id,
    ecosystem,
    name: id.slice(ecosystem.length + 1),
    relation,
    range,
    ...(rewrite ? { rewrite: { syntax: 'yaml-scalar', range: rewrite, quote } } : {}),
  };
}

describe('readCard: model cards', () => {
  const text = [
    '---', //                                 0
    'license: other', //                      1
    'license_name: acme-research', //         2
    'base_model: meta-llama/Llama-3.1-8B', // 3
    'datasets:', //                           4
    '  - HuggingFaceFW/fineweb', //           5
    '  - "allenai/c4"', //                    6
    "  - 'org/single-quoted'", //             7
    '---', //                                 8
    '# Model card', //                        9
    'base_model: not/front-matter',
  ].join('\n');

  it('reads base_model, datasets and the licence with its custom name', () => {
    expect(readCard(text, 'README.md')).toEqual({
      declarations: [
        card('hf:meta-llama/Llama-3.1-8B', 'base-model', lsp(3, 12, 35), lsp(3, 12, 35)),
        card('hf-dataset:HuggingFaceFW/fineweb', 'training-dataset', lsp(5, 4, 25), lsp(5, 4, 25)),
        card('hf-dataset:allenai/c4', 'training-dataset', lsp(6, 5, 15), lsp(6, 4, 16), '"'),
        card('hf-dataset:org/single-quoted', 'training-dataset', lsp(7, 5, 22), lsp(7, 4, 23), "'"),
      ],
      licenses: [{ value: 'other', range: lsp(1, 9, 14), dialect: 'hf-card', customName: 'acme-research' }],
      problems: [],
      includes: [],
    });
  });

  it('agrees with the independent helper', () => {
    const result = readCard(text, 'README.md')!;
    expect(result.declarations.map((d) => d.range)).toEqual(
      ['meta-llama/Llama-3.1-8B', 'HuggingFaceFW/fineweb', 'allenai/c4', 'org/single-quoted'].map((name) => rangeOf(text, name)),
    );
  });

  it.each<{ title: string; text: string; expected: Declaration[] }>([
    {
      title: 'base_model as a block list',
      text: '---\nbase_model:\n- org/a\n- org/b\n---\n',
      expected: [card('hf:org/a', 'base-model', lsp(2, 2, 7), lsp(2, 2, 7)), card('hf:org/b', 'base-model', lsp(3, 2, 7), lsp(3, 2, 7))],
    },
    {
      title: 'base_model as a flow list',
      text: '---\nbase_model: [org/a, "org/b"]\n---\n',
      expected: [card('hf:org/a', 'base-model', lsp(1, 13, 18), lsp(1, 13, 18)), card('hf:org/b', 'base-model', lsp(1, 21, 26), lsp(1, 20, 27), '"')],
    },
    {
      title: 'a double-quoted base_model (range excludes the quotes, rewrite includes them)',
      text: '---\nbase_model: "org/quoted"\n---',
      expected: [card('hf:org/quoted', 'base-model', lsp(1, 13, 23), lsp(1, 12, 24), '"')],
    },
    {
      title: 'a single-quoted dataset',
      text: "---\ndatasets: 'org/ds'\n---",
      expected: [card('hf-dataset:org/ds', 'training-dataset', lsp(1, 11, 17), lsp(1, 10, 18), "'")],
    },
    {
      title: 'spaces around a plain scalar',
      text: '---\nbase_model:    org/spaced   \n---',
      expected: [card('hf:org/spaced', 'base-model', lsp(1, 15, 25), lsp(1, 15, 25))],
    },
    {
      title: 'a trailing YAML comment',
      text: '---\nbase_model: org/a # the base\n---',
      expected: [card('hf:org/a', 'base-model', lsp(1, 12, 17), lsp(1, 12, 17))],
    },
    {
      title: 'an alias used once resolves to its anchor (placed at the anchored scalar, which no fix rewrites: it is another key’s value)',
      text: '---\nx: &b org/aliased\nbase_model: *b\n---',
      expected: [card('hf:org/aliased', 'base-model', lsp(1, 6, 17), undefined)],
    },
    {
      title: 'an escaped double-quoted scalar is placed as a whole',
      text: '---\nbase_model: "org/esc\\u0061ped"\n---',
      expected: [card('hf:org/escaped', 'base-model', lsp(1, 12, 30), lsp(1, 12, 30), '"')],
    },
    {
      title: 'empty values are skipped',
      text: '---\nbase_model:\ndatasets: ["", org/real]\n---',
      expected: [card('hf-dataset:org/real', 'training-dataset', lsp(2, 15, 23), lsp(2, 15, 23))],
    },
  ])('$title', ({ text, expected }) => {
    const result = readCard(text, 'README.md');
    expect(result?.problems).toEqual([]);
    expect(result?.declarations).toEqual(expected);
  });

  it.each([
    { text: '---\nlicense: apache-2.0\n---', license: { value: 'apache-2.0', range: lsp(1, 9, 19), dialect: 'hf-card' } },
    { text: '---\nlicense: "llama3.1"\n---', license: { value: 'llama3.1', range: lsp(1, 10, 18), dialect: 'hf-card' } },
    {
      text: "---\nlicense: other\nlicense_name: 'Acme Licence'\n---",
      license: { value: 'other', range: lsp(1, 9, 14), dialect: 'hf-card', customName: 'Acme Licence' },
    },
    { text: '---\nlicense: [mit, apache-2.0]\nbase_model: x/y\n---', license: { value: 'mit', range: lsp(1, 10, 13), dialect: 'hf-card' } },
  ])('licence: $text', ({ text, license }) => {
    expect(readCard(text, 'README.md')?.licenses[0]).toEqual(license);
  });
});

describe('readCard: dataset cards', () => {
  const text = [
    '---', //                    0
    'pretty_name: Demo', //      1
    'source_datasets:', //       2
    '- original', //             3
    '- extended|squad', //       4
    '- "extended|glue"', //      5
    'task_categories: [qa]', //  6
    '---',
  ].join('\n');

  it('skips `original` and reads `extended|name` from after the bar', () => {
    expect(readCard(text, 'README.md')).toEqual({
      declarations: [
        card('hf-dataset:squad', 'source-dataset', lsp(4, 11, 16), lsp(4, 11, 16)),
        // Quoted: the rewrite stops before the closing quote, so a replacement keeps the quotes intact.
        card('hf-dataset:glue', 'source-dataset', lsp(5, 12, 16), lsp(5, 12, 16)),
      ],
      licenses: [],
      problems: [],
      includes: [],
    });
    expect(rangeOf(text, 'squad')).toEqual(lsp(4, 11, 16));
    expect(rangeOf(text, 'glue')).toEqual(lsp(5, 12, 16));
  });

  it('names no dataset for a bare `extended`, nor for `extended|original` or `extended|other`; a named one off the Hub stays', () => {
    const extended = '---\nsource_datasets:\n- extended\n- extended|original\n- extended|other\n- extended|other-wikipedia\n---\n';
    expect(readCard(extended, 'data.md')!.declarations.map((d) => [d.id, d.range])).toEqual([['hf-dataset:other-wikipedia', rangeOf(extended, 'other-wikipedia')]]);
  });

  it('takes the last part of `extended|translated|mnli` as the dataset extended', () => {
    const text = '---\nsource_datasets:\n- extended|translated|mnli\n---\n';
    expect(readCard(text, 'data.md')!.declarations.map((d) => [d.id, d.range])).toEqual([['hf-dataset:mnli', rangeOf(text, 'mnli')]]);
  });

  it('reads a dataset card in any .md file (dataset keys are unambiguous)', () => {
    expect(readCard('---\nsource_datasets: [extended|org/base]\n---', 'dataset.md')?.declarations).toEqual([
      card('hf-dataset:org/base', 'source-dataset', lsp(1, 27, 35), lsp(1, 27, 35)),
    ]);
  });
});

describe('readCard: front matter', () => {
  it.each([
    { title: 'closed by ---', text: '---\nbase_model: org/m\n---\nbody', range: lsp(1, 12, 17) },
    { title: 'closed by ...', text: '---\nbase_model: org/m\n...\nbody', range: lsp(1, 12, 17) },
    { title: 'CRLF line endings', text: '---\r\nlicense: mit\r\nbase_model: org/m\r\n---\r\nbody\r\n', range: lsp(2, 12, 17) },
    { title: 'fences with trailing spaces', text: '---  \nbase_model: org/m\n---\t\n', range: lsp(1, 12, 17) },
    { title: 'Cyrillic and emoji on an earlier line', text: '---\nmodel_name: Модель 😀\nbase_model: org/m\n---', range: lsp(2, 12, 17) },
  ])('$title', ({ text, range }) => {
    const result = readCard(text, 'README.md');
    expect(result?.problems).toEqual([]);
    expect(result?.declarations.map((d) => [d.id, d.range])).toEqual([['hf:org/m', range]]);
  });

  it('reads what a YAML merge key brings in, as the Hub\'s loaders do; a key the card gives itself wins', () => {
    const text = ['---', 'defaults: &d', '  base_model: Qwen/Qwen2.5-7B-Instruct', '  license: apache-2.0', '<<: *d', 'license: mit', '---', ''].join('\n');
    const result = readCard(text, 'README.md');
    expect(result?.problems).toEqual([]);
    expect(result?.declarations.map((d) => [d.id, d.range])).toEqual([['hf:Qwen/Qwen2.5-7B-Instruct', lsp(2, 14, 38)]]);
    expect(result?.licenses.map((license) => license.value)).toEqual(['mit']);
  });

  it('reads a Space\'s card: the models it runs and the datasets it uses, which it does not train on', () => {
    const text = ['---', 'title: AI Tutor', 'sdk: gradio', 'app_file: app.py', 'datasets:', '  - towardsai-tutors/full-stack-ai-engineering-data', 'models:', '  - Qwen/Qwen2.5-7B-Instruct', '---', ''].join('\n');
    expect(readCard(text, 'README.md')?.declarations.map((d) => [d.id, d.relation])).toEqual([
      ['hf-dataset:towardsai-tutors/full-stack-ai-engineering-data', 'used-dataset'],
      ['hf:Qwen/Qwen2.5-7B-Instruct', 'used-model'],
    ]);
  });

  it('frontMatter returns the YAML and where it starts', () => {
    expect(frontMatter('---\na: 1\n...\n')).toEqual({ yaml: 'a: 1\n', offset: 4 });
    expect(frontMatter('---\r\na: 1\r\n---\r\n')).toEqual({ yaml: 'a: 1\r\n', offset: 5 });
    expect(frontMatter('# title\n---\na: 1\n---')).toBeUndefined();
    expect(frontMatter('---\na: 1\n')).toBeUndefined();
  });

  it('reads a card whose front matter comes after blank lines or spaces, as the Hub does', () => {
    const text = '\n  ---\nbase_model: Qwen/Qwen2.5-7B-Instruct\n---\n# Model\n';
    expect(frontMatter(text)).toEqual({ yaml: 'base_model: Qwen/Qwen2.5-7B-Instruct\n', offset: 7 });
    expect(readCard(text, 'README.md')?.declarations.map((d) => [d.id, d.range])).toEqual([['hf:Qwen/Qwen2.5-7B-Instruct', lsp(2, 12, 36)]]);
  });

  it.each([
    { title: 'no front matter', text: '# Model\nbase_model: org/m', fileName: 'README.md' },
    { title: 'a README opening with a thematic break', text: '---\n\n# Title\n\nSome text.\n', fileName: 'README.md' },
    { title: 'unclosed front matter outside a README', text: '---\nbase_model: org/m\n', fileName: 'notes.md' },
    { title: 'a Jekyll post', text: '---\ntitle: Hello\ntags: [ai, news]\nlayout: post\n---\nText', fileName: '2024-01-01-hello.md' },
    { title: 'a Jekyll post named README', text: '---\ntitle: Hello\ntags: [ai]\n---\n', fileName: 'README.md' },
    { title: 'a GitHub Pages README with a language', text: '---\nlanguage: en\nlayout: default\ncategory: Home\ntitle: Home\n---\n', fileName: 'README.md' },
    { title: 'a licence alone outside a README', text: '---\ntitle: Docs\nlicense: mit\n---\n', fileName: 'docs/x.md' },
    { title: 'front matter that is a list', text: '---\n- base_model\n---\n', fileName: 'README.md' },
    { title: 'broken YAML outside a README', text: '---\nbase_model: [unclosed\nlicense: mit\n---\n', fileName: 'notes.md' },
  ])('$title -> undefined', ({ text, fileName }) => {
    expect(readCard(text, fileName)).toBeUndefined();
  });

  it('reports a base model or dataset named by a local path, which hides what it holds, and reads the rest', () => {
    const text = [
      '---',
      'base_model: /home/me/.cache/modelscope/hub/models/Qwen/Qwen3-14B',
      'datasets:',
      '  - ./data/train',
      '  - C:\\corpora\\ru',
      '  - IlyaGusev/saiga_scored',
      '---',
    ].join('\n');
    const result = readCard(text, 'README.md')!;
    expect(result.declarations.map((d) => d.id)).toEqual(['hf-dataset:IlyaGusev/saiga_scored']);
    expect(result.problems).toEqual([
      {
        message: '"/home/me/.cache/modelscope/hub/models/Qwen/Qwen3-14B" is a local path, not a Hugging Face model id: name the model it holds by its Hub id (owner/name)',
        range: rangeOf(text, '/home/me/.cache/modelscope/hub/models/Qwen/Qwen3-14B'),
      },
      { message: '"./data/train" is a local path, not a Hugging Face dataset id: name the dataset it holds by its Hub id (owner/name)', range: rangeOf(text, './data/train') },
      { message: '"C:\\corpora\\ru" is a local path, not a Hugging Face dataset id: name the dataset it holds by its Hub id (owner/name)', range: rangeOf(text, 'C:\\corpora\\ru') },
    ]);
  });

  it('places a model or dataset given by its Hub address at its id', () => {
    const text = '---\nbase_model:\n- https://huggingface.co/meta-llama/Llama-2-7b-chat-hf\n- hf.co/Qwen/Qwen2.5-7B/\ndatasets:\n- huggingface.co/datasets/tatsu-lab/alpaca\n---\n';
    expect(readCard(text, 'README.md')!.declarations.map((d) => [d.id, d.range])).toEqual([
      ['hf:meta-llama/Llama-2-7b-chat-hf', rangeOf(text, 'meta-llama/Llama-2-7b-chat-hf')],
      ['hf:Qwen/Qwen2.5-7B', rangeOf(text, 'Qwen/Qwen2.5-7B')],
      ['hf-dataset:tatsu-lab/alpaca', rangeOf(text, 'tatsu-lab/alpaca')],
    ]);
  });

  it('reports a base_model or datasets value that is a mapping, which names no id the Hub reads', () => {
    const text = '---\nbase_model:\n  name: Qwen/Qwen2.5-7B-Instruct\ndatasets:\n- org/data\n- [nested/list]\n---\n';
    const result = readCard(text, 'README.md')!;
    expect(result.declarations.map((d) => d.id)).toEqual(['hf-dataset:org/data']);
    expect(result.problems).toEqual([
      { message: 'base_model takes a Hub id or a list of ids; this mapping is not read', range: lsp(2, 2, 32) },
      { message: 'datasets takes a Hub id or a list of ids; this list is not read', range: lsp(5, 2, 15) },
    ]);
  });

  it('a base_model given twice is said, and both values are judged: neither hides the other; a repeated tags key is no matter', () => {
    const text = '---\nbase_model: Qwen/Qwen2.5-7B-Instruct\ntags: [a]\ntags: [b]\nbase_model: ai-sage/GigaChat-20B-A3B-instruct\n---\n';
    const result = readCard(text, 'README.md')!;
    expect(result.declarations.map((d) => [d.id, d.range])).toEqual([
      ['hf:Qwen/Qwen2.5-7B-Instruct', lsp(1, 12, 36)],
      ['hf:ai-sage/GigaChat-20B-A3B-instruct', lsp(4, 12, 45)],
    ]);
    expect(result.problems).toEqual([{ message: 'base_model is given more than once: YAML allows a key once, so each value is judged', range: lsp(4, 0, 10) }]);
  });

  it('Hub metadata alone (language) makes a README a card, with nothing to judge', () => {
    expect(readCard('---\nlanguage:\n- ru\n---\n', 'README.md')).toEqual({ declarations: [], licenses: [], problems: [], includes: [] });
    // Another Markdown file's front matter is not a card.
    expect(readCard('---\nlanguage:\n- ru\n---\n', 'post.md')).toBeUndefined();
  });

  it('a licence alone makes a README a card', () => {
    expect(readCard('---\nlicense: mit\n---\n', 'readme.MD')).toEqual({
      declarations: [],
      licenses: [{ value: 'mit', range: lsp(1, 9, 12), dialect: 'hf-card' }],
      problems: [],
      includes: [],
    });
  });
});

describe('readCard: bad input', () => {
  it('a README whose card front matter is never closed is one problem at the opening fence', () => {
    expect(readCard('---\nbase_model: org/m\n\n# Model\n', 'README.md')).toEqual({
      declarations: [],
      licenses: [],
      problems: [{ message: 'card front matter is not closed: add a line with --- after it', range: lsp(0, 0, 3) }],
      includes: [],
    });
  });

  it('a README opening a card of the Hub\'s own keys only (licence, language) and never closing it is that problem too', () => {
    expect(readCard('\n---\nlicense: apache-2.0\nlanguage:\n- ru\n\n# Model\n', 'README.md')?.problems).toEqual([
      { message: 'card front matter is not closed: add a line with --- after it', range: lsp(1, 0, 3) },
    ]);
    // Another Markdown file with such keys is no card of ours.
    expect(readCard('---\nlicense: apache-2.0\n\n# Notes\n', 'notes.md')).toBeUndefined();
  });

  it('says nothing on stderr when a template\'s value is a mapping used as a key (`{{base_model}}`)', async () => {
    const warnings: string[] = [];
    const listener = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listener);
    try {
      const result = readCard('---\nbase_model: {{base_model_w_author}}\n---\n', 'README.md');
      expect(result?.problems.map((problem) => problem.message)).toEqual(['base_model takes a Hub id or a list of ids; this mapping is not read']);
      // Node emits warnings on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listener);
    }
    expect(warnings).toEqual([]);
  });

  it('a README whose YAML is broken is exactly one problem, in the file\'s coordinates', () => {
    const result = readCard('---\nbase_model: [unclosed\nlicense: mit\n---\n', 'README.md');
    expect(result).toEqual({
      declarations: [],
      licenses: [],
      problems: [{ message: expect.stringMatching(/^card front matter is not valid YAML: /), range: lsp(2, 0, 1) }],
      includes: [],
    });
  });

  it('a tab-indented README front matter is one problem', () => {
    const result = readCard('---\nbase_model:\n\t- org/a\n---\n', 'README.md');
    expect(result?.declarations).toEqual([]);
    expect(result?.problems).toHaveLength(1);
    expect(result?.problems[0]!.range.start.line).toBe(2);
  });

  it('an alias bomb (9 levels of 9 aliases) is one problem about aliases, read in well under a second', () => {
    const letters = 'abcdefghi';
    const lines = ['---', 'base_model: org/innocent', `a: &a [${Array(9).fill('"lol"').join(', ')}]`];
    for (let level = 1; level < 9; level++) {
      lines.push(`${letters[level]}: &${letters[level]} [${Array(9).fill(`*${letters[level - 1]}`).join(', ')}]`);
    }
    lines.push('datasets: *i', '---', '# Card');
    const text = lines.join('\n');

    const started = performance.now();
    const result = readCard(text, 'README.md');
    const elapsed = performance.now() - started;

    expect(result?.declarations).toEqual([]);
    expect(result?.problems).toHaveLength(1);
    expect(result?.problems[0]!.message).toMatch(/alias/);
    // The whole front matter, from the line after the opening fence to the closing fence.
    expect(result?.problems[0]!.range).toEqual(lsp(1, 0, 12, 0));
    expect(elapsed).toBeLessThan(2000);
  });
});
