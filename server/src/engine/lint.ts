// One file through the policy: read its declarations, place and classify each, run every rule,
// and turn reports into findings with severities, exceptions and fix edits.
import path from 'node:path';
import { componentId, patternMatches } from '../../../rules/src/ids';
import { blocksOf, type FixIntent, formatMessage, type Report, type Rule, severityOf } from '../../../rules/src/rule';
import { rules } from '../../../rules/src/rules/index';
import type { Assessment, Blocks, Declaration, LineageStep, Range, Severity, Target } from '../../../rules/src/types';
import { type ManifestKind, readManifest } from '../readers/index';
import type { Problem, ReadResult } from '../readers/types';
import type { KnowledgeBase } from '../../../rules/src/kb';
import { Classifier } from './classify';
import { type Config, EMPTY_CONFIG, type Exception } from './config';
import { KnowledgePlacement } from './placement';
import { alternativeFixes, type Fix, pinFix } from './fixes';
import { type CatalogFinder, findCatalogs, withCatalog } from './catalogs';
import { findIgnoredLockfile, findLockfile, findUnreadableLockfile, isLockable, type LockfileFinder } from './lockfiles';
import { relativeTo } from './paths';
import { catalogNameOf } from '../readers/catalogs';
import { append } from '../../../rules/src/lists';

const START_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const ARCHIVE = /\.(whl|tar\.gz|tgz|tar\.bz2|tar\.xz|zip)$/i;

export interface FileEdit {
  file: string;
  range: Range;
  newText: string;
}

export interface FindingFix {
  title: string;
  isPreferred?: boolean;
  edits: FileEdit[];
}

/** A fix's edits by the file they change: a pin of a pnpm catalog entry edits the workspace file, not the finding's. */
export function editsByFile(fix: FindingFix): Map<string, FileEdit[]> {
  const byFile = new Map<string, FileEdit[]>();
  for (const edit of fix.edits) append(byFile, edit.file, edit);
  return byFile;
}

export interface Finding {
  rule: string;
  severity: Severity;
  blocks: Blocks;
  componentId?: string;
  file: string;
  range: Range;
  message: string;
  fixes: FindingFix[];
  /** The ancestors behind a foreign or unknown lineage, nearest first. */
  lineage?: LineageStep[];
  /** Other places the finding is about: the packages a dependency pulls in, where the lockfile locks them. */
  related?: { file: string; range: Range; message: string }[];
  /** Set when the team accepted this finding as a documented exception. */
  exception?: Exception;
}

export interface FileReport {
  file: string;
  /** `lockfile` for the transitive components a lockfile adds. */
  kind: ManifestKind | 'lockfile';
  /** The tier this file is held to (configs and overrides may differ across a tree). */
  target: Target;
  assessments: Assessment[];
  findings: Finding[];
  problems: Problem[];
  /** Requirement files this one includes with `-r` / `-c`, as written. */
  includes: { path: string; range: Range }[];
}

export interface LintOptions {
  classifier: Classifier;
  target: Target;
  severities: Record<string, Severity>;
  exceptions: readonly Exception[];
  /** Today as YYYY-MM-DD, for exceptions with an `until` date. */
  today: string;
  /** Absolute root of the scan: path dependencies inside it are the project's own code. */
  root: string;
  /** Ids of the packages the project's own manifests declare (workspace members): first-party code. */
  firstParty: ReadonlySet<string>;
  /** The lockfile that pins a manifest (path relative to the root), if any. */
  lockfileFor?: (file: string, kind: ManifestKind) => string | undefined;
  /** For a manifest without one: the lockfile it would have, had Git not been told to ignore it (absolute). */
  ignoredLockfileFor?: (file: string, kind: ManifestKind) => string | undefined;
  /** For a manifest without one: a lockfile beside it that no reader takes (absolute). */
  unreadableLockfileFor?: (file: string, kind: ManifestKind) => string | undefined;
  /** The catalogs (pnpm, Yarn, Bun) a package.json (path relative to the root) can name with `catalog:` specs. */
  catalogsFor?: (file: string) => ReturnType<CatalogFinder>;
}

