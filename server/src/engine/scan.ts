// A workspace scan: every manifest under the given paths (and every requirements file they include),
// linted with one classifier, summed up in one verdict. A file that cannot be read becomes an error
// entry and the scan goes on.
import fs from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from '../../../rules/src/kb';
import type { Range, Target } from '../../../rules/src/types';
import { type ManifestKind, manifestKind } from '../readers/index';
import { decodeManifest } from '../text/source';
import { Classifier } from './classify';
import { type Config, EMPTY_CONFIG } from './config';
import { type FileReport, type Finding, lintFile, type LintOptions } from './lint';
import { KnowledgePlacement } from './placement';
import { computeVerdict, type Verdict } from './verdict';
import { findManifests } from './walk';

export interface ScanOptions {
  kb: KnowledgeBase;
  config?: Config;
  /** Overrides the config's target. */
  target?: Target;
  /** Overrides the config's jurisdiction. */
  jurisdiction?: string;
  /** Where relative paths start (the CLI's working directory). */
  cwd: string;
  today: string;
}

export interface ScanError {
  file: string;
  message: string;
  range?: Range;
}

export interface ScanResult {
  root: string;
  target: Target;
  jurisdiction: string;
  kbVersion: string;
  files: FileReport[];
  findings: Finding[];
  errors: ScanError[];
  verdict: Verdict;
}

/** A path given to the scan that does not exist or is not something it reads. */
export class ScanInputError extends Error {}

export function scan(paths: readonly string[], options: ScanOptions): ScanResult {
  const absolute = (paths.length ? paths : ['.']).map((p) => path.resolve(options.cwd, p));
  const root = absolute.length === 1 && isDirectory(absolute[0]!) ? absolute[0]! : options.cwd;
  const lintOptions = createLintOptions(root, options);
  const { target, classifier } = lintOptions;
  const jurisdiction = classifier.jurisdiction;

  const queue: { file: string; kind: ManifestKind }[] = absolute.flatMap((input) => inputsOf(input, root));
  const seen = new Set(queue.map((item) => item.file));
  const files: FileReport[] = [];
  const errors: ScanError[] = [];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const outcome = lintDiskFile(next.file, next.kind, lintOptions);
    errors.push(...outcome.errors);
    const report = outcome.report;
    if (!report) continue;
    files.push(report);
    for (const include of report.includes) {
      const included = path.resolve(root, path.dirname(report.file), include.path);
      if (seen.has(included)) continue;
      seen.add(included);
      if (!fs.existsSync(included)) {
        errors.push({ file: report.file, message: `included file ${include.path} does not exist`, range: include.range });
      } else {
        queue.push({ file: included, kind: 'requirements' });
      }
    }
  }
  const findings = files.flatMap((file) => file.findings);
  const filesWithErrors = new Set(errors.map((error) => error.file)).size;
  return {
    root,
    target,
    jurisdiction,
    kbVersion: options.kb.version,
    files,
    findings,
    errors,
    verdict: computeVerdict(findings, target, filesWithErrors),
  };
}

/** Lint options for a root: explicit target and jurisdiction win over the config, the config over the defaults. */
export function createLintOptions(
  root: string,
  options: Pick<ScanOptions, 'kb' | 'config' | 'target' | 'jurisdiction' | 'today'>,
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
  };
}

function inputsOf(input: string, root: string): { file: string; kind: ManifestKind }[] {
  if (!fs.existsSync(input)) throw new ScanInputError(`${input} does not exist`);
  if (isDirectory(input)) {
    return findManifests(input).map((file) => {
      const absolute = path.join(input, file);
      return { file: absolute, kind: manifestKind(relativeTo(root, absolute))! };
    });
  }
  const kind = manifestKind(input.split(path.sep).join('/'));
  if (!kind) throw new ScanInputError(`${input} is not a manifest Sovereign Lint reads (package.json, requirements*.txt, pyproject.toml, *.md cards)`);
  return [{ file: input, kind }];
}

/** What linting one file gave: its report (none for a Markdown file that is no card) and its errors. */
export interface FileOutcome {
  file: string;
  report?: FileReport;
  errors: ScanError[];
}

/** Lints one manifest from disk; never throws. */
export function lintDiskFile(absolute: string, kind: ManifestKind, options: LintOptions): FileOutcome {
  const file = relativeTo(options.root, absolute);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(absolute);
  } catch (error) {
    return { file, errors: [{ file, message: `could not be read: ${messageOf(error)}` }] };
  }
  const decoded = decodeManifest(bytes);
  if (!decoded.ok) {
    // A Markdown file we cannot decode is no card of ours; any other manifest is an error.
    return { file, errors: kind === 'card' ? [] : [{ file, message: decoded.message }] };
  }
  return lintSourceText(file, kind, decoded.text, options);
}

/** Lints one manifest's text (from disk or an editor buffer); never throws. */
export function lintSourceText(file: string, kind: ManifestKind, text: string, options: LintOptions): FileOutcome {
  try {
    const report = lintFile(file, kind, text, options);
    if (!report) return { file, errors: [] };
    return { file, report, errors: report.problems.map((problem) => ({ file, message: problem.message, range: problem.range })) };
  } catch (error) {
    // An engine bug must cost one file, not the scan or the language server.
    return { file, errors: [{ file, message: `internal error while reading this file: ${messageOf(error)}` }] };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function relativeTo(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

function isDirectory(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
