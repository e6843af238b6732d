// `sovereign-lint print-config FILE`: the config that applies to a file (or a folder) once every `extends`
// and override is resolved, and where each value came from.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigResolver, type Origin } from '../engine/configResolver';

export interface PrintConfigOptions {
  cwd: string;
  format: string;
  configFile?: string;
}

/** The report, and whether the config chain is valid: an error in it fails the command, as it fails a scan. */
export function printConfig(file: string, { cwd, format, configFile }: PrintConfigOptions): { output: string; valid: boolean } {
  const resolver = new ConfigResolver({ trusted: true, ...(configFile ? { explicit: configFile, explicitBase: cwd } : {}) });
  // A folder is asked about as a scan root is: its own config, no override (overrides match files).
  const isFolder = fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;
  const { config, file: applied, origins, resolved } = isFolder ? resolver.forDirectory(file) : resolver.forFile(file);
  const label = (source: string) => (source.startsWith('sovereign-lint:') ? source : relative(source, cwd));
  const shown = (origin: Origin | undefined) =>
    origin === undefined ? 'default' : `${label(origin.source)}${origin.override ? `, override ${origin.override}` : ''}`;
  const rows: [string, unknown, string][] = [
    ['target', config.target ?? 'sovereign', shown(origins.get('target'))],
    ['jurisdiction', config.jurisdiction ?? 'RU', shown(origins.get('jurisdiction'))],
    ...Object.entries(config.rules).map(([rule, severity]): [string, unknown, string] => [`rules.${rule}`, severity, shown(origins.get(`rules.${rule}`))]),
    ...config.attestations.map(({ pattern, entry }): [string, unknown, string] => [
      `components.${pattern}`,
      { origin: entry.origin, owner: entry.owner, evidence: entry.evidence[0] },
      shown(origins.get(`components.${pattern}`)),
    ]),
    ...config.exceptions.map((e): [string, unknown, string] => [
      `ignore.${e.pattern}`,
      { reason: e.reason, ...(e.until ? { until: e.until } : {}) },
      e.declared ? shown({ source: e.declared.source }) : 'default',
    ]),
    ...config.exclude.flatMap(({ source, patterns }) => patterns.map((p): [string, unknown, string] => [`exclude.${p}`, true, shown({ source })])),
  ];
  const problems = resolved?.problems ?? [];
  const valid = problems.every((problem) => problem.severity === 'warning');
  return { output: format === 'json' ? asJson() : asText(), valid };

  function asJson(): string {
    return `${JSON.stringify(
      {
        file: relative(file, cwd),
        config: applied ? relative(applied, cwd) : null,
        chain: resolved?.files.map((f) => relative(f, cwd)) ?? [],
        values: Object.fromEntries(rows.map(([key, value, source]) => [key, { value, from: source }])),
        problems: problems.map((p) => ({ file: relative(p.file, cwd), range: p.range, message: p.message, severity: p.severity ?? 'error' })),
      },
      null,
      2,
    )}\n`;
  }

  function asText(): string {
    const width = Math.max(...rows.map(([key]) => key.length));
    return [
      `Config for ${relative(file, cwd)}: ${applied ? relative(applied, cwd) : 'none found (defaults)'}`,
      ...(resolved && resolved.files.length > 1 ? [`  chain: ${resolved.files.map((f) => relative(f, cwd)).join(' → ')}`] : []),
      '',
      ...rows.map(([key, value, source]) => `${key.padEnd(width)}  ${typeof value === 'string' ? value : JSON.stringify(value)}  ← ${source}`),
      ...problems.map((p) => `${p.severity === 'warning' ? 'warning' : 'error'}: ${relative(p.file, cwd)}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`),
      '',
    ].join('\n');
  }
}

function relative(file: string, cwd: string): string {
  const shown = path.relative(cwd, file);
  return shown === '' ? '.' : shown;
}
