// sovereign-lint.json (SPEC §5): one config file parsed tolerantly, validated against
// rules/schema/config.schema.json with every problem placed at its exact range, and turned into a
// layer that the resolver stacks with the configs it extends. Pure data: nothing is ever executed.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import configSchema from '../../../rules/schema/config.schema.json';
import { normaliseLicense } from '../../../rules/src/licenses';
import type { ExceptionDeclaration, KbEntry, Range, Severity, Target } from '../../../rules/src/types';
import { LineIndex } from '../text/lineIndex';
import { MAX_NESTING, nestsTooDeep } from '../text/nesting';
import { sameRange } from '../text/ranges';
import type { Attestation } from './classify';

/** Where a value was declared: a config file (absolute path) or a built-in preset (`sovereign-lint:…`). */
export interface Declared {
  source: string;
  range?: Range;
}

export interface Exception extends ExceptionDeclaration {
  declared?: Declared;
}

/** Exclusion globs (relative to the folder of the config that applies, see ConfigResolver) and the file declaring them. */
export interface Exclusion {
  source: string;
  patterns: string[];
}

export interface Config {
  target?: Target;
  jurisdiction?: string;
  rules: Record<string, Severity>;
  attestations: Attestation[];
  exceptions: Exception[];
  exclude: Exclusion[];
}

export interface ConfigProblem {
  range: Range;
  message: string;
  severity?: 'error' | 'warning';
}

export interface RawAttestation {
  origin: string;
  owner?: string;
  license?: string;
  evidence: string;
}

export interface RawSettings {
  target?: Target;
  jurisdiction?: string;
  rules?: Record<string, Severity>;
  components?: Record<string, RawAttestation>;
  ignore?: { component: string; reason: string; until?: string }[];
  exclude?: string[];
}

export interface RawConfig extends RawSettings {
  extends?: string | string[];
  overrides?: (RawSettings & { files: string | string[] })[];
}

/** A config file as read: its data (when valid), its syntax tree for placing things, and its problems. */
export interface ParsedConfig {
  raw?: RawConfig;
  root?: Node;
  lines: LineIndex;
  problems: ConfigProblem[];
}

// Compiled on first use: most scanned trees have no config, and compiling costs tens of milliseconds at start-up.
let compiledValidator: ValidateFunction<RawConfig> | undefined;
const validate = (raw: unknown): raw is RawConfig =>
  (compiledValidator ??= new Ajv({ allErrors: true, strict: false }).compile<RawConfig>(configSchema))(raw);
const lastValidationErrors = (): ErrorObject[] => compiledValidator?.errors ?? [];

export const EMPTY_CONFIG: Config = { rules: {}, attestations: [], exceptions: [], exclude: [] };

export function parseConfigText(withBom: string): ParsedConfig {
  // A byte-order mark (Windows editors write one) is no part of the JSON, and editors do not show it.
  const text = withBom.charCodeAt(0) === 0xfeff ? withBom.slice(1) : withBom;
  const lines = new LineIndex(text);
  if (nestsTooDeep(text)) return { lines, problems: [{ message: `nested more than ${MAX_NESTING} levels deep; not read`, range: lines.range(0, 0) }] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || !root) {
    // The first syntax error only: the ones after it are usually its echoes.
    return {
      lines,
      problems: errors.slice(0, 1).map((error) => ({
        message: `not valid JSON: ${printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`,
        range: lines.range(error.offset, error.offset + error.length),
      })),
    };
  }
  const raw: unknown = JSON.parse(text);
  if (!validate(raw)) {
    return { root, lines, problems: mergeAlternatives(lastValidationErrors().filter(isReportable).map((error) => placeSchemaError(error, root, lines))) };
  }
  const problems = meaningProblems(raw, root, lines);
  if (problems.length > 0) return { root, lines, problems };
  return { raw, root, lines, problems: duplicateKeys(root, lines) };
}

/** A key given twice in one object: JSON keeps the last, which the author may not know; said, not refused. */
function duplicateKeys(root: Node, lines: LineIndex): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const visit = (node: Node) => {
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (!key || typeof key.value !== 'string') continue;
        if (seen.has(key.value)) {
          problems.push({ severity: 'warning', message: `"${key.value}" is given more than once: the last one applies`, range: lines.range(key.offset, key.offset + key.length) });
        }
        seen.add(key.value);
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return problems;
}

