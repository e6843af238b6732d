// What a rule is (typescript-eslint style): `meta` first, then the check. Rules judge assessed
// components and declared licences; the engine turns their reports into findings, ranges and edits.
import type {
  AlternativeRef,
  Assessment,
  Blocks,
  ExceptionDeclaration,
  LicenseDeclaration,
  ManifestDeclaration,
  Severity,
  Target,
} from './types';

export const RULE_DOCS_BASE = 'https://github.com/sovereign-lint/sovereign-lint/blob/main/docs/rules/';

export interface RuleMeta<MessageId extends string = string> {
  id: string;
  /** One line: what the rule fires on. */
  description: string;
  /** The tier a report of this rule stands in the way of, unless the report says more. */
  blocks: Blocks;
  /** Severity for each target tier when a report blocks `blocks`. */
  severity: Record<Target, Severity>;
  /** Whether reports may carry fixes. */
  fixable: boolean;
  /** Set when a report restates facts other findings already count (the verdict skips it). */
  restates?: boolean;
  /** Message templates keyed by id; `{{name}}` placeholders are filled from a report's data. */
  messages: Record<MessageId, string>;
  docs: string;
}

/** A fix as a rule states it; the engine writes the edit in the file's own syntax. */
export type FixIntent =
  | { kind: 'use-alternative'; alternatives: AlternativeRef[] }
  | { kind: 'replace-license'; title: string; newText: string }
  | { kind: 'pin-version'; version: string };

export interface Report<MessageId extends string = string> {
  messageId: MessageId;
  data: Record<string, string | undefined>;
  /** Set when this report blocks a higher tier than the rule's default (a closed-licence base model blocks national). */
  blocks?: Blocks;
  fix?: FixIntent;
}

export interface Rule<MessageId extends string = string> {
  meta: RuleMeta<MessageId>;
  checkComponent?(assessment: Assessment): Report<MessageId> | undefined;
  checkLicense?(license: LicenseDeclaration): Report<MessageId> | undefined;
  /** `today` as YYYY-MM-DD. */
  checkException?(exception: ExceptionDeclaration, today: string): Report<MessageId> | undefined;
  checkManifest?(manifest: ManifestDeclaration): Report<MessageId> | undefined;
  /** A direct dependency and the components the lockfile says it pulls in. */
  checkPulledIn?(direct: Assessment, pulled: readonly Assessment[]): Report<MessageId> | undefined;
}

/** Declares a rule, deriving its documentation address from its id. */
export function defineRule<MessageId extends string>(
  rule: { meta: Omit<RuleMeta<MessageId>, 'docs'> } & Omit<Rule<MessageId>, 'meta'>,
): Rule<MessageId> {
  return { ...rule, meta: { ...rule.meta, docs: `${RULE_DOCS_BASE}${rule.meta.id}.md` } };
}

export function formatMessage(template: string, data: Record<string, string | undefined>): string {
  const parts = templateParts(template);
  const pieces = [parts[0]!];
  // parts: text, then for each placeholder its whole `{{ key }}`, its key and the text after it.
  for (let i = 1; i < parts.length; i += 3) pieces.push(data[parts[i + 1]!] ?? parts[i]!, parts[i + 2]!);
  // Joined rather than concatenated: one flat string, not a rope of pieces kept alive with every finding.
  return pieces.join('');
}

/** Each template split once: a scan formats tens of thousands of messages. */
const splitTemplates = new Map<string, string[]>();

function templateParts(template: string): string[] {
  let parts = splitTemplates.get(template);
  if (!parts) {
    parts = template.split(/(\{\{\s*(\w+)\s*\}\})/);
    splitTemplates.set(template, parts);
  }
  return parts;
}

/** The severity of one report: a team's setting wins, a report that blocks national is an error for every target. */
export function severityOf(rule: RuleMeta, report: Report, target: Target, configured?: Severity): Severity {
  if (configured) return configured;
  if (report.blocks === 'national' && rule.blocks !== 'national') return 'error';
  return rule.severity[target];
}

/** The tier a report stands in the way of. */
export function blocksOf(rule: RuleMeta, report: Report): Blocks {
  return report.blocks ?? rule.blocks;
}
