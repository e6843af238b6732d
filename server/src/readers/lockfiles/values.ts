// Reading loaded JSON/YAML/TOML values without trusting their shape: a lockfile may hold anything
// where a table or a string belongs, and a reader must skip it rather than throw.

export type Table = Record<string, unknown>;

/** The value as a table (a plain mapping), or undefined for scalars, arrays and null. */
export function table(value: unknown): Table | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Table) : undefined;
}

export function string(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The keys of a table (dependency names of a `dependencies` mapping); none for anything else. */
export function keysOf(value: unknown): string[] {
  const found = table(value);
  return found ? Object.keys(found) : [];
}