/** Lints one manifest; undefined when a Markdown file is not a card. */
export function lintFile(file: string, kind: ManifestKind, text: string, options: LintOptions): FileReport | undefined {
  const read = readManifest(kind, text, path.posix.basename(file));
  return read && assessRead(file, kind, read, options);
}

/** Places, classifies and checks what a reader found in one file. */
export function assessRead(file: string, kind: ManifestKind | 'lockfile', read: ReadResult, options: LintOptions): FileReport {
  const findings: Finding[] = [];
  const lockfile = isLockable(kind) ? options.lockfileFor?.(file, kind) : undefined;
  if (isLockable(kind)) {
    const ignored = lockfile || read.declarations.length === 0 ? undefined : options.ignoredLockfileFor?.(file, kind);
    const unreadable = lockfile || ignored || read.declarations.length === 0 ? undefined : options.unreadableLockfileFor?.(file, kind);
    const manifest = {
      kind,
      dependencies: read.declarations.length,
      range: read.declarations[0]?.range ?? START_RANGE,
      ...(lockfile ? { lockfile } : ignored ? { ignoredLockfile: relativeTo(options.root, ignored) } : {}),
      ...(unreadable ? { unreadableLockfile: relativeTo(options.root, unreadable) } : {}),
    };
    for (const rule of rules) {
      const report = rule.checkManifest?.(manifest);
      if (report) findings.push(toFinding(rule, report, file, manifest.range, options));
    }
  }
  // Looked up once per file, and only when a dependency names a catalog.
  let catalogs: ReturnType<CatalogFinder> | null = null;
  const catalogsOfFile = () => (catalogs === null ? (catalogs = options.catalogsFor?.(file)) : catalogs);
  // What the file declares, looked up once and only for a replacement: an alternative it declares already is no fix.
  let declared: Set<string> | undefined;
  const isDeclared = (id: string) => (declared ??= new Set(read.declarations.map((other) => other.id))).has(id);
  const assessments = read.declarations.map((found) => {
    const declaration = kind === 'package-json' && catalogNameOf(found.versionSpec) ? withCatalog(found, catalogsOfFile(), options.root) : found;
    const assessment = options.classifier.assess(firstParty(declaration, file, options));
    for (const rule of rules) {
      const report = rule.checkComponent?.(assessment);
      if (report) findings.push(toFinding(rule, report, file, assessment.declaration.range, options, assessment, isDeclared));
    }
    return assessment;
  });
  for (const license of read.licenses) {
    for (const rule of rules) {
      const report = rule.checkLicense?.(license);
      if (report) findings.push(toFinding(rule, report, file, license.range, options));
    }
  }
  return {
    file,
    kind,
    target: options.target,
    assessments,
    findings,
    problems: read.problems,
    includes: read.includes.map(({ path: includePath, range }) => ({ path: includePath, range })),
  };
}

export function toFinding(
  rule: Rule,
  report: Report,
  file: string,
  range: Range,
  options: LintOptions,
  assessment?: Assessment,
  isDeclared: (id: string) => boolean = () => false,
): Finding {
  const id = assessment?.declaration.id;
  const severity = severityOf(rule.meta, report, options.target, options.severities[rule.meta.id]);
  const finding: Finding = {
    rule: rule.meta.id,
    severity,
    blocks: blocksOf(rule.meta, report),
    file,
    range,
    message: formatMessage(rule.meta.messages[report.messageId] ?? report.messageId, report.data),
    // A finding that is off still counts in the verdict (trusted readiness) but is never shown, so never fixed.
    fixes: report.fix && severity !== 'off' ? fixesOf(report.fix, file, range, assessment?.declaration, isDeclared) : NO_FIXES,
  };
  // Set only when present (a scan makes tens of thousands of findings; no throwaway objects for absent fields).
  if (id) finding.componentId = id;
  if (assessment?.lineage.length) finding.lineage = assessment.lineage;
  const exception = id && options.exceptions.length ? activeException(id, options) : undefined;
  if (exception) finding.exception = exception;
  return finding;
}

/** Shared by every finding without fixes; never changed. */
const NO_FIXES: FindingFix[] = [];

