// pnpm-workspace.yaml catalogs (https://pnpm.io/catalogs): a package.json spec `catalog:` or
// `catalog:NAME` takes its version range from the workspace file, so that is where the range is judged
// and where a pin belongs. `catalog:` is the default catalog, written `catalog:` or `catalogs.default`.
import { isMap, isScalar, type Node, parseDocument } from 'yaml';
import type { Range } from '../../../rules/src/types';
import { LineIndex } from '../text/lineIndex';

/** One package's entry in a catalog: the range it gives and where its value is written. */
export interface CatalogSpec {
  spec: string;
  range: Range;
  quote: '' | '"' | "'";
}

/** Catalog name → package name → entry. */
export type Catalogs = Map<string, Map<string, CatalogSpec>>;

export const PNPM_WORKSPACE = 'pnpm-workspace.yaml';
export const DEFAULT_CATALOG = 'default';

/** The catalogs of a pnpm-workspace.yaml; none when it has none or does not parse (pnpm reports that itself). */
export function readPnpmCatalogs(text: string): Catalogs {
  const catalogs: Catalogs = new Map();
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length || !isMap(doc.contents)) return catalogs;
  const lines = new LineIndex(text);
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (key === 'catalog') addCatalog(catalogs, DEFAULT_CATALOG, pair.value as Node, lines);
    if (key !== 'catalogs' || !isMap(pair.value)) continue;
    for (const named of pair.value.items) {
      if (isScalar(named.key)) addCatalog(catalogs, String(named.key.value), named.value as Node, lines);
    }
  }
  return catalogs;
}

/** The catalog a `catalog:` spec names, or undefined when the spec is no catalog reference. */
export function catalogNameOf(spec: string | undefined): string | undefined {
  if (!spec?.startsWith('catalog:')) return undefined;
  return spec.slice('catalog:'.length).trim() || DEFAULT_CATALOG;
}

function addCatalog(catalogs: Catalogs, name: string, node: Node | null, lines: LineIndex): void {
  if (!isMap(node)) return;
  const entries = catalogs.get(name) ?? new Map<string, CatalogSpec>();
  catalogs.set(name, entries);
  for (const { key, value } of node.items) {
    if (!isScalar(key) || !isScalar(value) || !value.range) continue;
    const spec = value.value;
    if (typeof spec !== 'string' && typeof spec !== 'number') continue;
    const quote = value.type === 'QUOTE_DOUBLE' ? '"' : value.type === 'QUOTE_SINGLE' ? "'" : '';
    entries.set(String(key.value), { spec: String(spec), range: lines.range(value.range[0], value.range[1]), quote });
  }
}
