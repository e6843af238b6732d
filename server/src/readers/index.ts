// Which reader a file needs, decided by its path alone (the walker and the language server share this).
import { readCard } from './card';
import { readCondaManifest, readPipfileManifest } from './environments';
import { readPackageJson } from './packageJson';
import { readPyproject } from './pyproject';
import { MAX_NESTING, nestsTooDeep } from '../text/nesting';
import { readRequirements } from './requirements';
import { emptyResult, type ReadResult } from './types';

export type ManifestKind = 'package-json' | 'requirements' | 'pyproject' | 'pipfile' | 'conda' | 'card';

/** What the scan reads, in one phrase for messages that say so. */
export const MANIFESTS_READ = 'package.json, requirements*.txt, pyproject.toml, Pipfile, environment.yml and Hugging Face cards';

/** The kind of manifest at a `/`-separated path, or undefined for a file no reader takes. */
export function manifestKind(path: string): ManifestKind | undefined {
  const parts = path.split('/');
  const name = parts.at(-1)!;
  const lower = name.toLowerCase();
  if (name === 'package.json') return 'package-json';
  if (name === 'pyproject.toml') return 'pyproject';
  if (name === 'Pipfile') return 'pipfile';
  if (lower === 'environment.yml' || lower === 'environment.yaml') return 'conda';
  if (lower.endsWith('.md')) return 'card';
  if (
    /^requirements.*\.(txt|in)$/.test(lower) ||
    /requirements\.(txt|in)$/.test(lower) ||
    /^constraints.*\.txt$/.test(lower) ||
    /constraints\.txt$/.test(lower) ||
    (parts.at(-2) === 'requirements' && /\.(txt|in)$/.test(lower))
  ) {
    return 'requirements';
  }
  return undefined;
}

/** Reads one manifest; undefined when a Markdown file turns out not to be a card. */
export function readManifest(kind: ManifestKind, text: string, fileName: string): ReadResult | undefined {
  if ((kind === 'package-json' || kind === 'pyproject') && nestsTooDeep(text)) {
    const result = emptyResult();
    const start = { line: 0, character: 0 };
    result.problems.push({ message: `nested more than ${MAX_NESTING} levels deep; not read`, range: { start, end: start } });
    return result;
  }
  switch (kind) {
    case 'package-json':
      return readPackageJson(text);
    case 'requirements':
      return readRequirements(text);
    case 'pyproject':
      return readPyproject(text);
    case 'pipfile':
      return readPipfileManifest(text);
    case 'conda':
      return readCondaManifest(text);
    case 'card':
      return readCard(text, fileName);
  }
}
