// Dependency catalogs: a package.json spec `catalog:` or `catalog:NAME` takes its version range from the
// workspace's catalog, so that is where the range is judged and where a pin belongs. Three package
// managers keep them, in the same shape (`catalog` is the default catalog, `catalogs` the named ones):
// pnpm in pnpm-workspace.yaml (https://pnpm.io/catalogs), Yarn in .yarnrc.yml, Bun in the root
// package.json, at the top level or under `workspaces`.
import path from 'node:path';
import { type Node as JsonNode, findNodeAtLocation, parseTree } from 'jsonc-parser';
import { isMap, isScalar, parseDocument, Scalar } from 'yaml';
import type { Range } from '../../../rules/src/types';
import { LineIndex } from '../text/lineIndex';
import { resolved } from './yamlNodes';

/** One package's entry in a catalog: the range it gives and where its value is written. */
export interface CatalogSpec {
  spec: string;
  range: Range;
  quote: '' | '"' | "'";
}

/** Catalog name → package name → entry. */
export type Catalogs = Map<string, Map<string, CatalogSpec>>;

/** The workspace files of pnpm and Yarn: where they are is the workspace root, catalogs or not. */
export const WORKSPACE_CATALOG_FILES = ['pnpm-workspace.yaml', '.yarnrc.yml'];
/** A pnpm or Yarn workspace file (any path): where it is, is a workspace root. */
export function isWorkspaceCatalogFile(file: string): boolean {
  return WORKSPACE_CATALOG_FILES.includes(path.basename(file));
}

/** Every file that can hold a workspace's catalogs, in the order looked at within one folder. */
export const CATALOG_FILES = [...WORKSPACE_CATALOG_FILES, 'package.json'];

export const DEFAULT_CATALOG = 'default';

/** The catalog a `catalog:` spec names, or undefined when the spec is no catalog reference. */
export function catalogNameOf(spec: string | undefined): string | undefined {
  if (!spec?.startsWith('catalog:')) return undefined;
  return spec.slice('catalog:'.length).trim() || DEFAULT_CATALOG;
}

/** The catalogs of one of CATALOG_FILES; none when it has none or does not parse (its package manager reports that). */
export function readCatalogs(fileName: string, text: string): Catalogs {
  return fileName === 'package.json' ? readJsonCatalogs(text) : readYamlCatalogs(text);
}

function readYamlCatalogs(text: string): Catalogs {
  const catalogs: Catalogs = new Map();
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length || !isMap(doc.contents)) return catalogs;
  const lines = new LineIndex(text);
  // An alias stands for the node it names (`react-dom: *react`): the entry is written where that is.
  const add = (name: string, catalog: unknown) => {
    const node = resolved(catalog, doc);
    if (!isMap(node)) return;
    const entries = entriesOf(catalogs, name);
    for (const pair of node.items) {
      const [key, value] = [resolved(pair.key, doc), resolved(pair.value, doc)];
      if (!isScalar(key) || !isScalar(value) || !value.range) continue;
      const spec = value.value;
      if (typeof spec !== 'string' && typeof spec !== 'number') continue;
      const quote = value.type === Scalar.QUOTE_DOUBLE ? '"' : value.type === Scalar.QUOTE_SINGLE ? "'" : '';
      entries.set(String(key.value), { spec: String(spec), range: lines.range(value.range[0], value.range[1]), quote });
    }
  };
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (key === 'catalog') add(DEFAULT_CATALOG, pair.value);
    const named = resolved(pair.value, doc);
    if (key === 'catalogs' && isMap(named)) {
      for (const item of named.items) if (isScalar(item.key)) add(String(item.key.value), item.value);
    }
  }
  return catalogs;
}

function readJsonCatalogs(text: string): Catalogs {
  const catalogs: Catalogs = new Map();
  const root = parseTree(text);
  if (root?.type !== 'object') return catalogs;
  const lines = new LineIndex(text);
  const add = (name: string, node: JsonNode | undefined) => {
    if (node?.type !== 'object') return;
    const entries = entriesOf(catalogs, name);
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (typeof key?.value !== 'string' || value?.type !== 'string') continue;
      entries.set(key.value, { spec: value.value as string, range: lines.range(value.offset, value.offset + value.length), quote: '"' });
    }
  };
  // Bun reads them at the top level or under `workspaces`.
  for (const base of [[], ['workspaces']]) {
    add(DEFAULT_CATALOG, findNodeAtLocation(root, [...base, 'catalog']));
    for (const named of findNodeAtLocation(root, [...base, 'catalogs'])?.children ?? []) {
      const [key, value] = named.children ?? [];
      if (typeof key?.value === 'string') add(key.value, value);
    }
  }
  return catalogs;
}

function entriesOf(catalogs: Catalogs, name: string): Map<string, CatalogSpec> {
  const entries = catalogs.get(name) ?? new Map<string, CatalogSpec>();
  catalogs.set(name, entries);
  return entries;
}
