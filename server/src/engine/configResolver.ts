// Which config applies to a manifest, and what it says once its `extends` chain is resolved: the
// nearest sovereign-lint.json above the manifest, extended depth-first (presets, paths relative to the
// file that names them, JSON config packages from node_modules in trusted workspaces only), later
// entries winning, then the overrides whose `files` match the manifest. Globs (`overrides.files`, `exclude`) are
// relative to the folder of the config that applies, whatever file of its chain declares them: a team's shared
// config says `experiments/**` of each project that extends it, as ESLint reads the configs a config extends. An
// explicit config's globs are relative to the folder it is used from (ESLint's `--config`). Cycles and missing
// configs are problems placed at the `extends` entry that causes them. Nothing in a config is executed.
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { PRESET_PREFIX, presetNamed } from '../../../rules/src/presets';
import type { Range } from '../../../rules/src/types';
import {
  type Config,
  type ConfigProblem,
  EMPTY_CONFIG,
  layerOf,
  mergeConfig,
  type ParsedConfig,
  parseConfigText,
  rangeAt,
  type RawConfig,
} from './config';

export const CONFIG_FILE_NAMES = ['sovereign-lint.json', '.sovereign-lint.json'];

/** A problem in one config file of a chain. */
export interface ChainProblem extends ConfigProblem {
  /** Absolute path of the config file it is in. */
  file: string;
}

interface Override {
  /** The config file (or preset) declaring it, and its place among that file's overrides. */
  source: string;
  position: number;
  /** Folder the `files` globs are relative to (see globBase). */
  base: string;
  files: string[];
  layer: Config;
}

/** A config file with its whole `extends` chain resolved. */
export interface ResolvedConfig {
  file: string;
  config: Config;
  overrides: Override[];
  /** Every config file the chain read (to watch for changes). */
  files: string[];
  problems: ChainProblem[];
  /** Key path → where its value came from (`print-config`). */
  origins: Map<string, Origin>;
}

/** Where a value came from: a config file or preset, and the override in it when one set it. */
export interface Origin {
  source: string;
  override?: string;
}

export interface ConfigForFile {
  config: Config;
  /** The config file that applies (nearest, or the explicit one); undefined when none does. */
  file?: string;
  resolved?: ResolvedConfig;
  /** Key path → where its value came from, overrides included. */
  origins: Map<string, Origin>;
}

export interface ResolverOptions {
  /** Config packages from node_modules are loaded only when the workspace is trusted. */
  trusted: boolean;
  /** A config to use for every file instead of discovering the nearest one (`--config`, `sovereignLint.configPath`). */
  explicit?: string;
  /** The folder an explicit config's globs are relative to: the current folder, the workspace folder. */
  explicitBase?: string;
  /** Reads a config's text: an open editor buffer wins over the disk. */
  read?: (file: string) => string | undefined;
}

export class ConfigResolver {
  private readonly resolved = new Map<string, ResolvedConfig>();
  /** The last chain that resolved without errors, per config file: the language server keeps linting with it. */
  private readonly lastGood = new Map<string, ResolvedConfig>();
  private readonly nearest = new Map<string, string | undefined>();
  private readonly applied = new Map<string, ConfigForFile & { resolved: ResolvedConfig }>();
  private readonly matchers = new WeakMap<ResolvedConfig, ((relative: string) => boolean) | undefined>();

  constructor(private readonly options: ResolverOptions) {}

  /** Forgets everything read: the next question reads the configs again. */
  invalidate(): void {
    this.resolved.clear();
    this.nearest.clear();
    this.applied.clear();
  }

  /** Every config chain resolved so far. */
  resolvedChains(): ResolvedConfig[] {
    return [...this.resolved.values()];
  }

  /** The config file that applies to a file in `dir`: the explicit one, or the nearest above it. */
  configFileFor(dir: string): string | undefined {
    if (this.options.explicit) return this.options.explicit;
    if (this.nearest.has(dir)) return this.nearest.get(dir);
    const own = CONFIG_FILE_NAMES.map((name) => path.join(dir, name)).find((file) => this.isPresent(file));
    const parent = path.dirname(dir);
    const found = own ?? (parent === dir ? undefined : this.configFileFor(parent));
    this.nearest.set(dir, found);
    return found;
  }

  /** The settings for one manifest: its config's chain, then the overrides that match it. */
  forFile(file: string): ConfigForFile {
    return this.settingsFor(file, path.dirname(file));
  }

  /** The settings for a folder itself (a scan's root): its config's chain, no override. */
  forDirectory(dir: string): ConfigForFile {
    return this.settingsFor(undefined, dir);
  }

