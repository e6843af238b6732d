// Component ids (SPEC §2): `ecosystem:name`, with each ecosystem's own notion of "the same name".
import type { Ecosystem } from './types';

/** PEP 503: runs of `-`, `_` and `.` are one `-`, case is ignored. */
export function normalisePypiName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

export function componentId(ecosystem: Ecosystem, name: string): string {
  // conda names are lowercase (conda-build's naming conventions); conda matches `PyTorch` as `pytorch`.
  return `${ecosystem}:${ecosystem === 'pypi' ? normalisePypiName(name) : ecosystem === 'conda' ? name.toLowerCase() : name}`;
}

export function splitId(id: string): { ecosystem: Ecosystem; name: string } {
  const colon = id.indexOf(':');
  return { ecosystem: id.slice(0, colon) as Ecosystem, name: id.slice(colon + 1) };
}

/**
 * The key two ids are compared by: npm names and Hugging Face repo ids resolve case-insensitively
 * on their registries, and PyPI names compare after PEP 503 normalisation.
 */
export function lookupKey(id: string): string {
  const { ecosystem, name } = splitId(id);
  return `${ecosystem}:${ecosystem === 'pypi' ? normalisePypiName(name) : name.toLowerCase()}`;
}

/** A pattern such as `npm:@acme/*`, `pypi:google-cloud-*` or `hf:meta-llama/*`. */
export function isPattern(id: string): boolean {
  return id.includes('*');
}

/** Glob match on ids where `*` matches any run of characters (ids compared by their lookup keys). */
export function patternMatches(pattern: string, id: string): boolean {
  const parts = lookupKey(pattern).split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`).test(lookupKey(id));
}
