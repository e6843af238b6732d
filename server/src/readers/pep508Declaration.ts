// A PEP 508 requirement found in a manifest, as a declaration: the shape requirements files, pyproject.toml lists,
// setup.cfg values and setup.py string literals share.
import { componentId } from '../../../rules/src/ids';
import type { Declaration, Range, Relation } from '../../../rules/src/types';
import type { Requirement } from './pep508';

/** A version-control URL (`git+https://…`), as pip spells one. */
export const VCS_URL = /^(git|hg|svn|bzr)\+/;

/**
 * `rangeOf` maps offsets in the requirement's text to a range in the file; `rewritable` is false where the text
 * differs from the source (a string with escapes), so that no fix edits the wrong characters.
 */
export function requirementDeclaration(
  req: Requirement,
  relation: Relation,
  group: string | undefined,
  rangeOf: (start: number, end: number) => Range,
  rewritable: boolean,
): Declaration {
  return {
    id: componentId('pypi', req.name),
    ecosystem: 'pypi',
    name: req.name,
    relation,
    ...(group ? { group } : {}),
    range: rangeOf(req.nameStart, req.nameEnd),
    ...(req.specifier ? { versionSpec: req.specifier } : {}),
    ...(req.extras.length ? { extras: req.extras } : {}),
    ...(req.marker !== undefined ? { marker: req.marker } : {}),
    ...(req.url ? { directReference: { kind: VCS_URL.test(req.url) ? 'vcs' : 'url', target: req.url } } : {}),
    ...(rewritable ? { rewrite: { syntax: 'pep508', range: rangeOf(req.nameStart, req.end), extraDeletions: [] } } : {}),
  };
}
