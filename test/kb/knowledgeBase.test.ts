// The knowledge base is facts: every data file matches its schema, ids are unique, every reference
// resolves, lineage has no cycles, every entry carries well-formed public evidence.
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import kbSchema from '../../rules/schema/kb.schema.json';
import configSchema from '../../rules/schema/config.schema.json';
import { isPattern, lookupKey } from '../../rules/src/ids';
import { KnowledgeBase } from '../../rules/src/kb';
import { KB_FILES, shippedKnowledgeBase } from '../../rules/src/knowledgeBase';
import { checkSpdx } from '../../rules/src/licenses';
import { rules } from '../../rules/src/rules/index';
import type { KbEntry } from '../../rules/src/types';
import { Classifier } from '../../server/src/engine/classify';
import { KnowledgePlacement } from '../../server/src/engine/placement';

const entries: KbEntry[] = Object.values(KB_FILES).flatMap((file) => file.entries);
const kb = shippedKnowledgeBase();
const NOWHERE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('knowledge base', () => {
  it.each(Object.entries(KB_FILES))('%s matches rules/schema/kb.schema.json', (_, file) => {
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(kbSchema);
    expect(validate(file), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('has no duplicate id or alias', () => {
    const keys = entries.flatMap((entry) => [entry.id, ...(entry.aliases ?? [])].map(lookupKey));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it('resolves every alias, lineage step, training dataset and alternative', () => {
    const unresolved = entries.flatMap((entry) =>
      [...(entry.aliases ?? []).filter((id) => !isPattern(id)), ...(entry.basedOn ?? []), ...(entry.trainedOn ?? []), ...(entry.alternatives ?? []).map((a) => a.id)]
        .filter((id) => !kb.lookup(id))
        .map((id) => `${entry.id} → ${id}`),
    );
    expect(unresolved).toEqual([]);
  });

  it('resolves every alias to its own entry', () => {
    for (const entry of entries) {
      for (const alias of (entry.aliases ?? []).filter((id) => !isPattern(id))) expect(kb.lookup(alias)?.entry.id).toBe(entry.id);
    }
  });

  it('offers only domestic alternatives', () => {
    const foreign = entries.flatMap((entry) =>
      (entry.alternatives ?? []).filter((alternative) => kb.lookup(alternative.id)?.entry.origin !== 'RU').map((a) => `${entry.id} → ${a.id}`),
    );
    expect(foreign).toEqual([]);
  });

  it('offers each alternative for the tier it reaches as Sovereign Lint judges it: domestic for sovereign, not proprietary for national', () => {
    const classifier = new Classifier(new KnowledgePlacement(kb), 'RU');
    const overclaimed = entries.flatMap((entry) =>
      (entry.alternatives ?? []).flatMap(({ id, reaches }) => {
        const { classification } = classifier.assess({ id, ecosystem: id.slice(0, id.indexOf(':')) as 'hf', name: id.slice(id.indexOf(':') + 1), relation: 'direct', range: NOWHERE });
        const reached = reaches === 'sovereign' ? classification === 'domestic' : classification !== 'foreign-proprietary';
        return reached ? [] : [`${entry.id} → ${id} (${reaches}, judged ${classification})`];
      }),
    );
    expect(overclaimed).toEqual([]);
  });

  it('says of every foreign entry what replaces it, or that nothing domestic does', () => {
    const silent = entries.filter((entry) => entry.origin !== 'RU' && entry.origin !== 'unknown' && !entry.alternatives?.length && !entry.noAlternative);
    expect(silent.map((entry) => entry.id)).toEqual([]);
  });

  it('has no cycle in lineage', () => {
    const byKey = new Map(entries.map((entry) => [lookupKey(entry.id), entry]));
    const cycles: string[] = [];
    const visit = (entry: KbEntry, path: string[]) => {
      for (const id of [...(entry.basedOn ?? []), ...(entry.trainedOn ?? [])]) {
        if (path.includes(id)) cycles.push([...path, id].join(' → '));
        const next = byKey.get(lookupKey(id));
        if (next && !path.includes(id)) visit(next, [...path, id]);
      }
    };
    for (const entry of entries) visit(entry, [entry.id]);
    expect(cycles).toEqual([]);
  });

  it('gives every entry well-formed public evidence, each address once', () => {
    const bad = entries.filter(
      (entry) => entry.evidence.length === 0 || entry.evidence.some((url) => !/^https?:$/.test(safeProtocol(url))) || new Set(entry.evidence).size < entry.evidence.length,
    );
    expect(bad.map((entry) => entry.id)).toEqual([]);
  });

  it('cites pages at their own addresses: Hugging Face at huggingface.co, never a mirror or proxy, no host with a trailing dot', () => {
    const hostOf = (url: string) => new URL(url).hostname;
    const mirrored = entries.flatMap((entry) =>
      entry.evidence.filter((url) => {
        const host = hostOf(url);
        return host !== 'huggingface.co' && (host.endsWith('.') || /(^|[.-])(hf|hg|hugging)/i.test(host) || host.endsWith('.workers.dev'));
      }),
    );
    expect(mirrored).toEqual([]);
  });

  it('records licences as SPDX expressions', () => {
    const invalid = entries.filter((entry) => entry.license && !checkSpdx(entry.license).valid).map((e) => `${e.id}: ${e.license}`);
    expect(invalid).toEqual([]);
  });

  it('keeps the config schema’s rule ids in step with the rule catalogue', () => {
    expect([...configSchema.definitions.rules.propertyNames.enum].sort()).toEqual(rules.map((rule) => rule.meta.id).sort());
  });

  it.each([
    ['pypi:yandex-cloud-ml-sdk', 'pypi:yandex-ai-studio-sdk'],
    ['npm:@xenova/transformers', 'npm:@huggingface/transformers'],
    ['pypi:Yandex_Cloud.ML-SDK', 'pypi:yandex-ai-studio-sdk'],
  ])('resolves the renamed %s to %s', (alias, id) => {
    expect(kb.lookup(alias)?.entry.id).toBe(id);
  });

  it.each([
    ['hf:sberbank-ai/rugpt3small_based_on_gpt2', 'RU'],
    ['hf:THUDM/glm-4-9b', 'CN'],
    ['hf:CohereForAI/aya-23-8B', 'CA'],
    ['hf:meta-llama/Llama-3.3-70B-Instruct', 'US'],
  ])('places %s through its namespace (%s)', (id, origin) => {
    expect(kb.lookup(id)?.entry.origin).toBe(origin);
  });
});

describe('namespace lookup', () => {
  const entry = (id: string, origin: string): KbEntry => ({ id, owner: id, origin, evidence: ['https://example.org/evidence'] });
  const namespaces = new KnowledgeBase('test', [
    entry('npm:*', 'US'),
    entry('npm:@acme/*', 'DE'),
    entry('npm:@acme/ru-*', 'RU'),
    entry('npm:@acme/ru-exact', 'FR'),
  ]);

  it.each([
    ['npm:@acme/ru-exact', 'FR', 'knowledge-base'],
    ['npm:@acme/ru-tools', 'RU', 'namespace'],
    ['npm:@acme/tools', 'DE', 'namespace'],
    ['npm:left-pad', 'US', 'namespace'],
    ['npm:@other/x', 'US', 'namespace'],
  ])('places %s by its most specific match (%s)', (id, origin, source) => {
    expect(namespaces.lookup(id)).toMatchObject({ entry: { origin }, source });
  });

  it('leaves an id no pattern covers unplaced', () => {
    expect(namespaces.lookup('pypi:requests')).toBeUndefined();
  });
});

function safeProtocol(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return 'invalid';
  }
}

describe('conda packages', () => {
  const assess = (id: string) => {
    const [ecosystem, name] = id.split(':') as ['conda', string];
    return new Classifier(new KnowledgePlacement(kb), 'RU').assess({ id, ecosystem, name, relation: 'direct', range: NOWHERE });
  };

  it('places a conda-forge build of a PyPI project as that project', () => {
    expect(assess('conda:numpy')).toMatchObject({ classification: 'foreign-open', provenance: { entry: { id: 'pypi:numpy' } } });
    expect(assess('conda:pytorch')).toMatchObject({ classification: 'foreign-open', provenance: { entry: { id: 'pypi:torch' } } });
  });

  it('places NVIDIA’s CUDA toolkit as foreign proprietary (its EULA is no open licence)', () => {
    expect(assess('conda:cudatoolkit')).toMatchObject({ classification: 'foreign-proprietary', provenance: { entry: { origin: 'US' } } });
  });

  it('leaves a conda package the knowledge base does not know unknown', () => {
    expect(assess('conda:some-internal-build').classification).toBe('unknown');
  });
});
