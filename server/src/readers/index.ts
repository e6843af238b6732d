// Reading a manifest with the reader its kind needs (the kind comes from its path: manifestKind.ts).
import { componentId } from '../../../rules/src/ids';
import { readCard } from './card';
import { readCondaManifest, readPipfileManifest } from './environments';
import { readPackageJson } from './packageJson';
import { readHatchToml, readPyproject } from './pyproject';
import { MAX_NESTING, nestsTooDeep } from '../text/nesting';
import type { ManifestKind } from './manifestKind';
import { readRequirements } from './requirements';
import { readSetupCfg, readSetupPy } from './setuptools';
import { emptyResult, type ReadResult } from './types';

export { type ManifestKind, MANIFESTS_READ, manifestKind } from './manifestKind';

/** Reads one manifest; undefined when a Markdown file turns out not to be a card. */
export function readManifest(kind: ManifestKind, text: string, fileName: string): ReadResult | undefined {
  if ((kind === 'package-json' || kind === 'pyproject' || kind === 'hatch') && nestsTooDeep(text)) {
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
      return withSelfReferences(readPyproject(text));
    case 'hatch':
      return readHatchToml(text);
    case 'pipfile':
      return readPipfileManifest(text);
    case 'conda':
      return readCondaManifest(text, fileName);
    case 'card':
      return readCard(text, fileName);
    case 'setup-py':
      return withSelfReferences(readSetupPy(text));
    case 'setup-cfg':
      return withSelfReferences(readSetupCfg(text));
  }
}

/**
 * A Python project's extras may name the project itself (`all = ["mypkg[gpu,docs]"]`), which pip resolves to the project
 * being installed: its own code. (npm refuses a package.json that depends on its own name.)
 */
function withSelfReferences(result: ReadResult): ReadResult {
  if (result.ownName === undefined) return result;
  const own = componentId('pypi', result.ownName);
  for (const declaration of result.declarations) if (declaration.id === own) declaration.relation = 'workspace';
  return result;
}