function fixesOf(fix: FixIntent, file: string, range: Range, declaration: Declaration | undefined, isDeclared: (id: string) => boolean): FindingFix[] {
  const fixes: Fix[] =
    fix.kind === 'replace-license'
      ? [{ title: fix.title, edits: [{ range, newText: fix.newText }] }]
      : !declaration
        ? []
        : fix.kind === 'use-alternative'
          ? // Renaming to a package the file declares already would declare it twice.
            alternativeFixes(declaration, fix.alternatives.filter((alternative) => !isDeclared(alternative.id)))
          : pinFix(declaration, fix.version);
  return fixes.map((item) => ({ ...item, edits: item.edits.map((edit) => ({ file, ...edit })) }));
}

/** An `ignore` entry that covers the component and has not lapsed. */
function activeException(id: string, options: LintOptions): Exception | undefined {
  return options.exceptions.find(
    (exception) => patternMatches(exception.pattern, id) && (!exception.until || exception.until >= options.today),
  );
}

/**
 * The project's own code is first-party (SPEC §2): a package one of its manifests declares (a workspace
 * member), or a path dependency on a folder inside the scanned root, named after the folder (`-e .`
 * names no package). A vendored archive is someone else's package.
 */
/** A package name, as opposed to a path standing in for one (`.`, `..`). */
const NAMES_A_PACKAGE = /^[@A-Za-z0-9]/;

function firstParty(declaration: Declaration, file: string, { root, firstParty: ownPackages }: LintOptions): Declaration {
  const reference = declaration.directReference;
  if (declaration.relation === 'workspace') return declaration;
  if (ownPackages.has(declaration.id) && (!reference || reference.kind === 'path')) return { ...declaration, relation: 'workspace' };
  if (!reference || (reference.kind !== 'path' && reference.kind !== 'editable')) return declaration;
  const target = reference.target.replace(/^(file|link|portal):/, '').replace(/[#?].*$/, '');
  if (/^[a-z][\w+.-]*:\/\//i.test(target) || ARCHIVE.test(target)) return declaration;
  const resolved = path.resolve(root, path.dirname(file), target);
  const relative = path.relative(root, resolved);
  // A declared name (`mylib = { path = … }`, `"@acme/x": "file:…"`) is the package's; `-e .` names none: the folder does.
  const name = NAMES_A_PACKAGE.test(declaration.name) ? declaration.name : path.basename(resolved) || resolved;
  const named = name === declaration.name ? declaration : { ...declaration, name, id: componentId(declaration.ecosystem, name) };
  // Outside the root it is someone else's folder: named after it, placed like any other package.
  if (relative.startsWith('..') || path.isAbsolute(relative)) return named;
  return { ...named, relation: 'workspace' };
}

/** Lint options for a root: explicit target and jurisdiction win over the config, the config over the defaults. */
export function createLintOptions(
  root: string,
  options: {
    kb: KnowledgeBase;
    config?: Config;
    target?: Target;
    jurisdiction?: string;
    today: string;
    firstParty?: ReadonlySet<string>;
    findLockfile?: LockfileFinder;
    findCatalogs?: CatalogFinder;
  },
): LintOptions {
  const config = options.config ?? EMPTY_CONFIG;
  return {
    classifier: new Classifier(
      new KnowledgePlacement(options.kb, config.attestations),
      options.jurisdiction ?? config.jurisdiction ?? 'RU',
    ),
    target: options.target ?? config.target ?? 'sovereign',
    severities: config.rules,
    exceptions: config.exceptions,
    today: options.today,
    root,
    firstParty: options.firstParty ?? new Set(),
    lockfileFor: (file, kind) => (options.findLockfile ?? findLockfile)(path.resolve(root, file), kind, root),
    ignoredLockfileFor: (file, kind) => findIgnoredLockfile(path.resolve(root, file), kind, root),
    unreadableLockfileFor: (file, kind) => findUnreadableLockfile(path.resolve(root, file), kind),
    catalogsFor: (file) => (options.findCatalogs ?? findCatalogs)(path.resolve(root, file), root),
  };
}