/**
 * What the schema's patterns cannot say: an `until` that is no day of the calendar (`2027-13-45`), an attested
 * licence that names no licence. Each would otherwise be taken at its word, silently.
 */
function meaningProblems(raw: RawConfig, root: Node, lines: LineIndex): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const at = (path: (string | number)[]) => nodeRange(findNodeAtLocation(root, path) ?? root, lines);
  const check = (settings: RawSettings, path: (string | number)[]) => {
    (settings.ignore ?? []).forEach((item, index) => {
      if (item.until !== undefined && !isCalendarDate(item.until)) {
        problems.push({ message: `${[...path, 'ignore', index, 'until'].join('.')}: ${item.until} is not a day of the calendar`, range: at([...path, 'ignore', index, 'until']) });
      }
    });
    for (const [pattern, fact] of Object.entries(settings.components ?? {})) {
      if (fact.license !== undefined && normaliseLicense(fact.license) === undefined) {
        problems.push({
          message: `${[...path, 'components', pattern, 'license'].join('.')}: "${fact.license}" is not an SPDX licence expression (LicenseRef-… names one SPDX does not list)`,
          range: at([...path, 'components', pattern, 'license']),
        });
      }
    }
  };
  check(raw, []);
  (raw.overrides ?? []).forEach((override, index) => check(override, ['overrides', index]));
  return problems;
}

/** `YYYY-MM-DD` naming a real day: the schema checks the shape only. */
function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** One standalone config (no `extends` followed): its settings, or its problems. */
export function parseConfig(text: string): { config?: Config; problems: ConfigProblem[] } {
  const parsed = parseConfigText(text);
  return parsed.raw ? { config: layerOf(parsed.raw, { source: '<config>' }, parsed), problems: [] } : { problems: parsed.problems };
}

/** The settings a raw config (or one of its overrides) contributes, remembering where each came from. */
export function layerOf(raw: RawSettings, declared: Declared, parsed?: ParsedConfig, path: (string | number)[] = []): Config {
  const at = (...more: (string | number)[]): Declared => ({ ...declared, ...(parsed ? { range: rangeAt(parsed, [...path, ...more]) } : {}) });
  return {
    ...(raw.target ? { target: raw.target } : {}),
    ...(raw.jurisdiction ? { jurisdiction: raw.jurisdiction } : {}),
    rules: raw.rules ?? {},
    attestations: Object.entries(raw.components ?? {}).map(([pattern, fact]) => ({ pattern, entry: attestedEntry(pattern, fact) })),
    exceptions: (raw.ignore ?? []).map((item, index) => ({
      pattern: item.component,
      reason: item.reason,
      ...(item.until ? { until: item.until } : {}),
      declared: at('ignore', index, ...(item.until ? ['until'] : [])),
    })),
    exclude: raw.exclude?.length ? [{ source: declared.source, patterns: raw.exclude }] : [],
  };
}

/** Stacks `layer` on `base`: scalars and per-key settings of the later layer win; lists accumulate. */
export function mergeConfig(base: Config, layer: Config): Config {
  return {
    ...base,
    ...(layer.target ? { target: layer.target } : {}),
    ...(layer.jurisdiction ? { jurisdiction: layer.jurisdiction } : {}),
    rules: { ...base.rules, ...layer.rules },
    // Later attestations of the same pattern win; the placement takes the first match, so they go first.
    attestations: [...layer.attestations, ...base.attestations.filter((a) => !layer.attestations.some((b) => b.pattern === a.pattern))],
    exceptions: [...base.exceptions, ...layer.exceptions],
    exclude: [...base.exclude, ...layer.exclude],
  };
}

/** The range of the value at `path` in a parsed config (the whole file when it is not there). */
export function rangeAt(parsed: ParsedConfig, path: (string | number)[]): Range {
  const node = parsed.root ? (findNodeAtLocation(parsed.root, path) ?? parsed.root) : undefined;
  return node ? nodeRange(node, parsed.lines) : parsed.lines.range(0, 0);
}

