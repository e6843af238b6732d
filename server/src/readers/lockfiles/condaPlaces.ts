// Where environment.yml writes each item of `dependencies` and of a `pip:` list in it, read from a YAML parser
// that keeps source ranges: an item may be in a flow list (`dependencies: [numpy, pandas]`) or an alias of an
// anchored one (`- *torch`), which no search of the text for `- item` lines finds. Environment files are small;
// the lockfile loaders' fast plain parsers give the values, this gives their places.
import { type Document, isMap, isScalar, isSeq, type Node, parseDocument, type YAMLMap } from 'yaml';
import { resolved, scalarSpan } from '../yamlNodes';

/** Where an item is written: its value's text when `exact`, else the whole scalar (quotes, escapes and all). */
export interface ItemPlace {
  start: number;
  end: number;
  exact: boolean;
}

/** A `dependencies` item: a conda spec's place, or a `pip:` mapping's lines' places, in order. */
export type DependencyPlace = ItemPlace | { pip: (ItemPlace | undefined)[] } | undefined;

/** The places of `dependencies`' items, index for index with the loaded list; empty where the parser reads no such list. */
export function dependencyPlaces(text: string): DependencyPlace[] {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return [];
  const list = valueOf(doc.contents, 'dependencies', doc);
  if (!isSeq(list)) return [];
  return list.items.map((item) => {
    const node = resolved(item, doc);
    if (isScalar(node)) return placeOf(node, text);
    const pip = isMap(node) ? valueOf(node, 'pip', doc) : null;
    return isSeq(pip) ? { pip: pip.items.map((line) => placeOf(resolved(line, doc), text)) } : undefined;
  });
}

/** A key's value; of a key given twice, the last, as the loaded value keeps. */
function valueOf(map: YAMLMap, key: string, doc: Document): Node | null {
  const pairs = map.items.filter((pair) => isScalar(pair.key) && pair.key.value === key);
  return resolved(pairs.at(-1)?.value, doc);
}

function placeOf(node: Node | null, text: string): ItemPlace | undefined {
  return isScalar(node) && node.range ? scalarSpan(node, text) : undefined;
}
