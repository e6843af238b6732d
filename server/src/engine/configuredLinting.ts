// Lint options per file when configs differ across a tree: each manifest gets the settings of the
// config that applies to it (nearest config, its chain, its matching overrides), explicit flags on top.
// One set of options (and so one classifier and its lineage cache) per distinct config.
import type { KnowledgeBase } from '../../../rules/src/kb';
import { rules } from '../../../rules/src/rules/index';
import { formatMessage, severityOf } from '../../../rules/src/rule';
import type { Target } from '../../../rules/src/types';
import type { Config, Exception } from './config';
import type { ConfigResolver, ResolvedConfig } from './configResolver';
import { createLintOptions, type Finding, type LintOptions } from './lint';
import type { CatalogFinder } from './catalogs';
import type { LockfileFinder } from './lockfiles';
import { relativeTo } from './paths';

export interface BaseLintSettings {
  kb: KnowledgeBase;
  root: string;
  today: string;
  /** Command-line flags (or the editor's settings, passed as defaults below) — flags win over configs. */
  target?: Target;
  jurisdiction?: string;
  /** Editor settings: used only where no config says otherwise. */
  defaults?: { target?: Target; jurisdiction?: string };
  firstParty?: ReadonlySet<string>;
  /** How manifests find their lockfiles (a scan remembers what it found; the editor looks every time). */
  findLockfile?: LockfileFinder;
  /** How package.json files find their pnpm catalogs (likewise). */
  findCatalogs?: CatalogFinder;
}

export class ConfiguredLinting {
  private readonly byConfig = new Map<Config, LintOptions>();

  constructor(
    readonly resolver: ConfigResolver,
    private readonly base: BaseLintSettings,
  ) {}

  optionsFor(file: string): LintOptions {
    return this.optionsOf(this.resolver.forFile(file).config);
  }

  /** The options of a folder itself: the target and jurisdiction a scan of it reports. */
  optionsForDirectory(dir: string): LintOptions {
    return this.optionsOf(this.resolver.forDirectory(dir).config);
  }

  private optionsOf(config: Config): LintOptions {
    let options = this.byConfig.get(config);
    if (!options) {
      const target = this.base.target ?? config.target ?? this.base.defaults?.target;
      const jurisdiction = this.base.jurisdiction ?? config.jurisdiction ?? this.base.defaults?.jurisdiction;
      options = createLintOptions(this.base.root, {
        kb: this.base.kb,
        config,
        today: this.base.today,
        ...(this.base.firstParty ? { firstParty: this.base.firstParty } : {}),
        ...(this.base.findLockfile ? { findLockfile: this.base.findLockfile } : {}),
        ...(this.base.findCatalogs ? { findCatalogs: this.base.findCatalogs } : {}),
        ...(target ? { target } : {}),
        ...(jurisdiction ? { jurisdiction } : {}),
      });
      this.byConfig.set(config, options);
    }
    return options;
  }

  /**
   * Exceptions past their `until` date, reported where they are declared (the config files in use). One renewed by a
   * later entry for the same components (a project's own config over its team's) has not lapsed: it was replaced.
   */
  expiredExceptions(chains: readonly ResolvedConfig[] = this.resolver.resolvedChains()): Finding[] {
    const rule = rules.find((r) => r.checkException)!;
    const lapsed = (exception: Exception) => rule.checkException!(exception, this.base.today);
    const seen = new Set<string>();
    const findings: Finding[] = [];
    for (const chain of chains) {
      const target = this.base.target ?? chain.config.target ?? this.base.defaults?.target ?? 'sovereign';
      const scopes = [chain.config.exceptions, ...chain.overrides.map((o) => [...chain.config.exceptions, ...o.layer.exceptions])];
      const expired = scopes.flatMap((scope) => {
        const renewed = new Set(scope.filter((exception) => !lapsed(exception)).map((exception) => exception.pattern));
        return scope.filter((exception) => !renewed.has(exception.pattern));
      });
      for (const exception of expired) {
        const declared = exception.declared;
        const report = lapsed(exception);
        if (!report || !declared?.range || declared.source.startsWith('sovereign-lint:')) continue;
        const key = `${declared.source}:${declared.range.start.line}:${declared.range.start.character}`;
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push({
          rule: rule.meta.id,
          severity: severityOf(rule.meta, report, target, chain.config.rules[rule.meta.id]),
          blocks: rule.meta.blocks,
          file: relativeTo(this.base.root, declared.source),
          range: declared.range,
          message: formatMessage(rule.meta.messages[report.messageId] ?? report.messageId, report.data),
          fixes: [],
        });
      }
    }
    return findings;
  }
}
