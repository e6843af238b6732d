// package.json: the four dependency sections (relation recorded) and the project's own licence.
// jsonc-parser recovers from errors, so a half-typed file still yields every component before the
// error, and the error itself becomes a problem at its position.
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { componentId } from '../../../rules/src/ids';
import { holdsVersionInProtocol, npmAlias, npmDirectReference } from '../../../rules/src/npmSpecs';
import type { Declaration, Range, Relation } from '../../../rules/src/types';
import { LineIndex } from '../text/lineIndex';
import { emptyResult, type Problem, type ReadResult } from './types';

const SECTIONS = new Map<unknown, Relation>([
  ['dependencies', 'direct'],
  ['devDependencies', 'dev'],
  ['peerDependencies', 'peer'],
  ['optionalDependencies', 'optional'],
]);

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

  /** A key written twice: npm reads the file with JSON.parse, whose last value wins, so that is the one read. */
  const lastOf = (properties: readonly Node[]) => {
    const last = new Map<unknown, Node>();
    for (const property of properties) {
      const key = property.children?.[0];
      if (!key) continue;
      const earlier = last.get(key.value);
      if (earlier) result.problems.push(repeated(earlier, lines));
      last.set(key.value, property);
    }
    return (property: Node) => last.get(property.children?.[0]?.value) === property;
  };
  const isRead = lastOf((root.children ?? []).filter((property) => SECTIONS.has(property.children?.[0]?.value)));
  for (const property of root.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || !value) continue;
    const relation = SECTIONS.get(key.value);
    if (relation && !isRead(property)) continue;
    if (relation && value.type !== 'object') {
      // npm installs nothing from a list or a string here: said, rather than read as no dependencies.
      result.problems.push({ message: `"${key.value}" must map package names to versions (it is ${describeType(value)}): not read`, range: keyRange(key, lines) });
    } else if (relation) {
      const isLast = lastOf(value.children ?? []);
      for (const dependency of value.children ?? []) {
        if (broken(dependency) || !isLast(dependency)) continue;
        const declaration = readDependency(dependency, relation, key.value as string, lines);
        if (declaration) result.declarations.push(declaration);
      }
    } else if (key.value === 'workspaces' && (value.type === 'array' || value.type === 'object')) {
      result.listsMembers = true;
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
  const alias = spec ? npmAlias(spec, name) : undefined;
  const reference = spec ? npmDirectReference(spec) : undefined;
  const end = value ? value.offset + value.length : key.offset + key.length;
  const declaration: Declaration = {
    id: componentId('npm', alias ? alias.name : name),
    ecosystem: 'npm',
    name,
    relation: reference?.kind === 'path' && spec?.startsWith('workspace:') ? 'workspace' : relation,
    group: section,
    range: keyRange(key, lines),
  };
  if (!spec || !holdsVersionInProtocol(spec)) declaration.rewrite = { syntax: 'package-json', range: lines.range(key.offset, end), hasVersion: spec !== undefined };
  // Set only when present, without a throwaway object per field: a monorepo declares tens of thousands.
  if (spec !== undefined) declaration.versionSpec = alias ? alias.range : spec;
  if (reference) declaration.directReference = reference;
  return declaration;
}

/** The problem of a key given again later in its object. */
function repeated(property: Node, lines: LineIndex): Problem {
  const key = property.children![0]!;
  return { message: `"${key.value}" is given more than once: npm reads the last one`, range: keyRange(key, lines) };
}

/** A key's text, without its quotes. */
function keyRange(key: Node, lines: LineIndex): Range {
  return lines.range(key.offset + 1, key.offset + key.length - 1);
}

function describeType(value: Node): string {
  return value.type === 'array' ? 'a list' : value.type === 'string' ? 'a string' : value.type === 'null' ? 'null' : `a ${value.type}`;
}

function describeError(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  // "PropertyNameExpected" → "property name expected"
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
