// Hugging Face model and dataset cards (https://huggingface.co/docs/hub/model-cards): the YAML front
// matter's `base_model`, `datasets`, `license` / `license_name`, a dataset card's `source_datasets`, and the models and
// datasets a Space's card says it uses.
import { type Document, isMap, isScalar, isSeq, type Node, type Pair, parseDocument, type Scalar } from 'yaml';
import { componentId } from '../../../rules/src/ids';
import type { Declaration, Ecosystem, Relation } from '../../../rules/src/types';
import { LineIndex } from '../text/lineIndex';
import { MAX_NESTING, nestsTooDeep } from '../text/nesting';
import { emptyResult, type ReadResult } from './types';
import { resolved, scalarSpan } from './yamlNodes';

/** Keys only model cards have. */
const MODEL_KEYS = ['base_model', 'base_model_relation', 'datasets', 'library_name', 'pipeline_tag', 'model-index', 'license_name'];
/**
 * Keys of the Hub's card metadata that other front matter rarely has: they make a README.md a card, with or without
 * models (`tags` is not one: Jekyll posts have it too).
 */
const README_CARD_KEYS = ['license', 'language', 'metrics', 'widget', 'inference', 'thumbnail', 'co2_eq_emissions', 'sdk'];
/** Keys of a static site's page (Jekyll, which GitHub Pages serves a README.md with): a page, not a card, whatever else it says. */
const SITE_PAGE_KEYS = ['layout', 'permalink'];
/** Keys only dataset cards have. */
const DATASET_KEYS = [
  'source_datasets',
  'task_categories',
  'task_ids',
  'annotations_creators',
  'language_creators',
  'size_categories',
  'multilinguality',
  'dataset_info',
  'configs',
  'pretty_name',
];
/** The line that opens front matter; the Hub (huggingface_hub's REGEX_YAML_BLOCK, "the same as the Hub server") lets whitespace precede it. */
const OPENING_FENCE = /^\s*---[ \t]*\r?\n/;
/** Alias expansion beyond this is an attack (a "billion laughs" document), not a card. */
const MAX_ALIAS_COUNT = 100;

export interface FrontMatter {
  /** The YAML between the fences, and where it starts in the file. */
  yaml: string;
  offset: number;
}

/**
 * The front matter of a Markdown file: a `---` line first (after blank lines or spaces, as the Hub reads a card),
 * closed by a `---` or `...` line.
 */
export function frontMatter(text: string): FrontMatter | undefined {
  const open = OPENING_FENCE.exec(text);
  if (!open) return undefined;
  const close = /^(---|\.\.\.)[ \t]*\r?$/m;
  const rest = text.slice(open[0].length);
  const end = close.exec(rest);
  if (!end) return undefined;
  return { yaml: rest.slice(0, end.index), offset: open[0].length };
}

/**
 * Reads a card. Returns undefined when the file has no front matter with card keys: a Markdown file
 * that is not a card is not ours to judge.
 */
