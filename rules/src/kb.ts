// The knowledge base: provenance facts looked up by component id, alias or namespace pattern.
import { isPattern, lookupKey } from './ids';
import { append } from './lists';
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
  /**
   * Namespaces by their bucket (see bucketOf), most specific first: a monorepo's lockfiles name tens of thousands
   * of packages the knowledge base does not hold, and each is tried against the few namespaces of its bucket only.
   */
  private readonly namespaces = new Map<string, NamespacePattern[]>();
  /** Patterns too short to have a bucket (`npm:*`): tried after every bucket's, being less specific. */
  private readonly broadNamespaces: NamespacePattern[] = [];

  constructor(
    readonly version: string,
    entries: readonly KbEntry[],
  ) {
    const patterns: NamespacePattern[] = [];
    for (const entry of entries) {
      if (isPattern(entry.id)) {
        const prefix = patternPrefix(entry.id);
        patterns.push({ prefix, entry });
        for (const alias of entry.aliases ?? []) patterns.push({ prefix: patternPrefix(alias), entry, canonicalPrefix: prefix });
      } else {
        for (const id of [entry.id, ...(entry.aliases ?? [])]) this.exact.set(lookupKey(id), entry);
      }
    }
    // Most specific namespace first.
    patterns.sort((a, b) => b.prefix.length - a.prefix.length);
    for (const pattern of patterns) {
      const bucket = bucketOf(pattern.prefix);
      if (bucket === undefined) this.broadNamespaces.push(pattern);
      else append(this.namespaces, bucket, pattern);
    }
  }

  /** The entry for an id: exact id or alias first, then the same name under a renamed namespace, then the namespace. */
  lookup(id: string): KbMatch | undefined {
    const key = lookupKey(id);
    const exact = this.exact.get(key);
    if (exact) return { entry: exact, source: 'knowledge-base' };
    const namespace = this.namespaceOf(key);
    if (!namespace) return undefined;
    if (namespace.canonicalPrefix !== undefined) {
      const renamed = this.exact.get(namespace.canonicalPrefix + key.slice(namespace.prefix.length));
      if (renamed) return { entry: renamed, source: 'knowledge-base' };
    }
    return { entry: namespace.entry, source: 'namespace' };
  }

  /** The most specific namespace whose prefix the key starts with. */
  private namespaceOf(key: string): NamespacePattern | undefined {
    const covers = (namespace: NamespacePattern) => key.startsWith(namespace.prefix);
    const bucket = bucketOf(key);
    return (bucket === undefined ? undefined : this.namespaces.get(bucket)?.find(covers)) ?? this.broadNamespaces.find(covers);
  }
}

/** A lookup key's ecosystem and the first character of its name (`npm:@`, `pypi:a`); undefined when it has none. */
function bucketOf(key: string): string | undefined {
  const colon = key.indexOf(':');
  return colon >= 0 && colon + 1 < key.length ? key.slice(0, colon + 2) : undefined;
}

function patternPrefix(pattern: string): string {
  const key = lookupKey(pattern);
  const star = key.indexOf('*');
  if (star !== key.length - 1) throw new Error(`namespace pattern must end in a single *: ${pattern}`);
  return key.slice(0, star);
}
