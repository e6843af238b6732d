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
  /** The setuptools extra whose value the file is (`gpu = file: gpu.txt`): what it requires is that extra's, optional. */
  extra?: string;
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
  /** Whether it lists workspace members (package.json `workspaces`, pyproject `[tool.uv.workspace]`, `[tool.rye.workspace]`). */
  listsMembers?: boolean;
}

export function emptyResult(): ReadResult {
  return { declarations: [], licenses: [], problems: [], includes: [] };
}

/** Makes what an included requirements file declares the extra it was included for, as setuptools reads it. */
export function asExtra(read: ReadResult | undefined, extra: string | undefined): void {
  if (!read || extra === undefined) return;
  for (const declaration of read.declarations) {
    declaration.relation = 'optional';
    declaration.group = extra;
  }
}