export function readCard(text: string, fileName: string): ReadResult | undefined {
  const matter = frontMatter(text);
  if (!matter) return unclosedReadmeFrontMatter(text, fileName);
  const lines = new LineIndex(text);
  const at = (offset: number) => matter.offset + offset;
  const result = emptyResult();
  if (nestsTooDeep(matter.yaml)) {
    if (!isReadme(fileName)) return undefined;
    result.problems.push({ message: `card front matter is nested more than ${MAX_NESTING} levels deep; not read`, range: lines.range(at(0), at(0)) });
    return result;
  }
  const doc = parseDocument(matter.yaml, { uniqueKeys: false, prettyErrors: false });
  const [error] = doc.errors;
  if (error) {
    // A README whose front matter does not parse may be a broken card; another .md file is not our business.
    if (!isReadme(fileName)) return undefined;
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    result.problems.push({ message: `card front matter is not valid YAML: ${message}`, range: lines.range(at(error.pos[0]), at(error.pos[1])) });
    return result;
  }
  if (!isMap(doc.contents)) return undefined;
  const keys = new Map<string, Node | null>();
  /** Every value of a key given more than once: YAML allows a key once, and which one a reader keeps varies. */
  const repeated = new Map<string, (Node | null)[]>();
  for (const pair of withMerged(doc.contents.items, doc)) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    // Only the keys read here matter: a repeated `tags` hides nothing.
    if (keys.has(key) && JUDGED_KEYS.has(key)) {
      if (!repeated.has(key)) repeated.set(key, [keys.get(key)!]);
      repeated.get(key)!.push(pair.value as Node | null);
      const [start, end] = pair.key.range!;
      result.problems.push({ message: `${key} is given more than once: YAML allows a key once, so each value is judged`, range: lines.range(at(start), at(end)) });
    }
    keys.set(key, pair.value as Node | null);
  }
  const isDataset = DATASET_KEYS.some((key) => keys.has(key));
  const isSitePage = SITE_PAGE_KEYS.some((key) => keys.has(key));
  const isModel = MODEL_KEYS.some((key) => keys.has(key)) || (isReadme(fileName) && !isSitePage && README_CARD_KEYS.some((key) => keys.has(key)));
  if (!isDataset && !isModel) return undefined;

  try {
    // Maps as Maps: a mapping used as a key (`{{base_model}}` in a card template) is then no warning on stderr.
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: true });
  } catch {
    result.problems.push({
      message: `card front matter expands aliases more than ${MAX_ALIAS_COUNT} times (an alias bomb); not read`,
      range: lines.range(at(0), at(matter.yaml.length)),
    });
    return result;
  }

  /** Every value a key is given: one, or each of a key given twice. */
  const valuesOf = (key: string) => repeated.get(key) ?? [keys.get(key) ?? null];
  const scalars = (key: string) => valuesOf(key).flatMap((node) => scalarsOf(node, doc));
  const declare = (scalar: Scalar, value: string, ecosystem: Ecosystem, relation: Relation) => {
    const { start, end } = scalarSpan(scalar, matter.yaml);
    // Leading blanks, and the address a card may give instead of the id (`https://huggingface.co/meta-llama/…`).
    const hubAddress = HUB_ADDRESS.exec(value.trim())?.[0] ?? '';
    const prefix = value.length - value.trimStart().length + hubAddress.length;
    const name = value.trim().slice(hubAddress.length).replace(/\/+$/, '');
    if (isLocalPath(name)) {
      // Someone's disk hides the model or dataset it holds: the lineage cannot be placed, so the card cannot be vouched for.
      const what = ecosystem === 'hf' ? 'model' : 'dataset';
      result.problems.push({
        message: `"${name}" is a local path, not a Hugging Face ${what} id: name the ${what} it holds by its Hub id (owner/name)`,
        range: lines.range(at(start), at(end)),
      });
      return;
    }
    // A value that differs from its source (escapes, folding) is placed where its name is written, else as a whole; a
    // block scalar's name is on the line below its `>-`.
    const exact = matter.yaml.slice(start, end) === value;
    const written = exact ? start + prefix : matter.yaml.indexOf(name, start);
    const named = written >= 0 && written + name.length <= end;
    // The rewrite replaces the whole node with a plain or quoted scalar: never the line break a block scalar ends with.
    const nodeEnd = contentEnd(matter.yaml, scalar.range![0], scalar.range![1]);
    result.declarations.push({
      id: componentId(ecosystem, name),
      ecosystem,
      name,
      relation,
      range: named ? lines.range(at(written), at(written + name.length)) : lines.range(at(start), at(end)),
      // An anchored value (`&base`) is also wherever an alias repeats it: rewriting it would change those too.
      ...(scalar.anchor ? {} : { rewrite: { syntax: 'yaml-scalar', range: lines.range(at(scalar.range![0]), at(nodeEnd)), quote: quoteOf(scalar) } }),
    } satisfies Declaration);
  };

  // A value the Hub would not read as ids (a mapping, a nested list) hides what it names: say so rather than pass it over.
  // A Space's card (https://huggingface.co/docs/hub/spaces-config-reference) lists the models it runs and the datasets it
  // uses; a model card's datasets are what the model was trained on.
  const isSpace = keys.has('sdk');
  for (const key of ['base_model', 'datasets', 'source_datasets', ...(isSpace ? ['models'] : [])]) {
    for (const node of valuesOf(key).flatMap((value) => unreadable(value, doc))) {
      const [start, end] = node.range!;
      const range = lines.range(at(start), at(contentEnd(matter.yaml, start, end)));
      result.problems.push({ message: `${key} takes a Hub id or a list of ids; this ${isMap(node) ? 'mapping' : 'list'} is not read`, range });
    }
  }
  for (const scalar of scalars('base_model')) declare(scalar, String(scalar.value), 'hf', 'base-model');
  for (const scalar of scalars('datasets')) declare(scalar, String(scalar.value), 'hf-dataset', isSpace ? 'used-dataset' : 'training-dataset');
  if (isSpace) for (const scalar of scalars('models')) declare(scalar, String(scalar.value), 'hf', 'used-model');
  for (const scalar of scalars('source_datasets')) {
    // `original` says the data is the card's own, a bare `extended` (or `extended|other`: something off the Hub) that it
    // extends something it does not name; `extended|name` names the dataset it extends (the last part counts:
    // `extended|translated|mnli`). A named one off the Hub (`other-wikipedia`) stays, unknown until a team attests it.
    const value = String(scalar.value);
    const bar = value.lastIndexOf('|');
    if (['original', 'extended', 'other'].includes(value.slice(bar + 1).trim())) continue;
    declare(bar >= 0 ? shifted(scalar, bar + 1) : scalar, value.slice(bar + 1), 'hf-dataset', 'source-dataset');
  }
  const [licenseName] = scalars('license_name');
  for (const scalar of scalars('license')) {
    const { start, end } = scalarSpan(scalar, matter.yaml);
    result.licenses.push({
      value: String(scalar.value),
      range: lines.range(at(start), at(end)),
      dialect: 'hf-card',
      ...(licenseName ? { customName: String(licenseName.value) } : {}),
    });
  }
  return result;
}

