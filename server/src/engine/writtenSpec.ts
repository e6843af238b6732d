// How a manifest writes a dependency's spec, which lockfiles record and fixes write back.
import { splitId } from '../../../rules/src/ids';
import type { Declaration } from '../../../rules/src/types';

/** A declaration's spec as its manifest writes it: an npm alias (`"vite": "npm:rolldown-vite@^7"`) keeps its `npm:` form. */
export function writtenSpec({ ecosystem, id, name, versionSpec = '' }: Pick<Declaration, 'ecosystem' | 'id' | 'name' | 'versionSpec'>): string {
  const installs = splitId(id).name;
  return ecosystem === 'npm' && installs !== name ? `npm:${installs}${versionSpec ? `@${versionSpec}` : ''}` : versionSpec;
}
