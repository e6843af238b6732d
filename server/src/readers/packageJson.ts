// package.json: the four dependency sections (relation recorded) and the project's own licence.
// jsonc-parser recovers from errors, so a half-typed file still yields every component before the
// error, and the error itself becomes a problem at its position.
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { componentId } from '../../../rules/src/ids';
import { npmAlias, npmDirectReference } from '../../../rules/src/npmSpecs';
import type { Declaration, Relation } from '../../../rules/src/types';
import { LineIndex } from '../text/lineIndex';
import { emptyResult, type ReadResult } from './types';

const SECTIONS: Record<string, Relation> = {
  dependencies: 'direct',
  devDependencies: 'dev',
  peerDependencies: 'peer',
  optionalDependencies: 'optional',
};

export function readPackageJson(text: string): ReadResult {
  const lines = new LineIndex(text);
  const result = emptyResult();
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  // Report the first error only: later ones are usually consequences of it.
  const [first] = errors;
  if (first) {
    result.problems.push({
      message: `package.json is not valid JSON: ${describeError(first)}`,
      range: lines.range(first.offset, first.offset + first.length),
    });
  }
  if (root && root.type !== 'object' && !first) {
    result.problems.push({
      message: `package.json must hold a JSON object (found ${root.type})`,
      range: lines.range(root.offset, root.offset + root.length),
    });
  }
  if (root?.type !== 'object') return result;
  // A dependency with a parse error inside it is still being typed (`"reac`, `"react": "^1`): its name
  // or spec is not known yet, so it is left out; everything around it is read.
  const broken = (node: Node) => errors.some((error) => error.offset >= node.offset && error.offset < node.offset + node.length);

  for (const property of root.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || !value) continue;
    const relation = SECTIONS[key.value as string];
    if (relation && value.type === 'object') {
      for (const dependency of value.children ?? []) {
        if (broken(dependency)) continue;
        const declaration = readDependency(dependency, relation, key.value as string, lines);
        if (declaration) result.declarations.push(declaration);
      }
    } else if (key.value === 'name' && value.type === 'string' && !broken(property)) {
      result.ownName = value.value as string;
    } else if (key.value === 'license' && value.type === 'string' && !broken(property)) {
      result.licenses.push({
        value: value.value as string,
        range: lines.range(value.offset + 1, value.offset + value.length - 1),
        dialect: 'spdx',
      });
    }
  }
  return result;
}

function readDependency(property: Node, relation: Relation, section: string, lines: LineIndex): Declaration | undefined {
  const [key, value] = property.children ?? [];
  if (!key || typeof key.value !== 'string' || key.value === '') return undefined;
  const name = key.value;
  const spec = value?.type === 'string' ? (value.value as string) : undefined;
  // `"alias": "npm:real-package@^1"` installs real-package under another name.
  const alias = spec ? npmAlias(spec) : undefined;
  const reference = spec ? npmDirectReference(spec) : undefined;
  const end = value ? value.offset + value.length : key.offset + key.length;
  const declaration: Declaration = {
    id: componentId('npm', alias ? alias.name : name),
    ecosystem: 'npm',
    name,
    relation: reference?.kind === 'path' && spec?.startsWith('workspace:') ? 'workspace' : relation,
    group: section,
    range: lines.range(key.offset + 1, key.offset + key.length - 1),
    rewrite: { syntax: 'package-json', range: lines.range(key.offset, end), hasVersion: spec !== undefined },
  };
  // Set only when present, without a throwaway object per field: a monorepo declares tens of thousands.
  if (spec !== undefined) declaration.versionSpec = alias ? alias.range : spec;
  if (reference) declaration.directReference = reference;
  return declaration;
}

function describeError(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  // "PropertyNameExpected" → "property name expected"
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
