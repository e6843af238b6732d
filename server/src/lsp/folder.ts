// One workspace folder as the language server keeps it: its settings, its config (the last good one
// while the file is broken), and the outcome of linting every manifest in it, from disk or from an
// open editor buffer.
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { KnowledgeBase } from '../../../rules/src/kb';
import type { Target } from '../../../rules/src/types';
import { type Config, type ConfigProblem, EMPTY_CONFIG, parseConfig } from '../engine/config';
import type { LintOptions } from '../engine/lint';
import {
  createLintOptions,
  type FileOutcome,
  firstPartyOf,
  judge,
  type ReadOutcome,
  readDiskFile,
  readSourceText,
  relativeTo,
} from '../engine/scan';
import { computeVerdict } from '../engine/verdict';
import { findManifests } from '../engine/walk';
import type { FolderVerdict } from '../protocol';
import { manifestKind } from '../readers/index';

/** Editor settings (`sovereignLint.*`) for one folder. A config file wins over them. */
export interface FolderSettings {
  target?: Target;
  jurisdiction?: string;
  configPath?: string;
  exclude: string[];
}

export const CONFIG_FILE_NAMES = ['sovereign-lint.json', '.sovereign-lint.json'];

export class Folder {
  private readonly outcomes = new Map<string, FileOutcome>();
  private config: Config = EMPTY_CONFIG;
  private firstParty: ReadonlySet<string> = new Set();
  private options!: LintOptions;
  settings: FolderSettings = { exclude: [] };
  configFile: string | undefined;
  configProblems: ConfigProblem[] = [];

  constructor(
    readonly uri: string,
    readonly root: string,
    readonly name: string,
    private readonly kb: KnowledgeBase,
    private readonly today: () => string,
  ) {
    this.refreshOptions();
  }

  contains(file: string): boolean {
    const relative = path.relative(this.root, file);
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  }

  /** Reads the folder's config (text from an open editor if `readOpen` has it); a broken one keeps the last good config. */
  loadConfig(readOpen: (file: string) => string | undefined): void {
    this.configFile = this.findConfigFile();
    this.configProblems = [];
    if (!this.configFile) {
      this.config = EMPTY_CONFIG;
    } else {
      const text = readOpen(this.configFile) ?? readIfExists(this.configFile);
      const parsed = text === undefined ? undefined : parseConfig(text);
      if (parsed?.config) this.config = parsed.config;
      this.configProblems = parsed?.problems ?? [];
    }
    this.refreshOptions();
  }

  /** Where attestations and exceptions go: the folder's config, or a new sovereign-lint.json at its root. */
  configTarget(): string {
    return this.configFile ?? path.join(this.root, CONFIG_FILE_NAMES[0]!);
  }

  isConfigFile(file: string): boolean {
    return file === this.configFile || (this.contains(file) && path.dirname(file) === this.root && CONFIG_FILE_NAMES.includes(path.basename(file)));
  }

  manifests(): string[] {
    const excluded = this.settings.exclude.length ? picomatch(this.settings.exclude, { dot: true }) : () => false;
    return findManifests(this.root, excluded).map((file) => path.join(this.root, file));
  }

  /** Reads a file from its open buffer or from disk, without judging it yet. */
  read(file: string, text?: string): ReadOutcome | undefined {
    const kind = manifestKind(file.split(path.sep).join('/'));
    if (!kind) return undefined;
    return text === undefined ? readDiskFile(file, kind, this.root) : readSourceText(relativeTo(this.root, file), kind, text);
  }

  /** The project's own packages, from every manifest of the folder: they are first-party wherever they are used. */
  learnFirstParty(reads: readonly ReadOutcome[]): void {
    this.firstParty = firstPartyOf(reads);
    this.refreshOptions();
  }

  /** Judges what was read and remembers the outcome for the verdict. */
  judge(file: string, read: ReadOutcome): FileOutcome {
    const outcome = judge(read, this.options);
    this.outcomes.set(file, outcome);
    return outcome;
  }

  /** Reads and judges a file from its open buffer or from disk. */
  lint(file: string, text?: string): FileOutcome | undefined {
    const read = this.read(file, text);
    return read && this.judge(file, read);
  }

  outcome(file: string): FileOutcome | undefined {
    return this.outcomes.get(file);
  }

  forget(file: string): void {
    this.outcomes.delete(file);
  }

  files(): string[] {
    return [...this.outcomes.keys()];
  }

  verdict(): FolderVerdict {
    const outcomes = [...this.outcomes.values()];
    const findings = outcomes.flatMap((outcome) => outcome.report?.findings ?? []);
    const filesWithErrors = outcomes.filter((outcome) => outcome.errors.length > 0).length;
    const verdict = computeVerdict(findings, this.options.target, filesWithErrors);
    return {
      folderUri: this.uri,
      folderName: this.name,
      target: this.options.target,
      tier: verdict.tier,
      meetsTarget: verdict.meetsTarget,
      summary: verdict.summary,
      blockedBy: verdict.blockedBy,
      exceptions: verdict.exceptions,
      filesWithErrors,
      knowledgeBase: this.kb.version,
    };
  }

  get jurisdiction(): string {
    return this.options.classifier.jurisdiction;
  }

  private refreshOptions(): void {
    const target = this.config.target ?? this.settings.target;
    const jurisdiction = this.config.jurisdiction ?? this.settings.jurisdiction;
    this.options = createLintOptions(this.root, {
      kb: this.kb,
      config: this.config,
      today: this.today(),
      firstParty: this.firstParty,
      ...(target ? { target } : {}),
      ...(jurisdiction ? { jurisdiction } : {}),
    });
  }

  private findConfigFile(): string | undefined {
    if (this.settings.configPath) return path.resolve(this.root, this.settings.configPath);
    return CONFIG_FILE_NAMES.map((name) => path.join(this.root, name)).find((file) => fs.existsSync(file));
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
