// Fix edits in each file's own syntax. Every edit replaces exactly the declaration it fixes, so
// applying it leaves every other byte of the file as it was.
import { splitId } from '../../../rules/src/ids';
import { holdsVersionInProtocol } from '../../../rules/src/npmSpecs';
import type { AlternativeRef, Declaration, Range, RewriteSite } from '../../../rules/src/types';
import { writtenSpec } from './writtenSpec';

export interface TextEdit {
  range: Range;
  newText: string;
  /** Set when the edit belongs to another file than the finding's (a workspace catalog, pnpm-lock.yaml), relative to the scan root. */
  file?: string;
}

export interface Fix {
  title: string;
  /** The fix to apply when there is one obvious choice. */
  isPreferred?: boolean;
  edits: TextEdit[];
}

/** "Replace with X" fixes for the alternatives that live in the declaration's own ecosystem. */
export function alternativeFixes(declaration: Declaration, alternatives: readonly AlternativeRef[]): Fix[] {
  const site = declaration.rewrite;
  if (!site) return [];
  const usable = alternatives.filter((alternative) => splitId(alternative.id).ecosystem === declaration.ecosystem);
  return usable.map((alternative, index) => ({
    title: `Replace ${declaration.name} with domestic ${splitId(alternative.id).name} (reaches ${alternative.reaches})`,
    ...(index === 0 ? { isPreferred: true } : {}),
    edits: rewrite(site, splitId(alternative.id).name, alternative.version),
  }));
}

/** "Pin to the locked version" in the declaration's own syntax; none where a rewrite would drop what else it says. */
export function pinFix(declaration: Declaration, version: string): Fix[] {
  const site = declaration.rewrite;
  const extras = declaration.extras?.length ? `[${declaration.extras.join(',')}]` : '';
  const title = `Pin ${declaration.name} to ${version}, the version the lockfile resolves`;
  const entry = declaration.catalog?.entry;
  if (entry) {
    if (holdsVersionInProtocol(entry.spec)) return [];
    // The range lives in the workspace's catalog, shared by every package that names it: pin it there (an alias stays one).
    const newText = `${entry.quote}${writtenSpec({ ...declaration, versionSpec: version })}${entry.quote}`;
    const inCatalog = `Pin ${declaration.name} to ${version} in the ${declaration.catalog!.catalog} catalog, the version the lockfile resolves`;
    return [{ title: inCatalog, isPreferred: true, edits: [{ file: entry.file, range: entry.range, newText }, ...lockPinEdits(declaration)] }];
  }
  // A catalog without an entry for the package: there is no place to pin it.
  if (declaration.catalog) return [];
  switch (site?.syntax) {
    case 'package-json': {
      // An alias (`"vite": "npm:rolldown-vite@^7"`) stays an alias of the package it installs.
      const spec = writtenSpec({ ...declaration, versionSpec: version });
      const edits: TextEdit[] = [{ range: site.range, newText: `${JSON.stringify(declaration.name)}: ${JSON.stringify(spec)}` }];
      // pnpm and Yarn 2+ record the spec too, and call their lockfile out of date when the two differ: both change, as
      // their install would.
      return [{ title, isPreferred: true, edits: [...edits, ...lockPinEdits(declaration)] }];
    }
    case 'pep508':
      return [{ title, isPreferred: true, edits: [{ range: site.range, newText: `${declaration.name}${extras}==${version}` }] }];
    case 'pipfile':
      // A key's extras (`"dvc[gs]"`) stay with the package they install.
      return [{ title, isPreferred: true, edits: [{ range: site.range, newText: `${tomlKey(`${declaration.name}${extras}`)} = ${JSON.stringify(`==${version}`)}` }] }];
    case 'pipfile-table': {
      // Only the version changes: the table's extras, index and markers stay as they are.
      const pinned = JSON.stringify(`==${version}`);
      if (site.version) return [{ title, isPreferred: true, edits: [{ range: site.version, newText: pinned }] }];
      return site.versionAt ? [{ title, isPreferred: true, edits: [{ range: site.versionAt, newText: `version = ${pinned}, ` }] }] : [];
    }
    default:
      return [];
  }
}

function rewrite(site: RewriteSite, name: string, version: string | undefined): TextEdit[] {
  switch (site.syntax) {
    case 'package-json':
      return [{ range: site.range, newText: `${JSON.stringify(name)}: ${JSON.stringify(version ? `^${version}` : '*')}` }];
    case 'pep508':
      // A replaced package's hashes belong to the old package: they go with it.
      return [
        { range: site.range, newText: version ? `${name}>=${version}` : name },
        ...site.extraDeletions.map((range) => ({ range, newText: '' })),
      ];
    case 'poetry': {
      // `optional = true` and the Python range stay: they say how the project uses the dependency, whichever it is.
      const spec = JSON.stringify(version ? `^${version}` : '*');
      const value = site.kept ? `{ version = ${spec}, ${site.kept.join(', ')} }` : spec;
      // The extras that installed the old package install the new one.
      return [{ range: site.range, newText: `${tomlKey(name)} = ${value}` }, ...(site.extras ?? []).map((range) => ({ range, newText: name }))];
    }
    case 'pipfile':
    case 'pipfile-table':
      // Pipfile takes pip's specifiers, not Poetry's caret. A table's extras and markers were the old package's.
      return [{ range: site.range, newText: `${tomlKey(name)} = ${JSON.stringify(version ? `>=${version}` : '*')}` }];
    case 'yaml-scalar':
      return [{ range: site.range, newText: `${site.quote}${name}${site.quote}` }];
  }
}

/** What the pin changes in a lockfile that records the spec (pnpm, Yarn 4), as its install would. */
function lockPinEdits(declaration: Declaration): TextEdit[] {
  const lockPin = declaration.lockPin;
  return lockPin ? lockPin.edits.map((edit) => ({ file: lockPin.file, ...edit })) : [];
}

/** A bare TOML key when the name allows it, a quoted one otherwise. */
function tomlKey(name: string): string {
  return /^[A-Za-z0-9_-]+$/.test(name) ? name : JSON.stringify(name);
}
