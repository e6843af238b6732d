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
  const config = options.config ?? EMPTY_CONFIG;
  const target = options.target ?? config.target ?? 'sovereign';
  const jurisdiction = options.jurisdiction ?? config.jurisdiction ?? 'RU';
  const absolute = (paths.length ? paths : ['.']).map((p) => path.resolve(options.cwd, p));
  const root = absolute.length === 1 && isDirectory(absolute[0]!) ? absolute[0]! : options.cwd;
  const lintOptions: LintOptions = {
    classifier: new Classifier(new KnowledgePlacement(options.kb, config.attestations), jurisdiction),
    target,
    severities: config.rules,
    exceptions: config.exceptions,
    today: options.today,
    root,
  };

  const queue: { file: string; kind: ManifestKind }[] = absolute.flatMap((input) => inputsOf(input, root));
  const seen = new Set(queue.map((item) => item.file));
  const files: FileReport[] = [];
  const errors: ScanError[] = [];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const report = readAndLint(next.file, next.kind, root, lintOptions, errors);
    if (!report) continue;
    files.push(report);
    for (const problem of report.problems) errors.push({ file: report.file, message: problem.message, range: problem.range });
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

function readAndLint(
  absolute: string,
  kind: ManifestKind,
  root: string,
  options: LintOptions,
  errors: ScanError[],
): FileReport | undefined {
  const file = relativeTo(root, absolute);
  try {
    const decoded = decodeManifest(fs.readFileSync(absolute));
    if (!decoded.ok) {
      // A Markdown file we cannot decode is no card of ours; any other manifest is an error.
      if (kind !== 'card') errors.push({ file, message: decoded.message });
      return undefined;
    }
    return lintFile(file, kind, decoded.text, options);
  } catch (error) {
    errors.push({ file, message: `could not be read: ${error instanceof Error ? error.message : String(error)}` });
    return undefined;
  }
}

function relativeTo(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

function isDirectory(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
