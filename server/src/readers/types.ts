// What every manifest reader returns.
import type { Declaration, LicenseDeclaration, Range } from '../../../rules/src/types';

export interface Problem {
  message: string;
  range: Range;
}

/** A `-r` / `-c` line of a requirements file: another file to read, relative to this one. */
export interface Include {
  path: string;
  kind: 'requirements' | 'constraints';
  range: Range;
}

export interface ReadResult {
  declarations: Declaration[];
  licenses: LicenseDeclaration[];
  problems: Problem[];
  includes: Include[];
  /** A requirements file compiled by pip-compile (`# via` comments): it pins the whole dependency graph, like a lockfile. */
  compiled?: boolean;
  /** The name the manifest gives its own package (package.json `name`, pyproject `[project].name`): the project's own code. */
  ownName?: string;
}

export function emptyResult(): ReadResult {
  return { declarations: [], licenses: [], problems: [], includes: [] };
}