/**
 * A README that opens front matter with card keys and never closes it is a broken card. Without card
 * keys the `---` is a Markdown thematic break, and another file is none of ours.
 */
function unclosedReadmeFrontMatter(text: string, fileName: string): ReadResult | undefined {
  const open = OPENING_FENCE.exec(text);
  if (!open || !isReadme(fileName)) return undefined;
  const cardKey = new RegExp(`^(${[...MODEL_KEYS, ...DATASET_KEYS, ...README_CARD_KEYS].join('|')}):`, 'm');
  if (!cardKey.test(text)) return undefined;
  const result = emptyResult();
  const lines = new LineIndex(text);
  const fence = open[0].indexOf('---');
  result.problems.push({ message: 'card front matter is not closed: add a line with --- after it', range: lines.range(fence, fence + 3) });
  return result;
}

/** The keys whose values are judged: a value given twice must not hide the other. */
const JUDGED_KEYS = new Set(['base_model', 'datasets', 'source_datasets', 'license']);

/** A model's or dataset's page on the Hub, before its id: `https://huggingface.co/`, `hf.co/datasets/`, … */
const HUB_ADDRESS = /^(https?:\/\/)?(www\.)?(huggingface\.co|hf\.co)\/(datasets\/)?/i;

/** `/home/me/.cache/…/Qwen3-14B`, `./checkpoints/run-3`, `~/models/x`, `C:\models\x`: a folder, not a Hub id. */
function isLocalPath(name: string): boolean {
  return /^(\/|\.{1,2}[\\/]|~[\\/]|[A-Za-z]:[\\/])/.test(name) || name.includes('\\');
}

function isReadme(fileName: string): boolean {
  return /^readme\.md$/i.test(fileName);
}

/**
 * A mapping's pairs, with those a YAML merge key brings in (`<<: *defaults`, or a list of them) after them, as the Hub's
 * YAML loaders read it: a merged `base_model` is the card's all the same.
 */
function withMerged(items: readonly Pair[], doc: Document, depth = 0): Pair[] {
  const own = items.filter((pair) => !(isScalar(pair.key) && pair.key.value === '<<'));
  if (own.length === items.length || depth > MAX_MERGE_DEPTH) return own;
  const merged = items
    .filter((pair) => isScalar(pair.key) && pair.key.value === '<<')
    .flatMap((pair) => {
      const value = resolved(pair.value, doc);
      const sources = isSeq(value) ? value.items.map((item) => resolved(item, doc)) : [value];
      return sources.flatMap((source) => (isMap(source) ? withMerged(source.items as Pair[], doc, depth + 1) : []));
    });
  // As YAML merges: the mapping's own key wins, then the first source that gives it.
  const given = new Set(own.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : undefined)));
  return [
    ...own,
    ...merged.filter((pair) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined || given.has(key)) return false;
      given.add(key);
      return true;
    }),
  ];
}

/** Merge keys nested deeper than this are an attack, not a card. */
const MAX_MERGE_DEPTH = 10;

/** The scalars of a value that is one scalar or a list of them. */
function scalarsOf(node: Node | null, doc: Document): Scalar[] {
  const value = resolved(node, doc);
  if (isScalar(value) && value.value !== null && value.value !== '') return [value];
  if (!isSeq(value)) return [];
  return value.items.flatMap((item) => {
    const listed = resolved(item, doc);
    return isScalar(listed) && listed.value !== null && listed.value !== '' ? [listed] : [];
  });
}

/** Where a node's text ends: a block node's range runs on over the line break (and blanks) after it. */
function contentEnd(source: string, start: number, end: number): number {
  while (end > start && /[\r\n ]/.test(source[end - 1]!)) end--;
  return end;
}

/** The mappings and nested lists where a card key takes an id or a list of ids. */
function unreadable(node: Node | null, doc: Document): Node[] {
  const value = resolved(node, doc);
  if (isMap(value)) return [value];
  if (!isSeq(value)) return [];
  return value.items.flatMap((item) => {
    const listed = resolved(item, doc);
    return isMap(listed) || isSeq(listed) ? [listed] : [];
  });
}

function quoteOf(scalar: Scalar): '' | '"' | "'" {
  return scalar.type === 'QUOTE_DOUBLE' ? '"' : scalar.type === 'QUOTE_SINGLE' ? "'" : '';
}

/** The same scalar seen from `by` characters into its value (for `extended|name`). */
function shifted(scalar: Scalar, by: number): Scalar {
  const copy = scalar.clone() as Scalar;
  const quote = quoteOf(scalar) ? 1 : 0;
  const [start, valueEnd, nodeEnd] = scalar.range!;
  // A quoted value keeps its closing quote out of the range, as the unshifted value does.
  copy.range = [start + by + quote, valueEnd - quote, nodeEnd];
  copy.value = String(scalar.value).slice(by);
  copy.type = 'PLAIN';
  return copy;
}
