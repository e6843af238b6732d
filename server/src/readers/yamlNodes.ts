// What the readers that keep YAML source ranges (cards, environment.yml places) ask of a node of the `yaml` parser.
import { type Document, isAlias, type Node, type Scalar } from 'yaml';

/** A node with its alias resolved once (never expanded further): an alias stands for the node it names, written where that is. */
export function resolved(node: unknown, doc: Document): Node | null {
  return isAlias(node) ? ((node.resolve(doc) as Node | undefined) ?? null) : ((node as Node | null | undefined) ?? null);
}

/** Where a scalar's value is written: its text, inside any quotes, or the whole node where escapes or folding make the two differ. */
export function scalarSpan(scalar: Scalar, source: string): { start: number; end: number; exact: boolean } {
  const [start, end] = scalar.range!;
  const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
  const inner = quoted ? start + 1 : start;
  const value = String(scalar.value);
  return source.slice(inner, inner + value.length) === value ? { start: inner, end: inner + value.length, exact: true } : { start, end, exact: false };
}