  private settingsFor(file: string | undefined, dir: string): ConfigForFile {
    const configFile = this.configFileFor(dir);
    if (!configFile) return { config: EMPTY_CONFIG, origins: new Map() };
    const resolved = this.chainFor(configFile);
    const matching = resolved.overrides.flatMap((override, index) => {
      if (file === undefined) return [];
      const relative = path.relative(override.base, file).split(path.sep).join('/');
      return picomatch(override.files, { dot: true })(relative) ? [index] : [];
    });
    // One object per distinct outcome, so that what is built from a config (a classifier) is shared too.
    const key = `${configFile}\0${matching.join(',')}`;
    const known = this.applied.get(key);
    if (known?.resolved === resolved) return known;
    let config = resolved.config;
    const origins = new Map(resolved.origins);
    for (const index of matching) {
      const override = resolved.overrides[index]!;
      config = mergeConfig(config, override.layer);
      recordOrigins(origins, override.layer, { source: override.source, override: `${override.position + 1} (${override.files.join(', ')})` });
    }
    const result = { config, file: configFile, resolved, origins };
    this.applied.set(key, result);
    return result;
  }

  /** A config file's chain: a broken chain keeps the last good one (the language server goes on linting with it). */
  private chainFor(configFile: string): ResolvedConfig {
    const fresh = this.resolve(configFile);
    return fresh.problems.some((p) => p.severity !== 'warning') ? (this.lastGood.get(configFile) ?? fresh) : fresh;
  }

  /** A config file with its `extends` chain resolved (cached until invalidated). */
  resolve(file: string): ResolvedConfig {
    const cached = this.resolved.get(file);
    if (cached) return cached;
    const result: ResolvedConfig = { file, config: EMPTY_CONFIG, overrides: [], files: [], problems: [], origins: new Map() };
    this.apply(file, result, [file]);
    const shadowed = path.join(path.dirname(file), CONFIG_FILE_NAMES[1]!);
    if (file !== this.options.explicit && path.basename(file) === CONFIG_FILE_NAMES[0] && this.isPresent(shadowed)) {
      result.problems.push({ file: shadowed, range: zeroRange, severity: 'warning', message: `not read: ${CONFIG_FILE_NAMES[0]} beside it is this folder's config` });
    }
    this.resolved.set(file, result);
    if (!result.problems.some((p) => p.severity !== 'warning')) this.lastGood.set(file, result);
    return result;
  }

  /**
   * Whether `file` is excluded: by the config that applies to it, or by one further up that excludes the folder it is
   * in (a folder left out is not scanned, whatever config it holds; the outermost is asked first, so a broken config
   * in a folder left out is never read). A pattern that names a folder (`vendor`, `vendor/`) excludes what is in it.
   */
  isExcluded(file: string): boolean {
    return this.configsAbove(path.dirname(file)).some((configFile) => {
      const matches = this.exclusionMatcher(this.chainFor(configFile));
      if (!matches) return false;
      const relative = path.relative(this.globBase(configFile), file).split(path.sep).join('/');
      if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
      const steps = relative.split('/');
      return steps.some((_, index) => matches(steps.slice(0, index + 1).join('/')));
    });
  }

  /** A chain's `exclude` globs, compiled once (a monorepo asks for each of its thousands of manifests); none without any. */
  private exclusionMatcher(chain: ResolvedConfig): ((relative: string) => boolean) | undefined {
    if (!this.matchers.has(chain)) {
      const patterns = chain.config.exclude.flatMap((exclusion) => exclusion.patterns.map((pattern) => pattern.replace(/\/+$/, '')));
      this.matchers.set(chain, patterns.length > 0 ? picomatch(patterns, { dot: true }) : undefined);
    }
    return this.matchers.get(chain);
  }

  /** The config that applies in `dir` and each config above the folder holding it, outermost first. */
  private configsAbove(dir: string): string[] {
    const found: string[] = [];
    for (let configFile = this.configFileFor(dir); configFile; ) {
      found.unshift(configFile);
      if (configFile === this.options.explicit) break;
      const parent = path.dirname(path.dirname(configFile));
      configFile = parent === path.dirname(configFile) ? undefined : this.configFileFor(parent);
    }
    return found;
  }

  /** The folder a config's globs are relative to: its own, or for an explicit config the one it is used from. */
  private globBase(configFile: string): string {
    return configFile === this.options.explicit && this.options.explicitBase ? this.options.explicitBase : path.dirname(configFile);
  }

  /** Stacks one config file (after the configs it extends) onto `result`. `chain` is the path of files that led here. */
  private apply(file: string, result: ResolvedConfig, chain: string[]): void {
    result.files.push(file);
    const text = this.read(file);
    if (text === undefined) {
      result.problems.push({ file, range: zeroRange, message: `config ${file} cannot be read${unreadableBecause(file)}` });
      return;
    }
    const parsed = parseConfigText(text);
    result.problems.push(...parsed.problems.map((problem) => ({ ...problem, file })));
    if (!parsed.raw) return;
    const references = typeof parsed.raw.extends === 'string' ? [parsed.raw.extends] : (parsed.raw.extends ?? []);
    references.forEach((reference, index) => {
      const at = rangeAt(parsed, typeof parsed.raw!.extends === 'string' ? ['extends'] : ['extends', index]);
      this.extend(reference, file, at, result, chain);
    });
    this.stack(parsed.raw, file, parsed, result);
  }

