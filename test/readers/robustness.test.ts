// Every reader against damaged input: lockfile fixtures, example manifests, a config and catalog files, each
// cut, spliced and littered with syntax characters (a seeded generator, so every run reads the same inputs).
// A reader may report problems but must never throw (a throw costs the whole file), and every range it gives,
// of a package or a problem, must lie inside the text.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Range } from '../../rules/src/types';
import { parseConfig } from '../../server/src/engine/config';
import { readCatalogs } from '../../server/src/readers/catalogs';
import { manifestKind, readManifest } from '../../server/src/readers/index';
import { lockfileKind, readLockfile } from '../../server/src/readers/lockfiles/index';

const MUTANTS_PER_FILE = 150;
const LITTER = ['"', "'", ':', '{', '}', '[', ']', ',', '\n', '  ', '\t', '#', '-', '@', '\\', '\r\n', '\u0000', 'é', '&a', '*a', '|', '>', '=', '==', ';', '---\n', '\ufeff'];

/** A small linear congruential generator: the same mutants on every run and machine. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

function mutate(text: string, random: () => number): string {
  const below = (n: number) => Math.floor(random() * n);
  for (let edits = 1 + below(4); edits > 0; edits--) {
    const at = below(text.length + 1);
    const lines = text.split('\n');
    switch (below(6)) {
      case 0:
        text = text.slice(0, at);
        break;
      case 1:
        text = text.slice(0, at) + LITTER[below(LITTER.length)] + text.slice(at);
        break;
      case 2:
        text = text.slice(0, at) + text.slice(at + 1 + below(20));
        break;
      case 3:
        lines.splice(below(lines.length), 0, lines[below(lines.length)]!);
        text = lines.join('\n');
        break;
      case 4: {
        const line = below(lines.length);
        lines[line] = ' '.repeat(below(6)) + lines[line]!.trimStart();
        text = lines.join('\n');
        break;
      }
      default:
        lines.splice(below(lines.length), 1);
        text = lines.join('\n');
    }
  }
  return text;
}

const repo = path.join(__dirname, '../..');
const SEEDS: Record<string, string> = {
  ...Object.fromEntries(
    fs.readdirSync(path.join(repo, 'test/fixtures/lockfiles')).map((name) => [`lockfiles/${name}`, fs.readFileSync(path.join(repo, 'test/fixtures/lockfiles', name), 'utf8')]),
  ),
  'rag-service/pyproject.toml': fs.readFileSync(path.join(repo, 'examples/rag-service/pyproject.toml'), 'utf8'),
  'rag-service/requirements.txt': fs.readFileSync(path.join(repo, 'examples/rag-service/requirements.txt'), 'utf8'),
  'ru-finetune/README.md': fs.readFileSync(path.join(repo, 'examples/ru-finetune/README.md'), 'utf8'),
  'telegram-bot/package.json': fs.readFileSync(path.join(repo, 'examples/telegram-bot/package.json'), 'utf8'),
  'sovereign-lint.json': JSON.stringify(
    {
      extends: ['sovereign-lint:recommended'],
      target: 'national',
      rules: { 'unknown-provenance': 'warning' },
      components: { 'npm:@acme/*': { origin: 'RU', owner: 'Acme', evidence: 'https://git.acme.example/core' } },
      ignore: [{ component: 'pypi:numpy', reason: 'no domestic alternative', until: '2027-06-30' }],
      overrides: [{ files: ['ml/**'], target: 'sovereign' }],
      exclude: ['vendor/**'],
    },
    null,
    2,
  ),
  'assistant/setup.py':
    'from setuptools import setup\n\nREQUIRED = [\n    "openai>=1.30",  # the API\n    \'torch==2.3.1\',\n    r"numpy\\x3e=1",\n]\n\nsetup(\n    name="assistant",\n    install_requires=REQUIRED,\n    extras_require={"rag": ["qdrant-client>=1.9"], \'dev\': open("requirements-dev.txt").read().split()},\n)\n',
  'assistant/setup.cfg':
    '[metadata]\nname = assistant\n\n[options]\ninstall_requires =\n    openai>=1.30\n    # tokenizer\n    tiktoken==0.7.0  # pinned\n    numpy; python_version>"3.8"\n\n[options.extras_require]\ngpu = torch>=2.1; triton\ndocs = file: docs/requirements.txt\n',
  'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\ncatalog:\n  react: ^18.2.0\ncatalogs:\n  legacy:\n    react: ^16.0.0\n    '@types/node': '20.1.0'\n",
  '.yarnrc.yml': 'nodeLinker: node-modules\ncatalog:\n  zod: ^3.22.0\ncatalogs:\n  old:\n    lodash: 4.17.20\n',
};

/** Reads the text as the file it is named after; the ranges it gives. Throws what the reader throws. */
function read(file: string, text: string): Range[] {
  const name = path.posix.basename(file);
  const ranges: Range[] = [];
  const lockKind = lockfileKind(name);
  if (lockKind) {
    const result = readLockfile(lockKind, text);
    for (const locked of result.packages.values()) ranges.push(locked.locate());
    ranges.push(...result.problems.map((problem) => problem.range));
  }
  const kind = manifestKind(file);
  const manifest = kind ? readManifest(kind, text, name) : undefined;
  if (manifest) ranges.push(...manifest.problems.map((problem) => problem.range), ...manifest.declarations.map((declaration) => declaration.range));
  if (name === 'sovereign-lint.json') ranges.push(...parseConfig(text).problems.map((problem) => problem.range));
  if (name === 'pnpm-workspace.yaml' || name === '.yarnrc.yml') readCatalogs(name, text);
  return ranges;
}

function insideText(range: Range, text: string): boolean {
  const lines = text.split(/\r?\n|\r/);
  const fits = ({ line, character }: Range['start']) => line >= 0 && line < lines.length && character >= 0 && character <= lines[line]!.length;
  return fits(range.start) && fits(range.end);
}

describe('readers never throw on damaged input, and place everything inside the text', () => {
  it.each(Object.keys(SEEDS))('%s', (file) => {
    const random = generator(file.length * 7919 + 1);
    const failures: string[] = [];
    for (let i = 0; i < MUTANTS_PER_FILE; i++) {
      const text = mutate(SEEDS[file]!, random);
      try {
        const outside = read(file, text).find((range) => !insideText(range, text));
        if (outside) failures.push(`range ${JSON.stringify(outside)} outside ${JSON.stringify(text)}`);
      } catch (error) {
        failures.push(`${(error as Error).message} on ${JSON.stringify(text)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
