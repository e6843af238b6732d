// The knowledge base: provenance facts looked up by component id, alias or namespace pattern.
import { isPattern, lookupKey } from './ids';
import type { KbEntry, ProvenanceSource } from './types';

export interface KbMatch {
  entry: KbEntry;
  source: Extract<ProvenanceSource, 'knowledge-base' | 'namespace'>;
}

interface NamespacePattern {
  /** Lookup key of the pattern with its `*` removed; namespace patterns are all `prefix*`. */
  prefix: string;
  entry: KbEntry;
  /** For an alias pattern (a renamed namespace), the prefix of the canonical one. */
  canonicalPrefix?: string;
}

export class KnowledgeBase {
  private readonly exact = new Map<string, KbEntry>();
  private readonly namespaces: NamespacePattern[] = [];

  constructor(
    readonly version: string,
    entries: readonly KbEntry[],
  ) {
    for (const entry of entries) {
      if (isPattern(entry.id)) {
        const prefix = patternPrefix(entry.id);
        this.namespaces.push({ prefix, entry });
        for (const alias of entry.aliases ?? []) {
          this.namespaces.push({ prefix: patternPrefix(alias), entry, canonicalPrefix: prefix });
        }
      } else {
        for (const id of [entry.id, ...(entry.aliases ?? [])]) this.exact.set(lookupKey(id), entry);
      }
    }
    // Most specific namespace first.
    this.namespaces.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /** The entry for an id: exact id or alias first, then the same name under a renamed namespace, then the namespace. */
  lookup(id: string): KbMatch | undefined {
    const key = lookupKey(id);
    const exact = this.exact.get(key);
    if (exact) return { entry: exact, source: 'knowledge-base' };
    const namespace = this.namespaces.find((ns) => key.startsWith(ns.prefix));
    if (!namespace) return undefined;
    if (namespace.canonicalPrefix !== undefined) {
      const renamed = this.exact.get(namespace.canonicalPrefix + key.slice(namespace.prefix.length));
      if (renamed) return { entry: renamed, source: 'knowledge-base' };
    }
    return { entry: namespace.entry, source: 'namespace' };
  }
}

function patternPrefix(pattern: string): string {
  const key = lookupKey(pattern);
  const star = key.indexOf('*');
  if (star !== key.length - 1) throw new Error(`namespace pattern must end in a single *: ${pattern}`);
  return key.slice(0, star);
}