  private extend(reference: string, from: string, at: Range, result: ResolvedConfig, chain: string[]): void {
    if (reference.startsWith(PRESET_PREFIX)) {
      const preset = presetNamed(reference);
      if (!preset) {
        result.problems.push({ file: from, range: at, message: `unknown preset "${reference}" (known: sovereign-lint:recommended, :sovereign, :national, :trusted)` });
        return;
      }
      this.stack(preset as RawConfig, reference, undefined, result);
      return;
    }
    const target = this.locate(reference, path.dirname(from));
    if (target.kind === 'package' && !this.options.trusted) {
      result.problems.push({
        file: from,
        range: at,
        severity: 'warning',
        message: `config package "${reference}" from node_modules was not loaded: the workspace is not trusted`,
      });
      return;
    }
    if (!target.file) {
      result.problems.push({ file: from, range: at, message: `cannot find config "${reference}"${target.tried ? ` (looked for ${target.tried})` : ''}` });
      return;
    }
    if (chain.includes(target.file)) {
      const cycle = [...chain, target.file].map((f) => path.basename(path.dirname(f)) + '/' + path.basename(f)).join(' → ');
      result.problems.push({ file: from, range: at, message: `extends cycle: ${cycle}` });
      return;
    }
    this.apply(target.file, result, [...chain, target.file]);
  }

  /** A relative or absolute path (a folder means its sovereign-lint.json), or a config package in node_modules. */
  private locate(reference: string, dir: string): { kind: 'path' | 'package'; file?: string; tried?: string } {
    if (reference.startsWith('.') || path.isAbsolute(reference)) {
      const resolved = path.resolve(dir, reference);
      const file = this.isDirectory(resolved) ? path.join(resolved, CONFIG_FILE_NAMES[0]!) : resolved;
      return { kind: 'path', ...(this.exists(file) ? { file } : {}), tried: file };
    }
    for (let current = dir; ; current = path.dirname(current)) {
      const candidate = path.join(current, 'node_modules', reference);
      const file = reference.endsWith('.json') ? candidate : this.packageConfig(candidate);
      if (file && this.exists(file)) return { kind: 'package', file };
      if (path.dirname(current) === current) return { kind: 'package', tried: `node_modules/${reference}` };
    }
  }

  /** A config package names its JSON in package.json `sovereign-lint` (or `main`), else ships sovereign-lint.json. */
  private packageConfig(packageDir: string): string | undefined {
    if (!this.isDirectory(packageDir)) return undefined;
    const manifest = this.read(path.join(packageDir, 'package.json'));
    let declared: unknown;
    try {
      const json = manifest ? (JSON.parse(manifest) as Record<string, unknown>) : {};
      declared = json['sovereign-lint'] ?? (typeof json.main === 'string' && json.main.endsWith('.json') ? json.main : undefined);
    } catch {
      declared = undefined;
    }
    return path.join(packageDir, typeof declared === 'string' ? declared : CONFIG_FILE_NAMES[0]!);
  }

  private stack(raw: RawConfig, source: string, parsed: ParsedConfig | undefined, result: ResolvedConfig): void {
    const layer = layerOf(raw, { source }, parsed);
    result.config = mergeConfig(result.config, layer);
    recordOrigins(result.origins, layer, { source });
    (raw.overrides ?? []).forEach((override, index) => {
      result.overrides.push({
        source,
        position: index,
        base: this.globBase(result.file),
        files: typeof override.files === 'string' ? [override.files] : override.files,
        layer: layerOf(override, { source }, parsed, ['overrides', index]),
      });
    });
  }

  private read(file: string): string | undefined {
    const open = this.options.read?.(file);
    if (open !== undefined) return open;
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  /**
   * Whether a folder holds a config by that name, readable or not: a link to a shared config that is not there (a
   * submodule not checked out) is a config that cannot be read, not a folder without one.
   */
  private isPresent(file: string): boolean {
    return this.options.read?.(file) !== undefined || fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  }

  private exists(file: string): boolean {
    return this.options.read?.(file) !== undefined || fs.statSync(file, { throwIfNoEntry: false })?.isFile() === true;
  }

  private isDirectory(dir: string): boolean {
    return fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true;
  }
}

const zeroRange: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Why a config file that is there cannot be read, when the disk says. */
function unreadableBecause(file: string): string {
  const entry = fs.lstatSync(file, { throwIfNoEntry: false });
  if (entry?.isSymbolicLink() && !fs.existsSync(file)) return `: it links to ${fs.readlinkSync(file)}, which does not exist`;
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) return ': it is a folder';
  return '';
}

function recordOrigins(origins: Map<string, Origin>, layer: Config, source: Origin): void {
  if (layer.target) origins.set('target', source);
  if (layer.jurisdiction) origins.set('jurisdiction', source);
  for (const rule of Object.keys(layer.rules)) origins.set(`rules.${rule}`, source);
  for (const { pattern } of layer.attestations) origins.set(`components.${pattern}`, source);
  for (const exception of layer.exceptions) origins.set(`ignore.${exception.pattern}`, source);
  for (const exclusion of layer.exclude) for (const pattern of exclusion.patterns) origins.set(`exclude.${pattern}`, source);
}
