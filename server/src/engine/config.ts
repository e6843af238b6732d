// sovereign-lint.json (SPEC §5): parsed tolerantly, validated against rules/schema/config.schema.json,
// every problem placed at its exact range. Pure data: nothing in a config is ever executed.
import Ajv, { type ErrorObject } from 'ajv';
import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import configSchema from '../../../rules/schema/config.schema.json';
import type { KbEntry, Range, Severity, Target } from '../../../rules/src/types';
import { LineIndex } from '../text/lineIndex';
import type { Attestation } from './classify';

export interface Exception {
  pattern: string;
  reason: string;
  until?: string;
}

export interface Config {
  target?: Target;
  jurisdiction?: string;
  rules: Record<string, Severity>;
  attestations: Attestation[];
  exceptions: Exception[];
}

export interface ConfigProblem {
  range: Range;
  message: string;
}

interface RawConfig {
  target?: Target;
  jurisdiction?: string;
  rules?: Record<string, Severity>;
  components?: Record<string, { origin: string; owner?: string; license?: string; evidence: string }>;
  ignore?: { component: string; reason: string; until?: string }[];
}

const validate = new Ajv({ allErrors: true, strict: false }).compile<RawConfig>(configSchema);

export const EMPTY_CONFIG: Config = { rules: {}, attestations: [], exceptions: [] };

export function parseConfig(text: string): { config?: Config; problems: ConfigProblem[] } {
  const lines = new LineIndex(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || !root) {
    return {
      problems: errors.map((error) => ({
        message: printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(),
        range: lines.range(error.offset, error.offset + error.length),
      })),
    };
  }
  const raw: unknown = JSON.parse(text);
  if (!validate(raw)) {
    return { problems: (validate.errors ?? []).filter(isReportable).map((error) => placeSchemaError(error, root, lines)) };
  }
  return { config: toConfig(raw), problems: [] };
}

function toConfig(raw: RawConfig): Config {
  return {
    ...(raw.target ? { target: raw.target } : {}),
    ...(raw.jurisdiction ? { jurisdiction: raw.jurisdiction } : {}),
    rules: raw.rules ?? {},
    attestations: Object.entries(raw.components ?? {}).map(([pattern, fact]) => ({
      pattern,
      entry: attestedEntry(pattern, fact),
    })),
    exceptions: (raw.ignore ?? []).map((item) => ({
      pattern: item.component,
      reason: item.reason,
      ...(item.until ? { until: item.until } : {}),
    })),
  };
}

function attestedEntry(pattern: string, fact: NonNullable<RawConfig['components']>[string]): KbEntry {
  return {
    id: pattern,
    owner: fact.owner ?? 'attested by the team',
    origin: fact.origin,
    ...(fact.license ? { license: fact.license } : {}),
    note: `attested in sovereign-lint.json: ${fact.evidence}`,
    // Attestation evidence may be internal (a registry, a contract), not a public URL.
    evidence: [fact.evidence],
  };
}

/** `propertyNames` failures come with a second, vaguer error for the same key; keep the specific one. */
function isReportable(error: ErrorObject): boolean {
  return error.keyword !== 'propertyNames';
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
    default:
      return { message: `${where}: ${error.message ?? 'invalid'}`, range: nodeRange(node, lines) };
  }
}

function describePattern(pattern: string): string {
  if (pattern.includes('\\d{4}')) return 'must be a date, YYYY-MM-DD';
  if (pattern.includes('[A-Z]{2}')) return 'must be an ISO 3166-1 alpha-2 country code such as RU';
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
  // A whole object or array is marked at its first line only, like a compiler's squiggle.
  const end = node.type === 'object' || node.type === 'array' ? node.offset + 1 : node.offset + node.length;
  return lines.range(node.offset, end);
}