function attestedEntry(pattern: string, fact: RawAttestation): KbEntry {
  return {
    id: pattern,
    owner: fact.owner ?? 'attested by the team',
    origin: fact.origin,
    // Spelt as the team wrote it (`mit`, `Apache 2.0`), read as the SPDX expression it means.
    ...(fact.license ? { license: normaliseLicense(fact.license) ?? fact.license } : {}),
    note: `attested in sovereign-lint.json: ${fact.evidence}`,
    // Attestation evidence may be internal (a registry, a contract), not a public URL.
    evidence: [fact.evidence],
  };
}

/**
 * A value that may take one of several shapes fails each (`extends: must be a string`, `extends: must be a list`):
 * said once, as the alternatives it has ("extends: must be a string or a list").
 */
function mergeAlternatives(problems: ConfigProblem[]): ConfigProblem[] {
  const merged: ConfigProblem[] = [];
  for (const problem of problems) {
    const previous = merged.at(-1);
    const [, where, shape] = /^(.*): must be (.*)$/.exec(problem.message) ?? [];
    if (previous && where !== undefined && previous.message.startsWith(`${where}: must be `) && sameRange(previous.range, problem.range)) {
      previous.message += ` or ${shape}`;
    } else {
      merged.push({ ...problem });
    }
  }
  return merged;
}

/** `propertyNames` failures come with a second, vaguer error for the same key; `oneOf` repeats its branches' errors. */
function isReportable(error: ErrorObject): boolean {
  return error.keyword !== 'propertyNames' && error.keyword !== 'oneOf';
}

function placeSchemaError(error: ErrorObject, root: Node, lines: LineIndex): ConfigProblem {
  const path = error.instancePath.split('/').slice(1).map((part) => {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(key) ? Number(key) : key;
  });
  const node = findNodeAtLocation(root, path) ?? root;
  const where = path.length ? path.join('.') : 'config';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      return { message: `${where}: unknown key "${key}"`, range: keyRange(node, key, lines) };
    }
    case 'enum': {
      // An invalid property name (e.g. an unknown rule id) arrives with the name as the failing instance.
      if (error.propertyName !== undefined) {
        return {
          message: `${where}: "${error.propertyName}" is not one of ${formatAllowed(params.allowedValues)}`,
          range: keyRange(node, error.propertyName, lines),
        };
      }
      return { message: `${where}: must be one of ${formatAllowed(params.allowedValues)}`, range: nodeRange(node, lines) };
    }
    case 'required':
      return { message: `${where}: missing required "${String(params.missingProperty)}"`, range: nodeRange(node, lines) };
    case 'pattern':
      if (error.propertyName !== undefined) {
        return {
          message: `${where}: "${error.propertyName}" is not a component id or pattern (ecosystem:name, e.g. npm:@acme/*)`,
          range: keyRange(node, error.propertyName, lines),
        };
      }
      return { message: `${where}: ${describePattern(String(params.pattern))}`, range: nodeRange(node, lines) };
    case 'type':
      return { message: `${where}: must be ${describeType(String(params.type))}`, range: nodeRange(node, lines) };
    default:
      return { message: `${where}: ${error.message ?? 'invalid'}`, range: nodeRange(node, lines) };
  }
}

function describeType(type: string): string {
  return type === 'array' ? 'a list' : type === 'object' ? 'an object' : `a ${type}`;
}

function describePattern(pattern: string): string {
  if (pattern.includes('\\d{4}')) return 'must be a date, YYYY-MM-DD';
  if (pattern.includes('[A-Z]{2}')) return 'must be an ISO 3166-1 alpha-2 country code such as RU';
  if (pattern.includes('npm|pypi')) return 'must be a component id or pattern (ecosystem:name, e.g. pypi:numpy)';
  return `must match ${pattern}`;
}

function formatAllowed(values: unknown): string {
  return Array.isArray(values) ? values.map((value) => JSON.stringify(value)).join(', ') : 'the allowed values';
}

function keyRange(objectNode: Node, key: string, lines: LineIndex): Range {
  const property = objectNode.children?.find((child) => child.children?.[0]?.value === key);
  const keyNode = property?.children?.[0] ?? objectNode;
  return nodeRange(keyNode, lines);
}

function nodeRange(node: Node, lines: LineIndex): Range {
  // A whole object or array is marked at its first character only, like a compiler's squiggle.
  const end = node.type === 'object' || node.type === 'array' ? node.offset + 1 : node.offset + node.length;
  return lines.range(node.offset, end);
}
