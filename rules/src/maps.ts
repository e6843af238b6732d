// Small helpers for maps of lists, shared by the knowledge base and the engine.

/** Adds `value` to the list under `key`. */
export function append<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const found = lists.get(key);
  if (found) found.push(value);
  else lists.set(key, [value]);
}
