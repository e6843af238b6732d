// Shared rule configs (SPEC §5): discovery, extends chains, every key, overrides, exceptions, trust,
// and every problem at its exact place.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { PRESETS } from '../../rules/src/presets';
import { rules } from '../../rules/src/rules/index';
import { main } from '../../server/src/cli/main';
import { parseConfigText } from '../../server/src/engine/config';
import { ConfigResolver } from '../../server/src/engine/configResolver';
import { scan } from '../../server/src/engine/scan';
import { fixtureKb } from '../fixtures/kb';
import { writeFile } from '../helpers/files';

let root: string;
const write = (file: string, content: string | object) => writeFile(root, file, content);
const at = (file: string) => path.join(root, file);
const scanAt = (dir = '.', today = '2026-11-22') => scan([at(dir)], { kb: fixtureKb, cwd: root, today });
/** What a user is shown: findings whose rule is not turned off. */
const shown = (result: ReturnType<typeof scanAt>) => result.findings.filter((f) => f.severity !== 'off');
const lsp = (line: number, character: number, endCharacter: number) => ({
  start: { line, character },
  end: { line, character: endCharacter },
});

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-config-'));
});

describe('discovery', () => {
  it('applies the nearest config above each manifest; a monorepo may have several', () => {
    write('sovereign-lint.json', { target: 'sovereign' });
    write('services/api/requirements.txt', 'numpy\n');
    write('experiments/sovereign-lint.json', { target: 'national' });
    write('experiments/notebook/requirements.txt', 'numpy\n');
    write('.sovereign-lint.json.bak', '{}');
    const result = scanAt();
    const severity = (file: string) => shown(result).find((f) => f.file === file)!.severity;
    expect(severity('services/api/requirements.txt')).toBe('error');
    expect(severity('experiments/notebook/requirements.txt')).toBe('info');
    expect(result.files.map((f) => [f.file, f.target])).toEqual([
      ['experiments/notebook/requirements.txt', 'national'],
      ['services/api/requirements.txt', 'sovereign'],
    ]);
  });

  it('also finds .sovereign-lint.json', () => {
    write('.sovereign-lint.json', { target: 'national' });
    write('requirements.txt', 'numpy\n');
    expect(scanAt().target).toBe('national');
  });
});

describe('extends', () => {
  it('resolves a chain three deep across folders, each path relative to the file that names it; later entries win', () => {
    write('org/base.json', { target: 'sovereign', rules: { 'unknown-provenance': 'warning', 'foreign-component': 'warning' } });
    write('org/team/team.json', { extends: ['../base.json'], rules: { 'foreign-component': 'hint' }, components: { 'pypi:left-pad': { origin: 'RU', evidence: 'team registry' } } });
    write('repo/sovereign-lint.json', { extends: '../org/team/team.json', rules: { 'unknown-provenance': 'error' } });
    write('repo/requirements.txt', 'numpy\nleft-pad\nmystery\n');
    const resolver = new ConfigResolver({ trusted: true });
    const { config, resolved, origins } = resolver.forFile(at('repo/requirements.txt'));
    expect(resolved!.files).toEqual([at('repo/sovereign-lint.json'), at('org/team/team.json'), at('org/base.json')]);
    expect(config.target).toBe('sovereign');
    expect(config.rules).toEqual({ 'unknown-provenance': 'error', 'foreign-component': 'hint' });
    expect(origins.get('rules.foreign-component')).toEqual({ source: at('org/team/team.json') });
    expect(origins.get('rules.unknown-provenance')).toEqual({ source: at('repo/sovereign-lint.json') });
    expect(origins.get('target')).toEqual({ source: at('org/base.json') });
    const result = scanAt('repo');
    expect(shown(result).map((f) => [f.componentId, f.severity])).toEqual([
      ['pypi:numpy', 'hint'],
      ['pypi:mystery', 'error'],
    ]);
  });

  it('lets two repositories share one team config', () => {
    write('team/sovereign-lint.json', { target: 'national', components: { 'npm:@acme/*': { origin: 'RU', evidence: 'acme registry' } } });
    for (const repo of ['web', 'bot']) {
      write(`${repo}/sovereign-lint.json`, { extends: ['../team/sovereign-lint.json'] });
      write(`${repo}/package.json`, { name: repo, dependencies: { '@acme/ui': '^2.0.0' } });
    }
    for (const repo of ['web', 'bot']) {
      const result = scanAt(repo);
      expect(result.target).toBe('national');
      expect(result.files[0]!.assessments[0]!.classification).toBe('domestic');
      expect(result.files[0]!.assessments[0]!.provenance?.source).toBe('attestation');
    }
  });

  it('uses the built-in presets', () => {
    write('sovereign-lint.json', { extends: ['sovereign-lint:recommended', 'sovereign-lint:national', 'sovereign-lint:trusted'] });
    write('package.json', { license: 'Apache 2.0', dependencies: { numpy: '1' } });
    const result = scanAt();
    expect(result.target).toBe('national');
    expect(result.findings.find((f) => f.rule === 'invalid-license')!.severity).toBe('error');
  });

  it('reports a cycle and a missing config at the extends entry that causes them', () => {
    write('a/sovereign-lint.json', '{\n  "extends": ["../b/sovereign-lint.json", "./missing.json"]\n}\n');
    write('b/sovereign-lint.json', '{ "extends": ["../a"] }\n');
    write('a/requirements.txt', 'numpy\n');
    const problems = scanAt('a').configProblems;
    expect(problems).toEqual([
      { file: at('b/sovereign-lint.json'), range: lsp(0, 14, 20), message: 'extends cycle: a/sovereign-lint.json → b/sovereign-lint.json → a/sovereign-lint.json' },
      { file: at('a/sovereign-lint.json'), range: lsp(1, 42, 58), message: `cannot find config "./missing.json" (looked for ${at('a/missing.json')})` },
    ]);
  });

  it('loads JSON config packages from node_modules in a trusted workspace, and skips them with a notice in an untrusted one', () => {
    write('node_modules/@acme/sovereign-lint-config/package.json', { name: '@acme/sovereign-lint-config', 'sovereign-lint': 'config.json' });
    write('node_modules/@acme/sovereign-lint-config/config.json', { target: 'national' });
    write('sovereign-lint.json', '{ "extends": ["@acme/sovereign-lint-config"] }');
    write('requirements.txt', 'numpy\n');
    expect(new ConfigResolver({ trusted: true }).forFile(at('requirements.txt')).config.target).toBe('national');
    const untrusted = new ConfigResolver({ trusted: false }).forFile(at('requirements.txt'));
    expect(untrusted.config.target).toBeUndefined();
    expect(untrusted.resolved!.problems).toEqual([
      {
        file: at('sovereign-lint.json'),
        range: lsp(0, 14, 43),
        severity: 'warning',
        message: 'config package "@acme/sovereign-lint-config" from node_modules was not loaded: the workspace is not trusted',
      },
    ]);
  });
});

describe('keys', () => {
  it('jurisdiction changes what counts as domestic', () => {
    write('sovereign-lint.json', { jurisdiction: 'US' });
    write('requirements.txt', 'numpy\ncatboost\n');
    const result = scanAt();
    expect(result.jurisdiction).toBe('US');
    expect(result.files[0]!.assessments.map((a) => a.classification)).toEqual(['domestic', 'foreign-open']);
  });

  it('attestations match globs and win over the knowledge base', () => {
    write('sovereign-lint.json', { components: { 'npm:@acme/*': { origin: 'RU', owner: 'Acme', evidence: 'registry.acme.ru' } } });
    write('package.json', { dependencies: { '@acme/core': '1', '@acme/ui': '1', '@other/x': '1' } });
    const [report] = scanAt().files;
    expect(report!.assessments.map((a) => [a.declaration.id, a.classification])).toEqual([
      ['npm:@acme/core', 'domestic'],
      ['npm:@acme/ui', 'domestic'],
      ['npm:@other/x', 'unknown'],
    ]);
  });

  it('ignore keeps the component listed, accepts its findings, and the verdict says so', () => {
    write('sovereign-lint.json', { ignore: [{ component: 'pypi:numpy', reason: 'no domestic alternative', until: '2027-06-30' }] });
    write('requirements.txt', 'numpy\ncatboost\n');
    const result = scanAt();
    expect(result.files[0]!.assessments.map((a) => a.declaration.id)).toEqual(['pypi:numpy', 'pypi:catboost']);
    expect(shown(result)[0]!.exception).toMatchObject({ pattern: 'pypi:numpy', reason: 'no domestic alternative', until: '2027-06-30' });
    expect(result.verdict.summary).toBe('sovereign, with 1 accepted exception; transitive dependencies not examined (no lockfile)');
  });

  it('an expired exception stops applying and becomes a finding of its own at its until date', () => {
    write('sovereign-lint.json', '{\n  "ignore": [\n    { "component": "pypi:numpy", "reason": "temporary", "until": "2026-01-31" }\n  ]\n}\n');
    write('requirements.txt', 'numpy\n');
    const result = scanAt();
    expect(shown(result).map((f) => [f.rule, f.file, f.range, f.message, f.severity])).toEqual([
      ['foreign-component', 'requirements.txt', lsp(0, 0, 5), 'numpy — foreign open-source (US): allowed for national, blocks sovereign', 'error'],
      ['expired-exception', 'sovereign-lint.json', lsp(2, 65, 77), 'Exception for pypi:numpy expired on 2026-01-31 ("temporary"): its findings count again', 'warning'],
    ]);
    expect(result.verdict).toMatchObject({ tier: 'national', exceptions: [], trusted: { ready: false } });
  });

  it('an exception renewed by a later entry (the project’s over its team’s) has not lapsed: no expired warning', () => {
    write('team/base.json', { ignore: [{ component: 'pypi:numpy', reason: 'old', until: '2026-01-01' }] });
    write('p/sovereign-lint.json', { extends: '../team/base.json', ignore: [{ component: 'pypi:numpy', reason: 'renewed', until: '2027-06-30' }] });
    write('p/requirements.txt', 'numpy\n');
    const result = scanAt('p');
    expect(shown(result).map((f) => f.rule)).toEqual(['foreign-component']);
    expect(result.verdict).toMatchObject({ tier: 'sovereign', exceptions: ['pypi:numpy'], trusted: { ready: true } });
  });

  it('an attested licence is read as the SPDX expression it means (`mit` is MIT, open source)', () => {
    write('sovereign-lint.json', { target: 'national', components: { 'pypi:vendor-d': { origin: 'US', evidence: 'contract', license: 'mit' } } });
    write('requirements.txt', 'vendor-d\n');
    expect(scanAt().verdict).toMatchObject({ tier: 'national', meetsTarget: true });
  });

  it('a config behind a byte-order mark is read', () => {
    write('sovereign-lint.json', '\uFEFF{ "target": "national" }');
    write('requirements.txt', 'numpy\n');
    const result = scanAt();
    expect(result.configProblems).toEqual([]);
    expect(result.verdict.meetsTarget).toBe(true);
  });

  it('a config that is a link to nothing, or a folder, is a config that cannot be read: exit 2, not the defaults', () => {
    write('requirements.txt', 'natasha\n');
    fs.symlinkSync(path.join(root, 'shared/missing.json'), at('sovereign-lint.json'));
    let stderr = '';
    const io = { stdout: () => {}, stderr: (t: string) => (stderr += t), cwd: root, env: {}, isTTY: false, today: '2026-11-22' };
    expect(main(['scan', '.'], io)).toBe(2);
    expect(stderr).toBe(`sovereign-lint: invalid config sovereign-lint.json:1:1: config ${at('sovereign-lint.json')} cannot be read: it links to ${path.join(root, 'shared/missing.json')}, which does not exist\n`);
    fs.rmSync(at('sovereign-lint.json'));
    fs.mkdirSync(at('sovereign-lint.json'));
    stderr = '';
    expect(main(['scan', '.'], io)).toBe(2);
    expect(stderr).toMatch(/cannot be read: it is a folder\n$/);
  });

  it('exclude leaves paths unscanned, relative to the config that names them', () => {
    write('sovereign-lint.json', { exclude: ['vendor/**', 'legacy/requirements.txt'] });
    write('requirements.txt', 'catboost\n');
    write('vendor/lib/requirements.txt', 'numpy\n');
    write('legacy/requirements.txt', 'numpy\n');
    expect(scanAt().files.map((f) => f.file)).toEqual(['requirements.txt']);
  });

  it('a shared config’s exclude and overrides are relative to the project that extends it, as ESLint reads a config it extends', () => {
    write('team/base.json', { target: 'sovereign', exclude: ['vendor/**'], overrides: [{ files: ['experiments/**'], target: 'national' }] });
    write('proj/sovereign-lint.json', { extends: '../team/base.json' });
    write('proj/app/requirements.txt', 'catboost\n');
    write('proj/experiments/requirements.txt', 'numpy\n');
    write('proj/vendor/requirements.txt', 'numpy\n');
    const result = scanAt('proj');
    expect(result.files.map((f) => f.file)).toEqual(['app/requirements.txt', 'experiments/requirements.txt']);
    expect(result.verdict).toMatchObject({ tier: 'national', meetsTarget: true });
  });

  it('an explicit config’s globs are relative to the folder it is used from', () => {
    write('team/base.json', { exclude: ['vendor/**'], overrides: [{ files: ['experiments/**'], target: 'national' }] });
    write('proj/experiments/requirements.txt', 'numpy\n');
    write('proj/vendor/requirements.txt', 'numpy\n');
    const result = scan([at('proj')], { kb: fixtureKb, cwd: at('proj'), today: '2026-11-22', configFile: at('team/base.json') });
    expect(result.files.map((f) => f.file)).toEqual(['experiments/requirements.txt']);
    expect(result.verdict).toMatchObject({ tier: 'national', meetsTarget: true });
  });

  it('a folder a config excludes is not scanned, whatever config it holds; its config, even a broken one, is not read', () => {
    write('sovereign-lint.json', { exclude: ['legacy', 'old/'] });
    write('app/requirements.txt', 'catboost\n');
    write('legacy/sovereign-lint.json', { target: 'national' });
    write('legacy/requirements.txt', 'numpy\n');
    write('old/sovereign-lint.json', '{ "target": ');
    write('old/requirements.txt', 'numpy\n');
    const result = scanAt();
    expect(result.files.map((f) => f.file)).toEqual(['app/requirements.txt']);
    expect(result.configProblems).toEqual([]);
    expect(result.verdict).toMatchObject({ tier: 'sovereign', meetsTarget: true });
  });

  it('overrides apply to the files they match, later overrides winning', () => {
    write('sovereign-lint.json', {
      target: 'sovereign',
      overrides: [
        { files: ['experiments/**'], target: 'national', rules: { 'foreign-component': 'warning' } },
        { files: 'experiments/strict/**', rules: { 'foreign-component': 'error' } },
      ],
    });
    write('requirements.txt', 'catboost\n');
    write('experiments/a/requirements.txt', 'numpy\n');
    write('experiments/strict/requirements.txt', 'numpy\n');
    const result = scanAt();
    expect(shown(result).map((f) => [f.file, f.severity])).toEqual([
      ['experiments/a/requirements.txt', 'warning'],
      ['experiments/strict/requirements.txt', 'error'],
    ]);
    // The root is sovereign; the experiments, held to national, meet their own target.
    expect(result.verdict).toMatchObject({ tier: 'national', meetsTarget: true });
    expect(result.target).toBe('sovereign');
    expect(result.verdict.otherTargets).toEqual([
      { file: 'experiments/a/requirements.txt', target: 'national', meetsTarget: true },
      { file: 'experiments/strict/requirements.txt', target: 'national', meetsTarget: true },
    ]);
  });

  it('asks to add the trusted preset only when readiness findings are counted but not listed, not when it is there', () => {
    write('sovereign-lint.json', { extends: ['sovereign-lint:trusted'] });
    write('requirements.txt', 'acme-zzz==1.0\n');
    let out = '';
    main(['scan', '.'], { stdout: (t) => (out += t), stderr: () => {}, cwd: root, env: {}, isTTY: false, today: '2026-11-22' });
    expect(out).toContain('· trusted readiness: 1 to fix · knowledge base');
  });

  it('says which files an override holds to a higher target, and which of them fall short of it', () => {
    write('sovereign-lint.json', { target: 'national', overrides: [{ files: 'app/**', target: 'sovereign' }] });
    write('app/requirements.txt', 'numpy\n');
    write('lib/requirements.txt', 'catboost\n');
    write('ml/requirements.txt', 'xgboost\n');
    let out = '';
    const code = main(['scan', '.'], { stdout: (t) => (out += t), stderr: () => {}, cwd: root, env: {}, isTTY: false, today: '2026-11-22' });
    expect(code).toBe(1);
    expect(out.split('\n').slice(-4)).toEqual([
      '3 components in 3 files · target national (RU), sovereign for 1 file: not met · trusted readiness: 3 to fix (add "sovereign-lint:trusted" to extends to list them) · knowledge base 2026-11-22',
      'national — 2 components block sovereign (numpy and xgboost); transitive dependencies not examined (no lockfile)',
      'short of the target their config sets: app/requirements.txt (sovereign)',
      '',
    ]);
  });

  it('a command-line target wins over every config', () => {
    write('sovereign-lint.json', { target: 'national' });
    write('requirements.txt', 'numpy\n');
    expect(scan([root], { kb: fixtureKb, cwd: root, today: '2026-11-22', target: 'sovereign' }).verdict.meetsTarget).toBe(false);
  });
});

describe('problems, each at its exact place', () => {
  it.each([
    ['an unknown rule id', '{\n  "rules": { "no-such-rule": "error" }\n}', 'rules: "no-such-rule" is not one of "foreign-component", "foreign-proprietary", "foreign-dataset", "foreign-base-model", "foreign-transitive", "unknown-provenance", "invalid-license", "unpinned-version", "unhashed-requirement", "direct-url-dependency", "missing-lockfile", "unlocked-dependency", "expired-exception"', lsp(1, 13, 27)],
    ['a bad severity', '{\n  "rules": { "foreign-component": "loud" }\n}', 'rules.foreign-component: must be one of "off", "hint", "info", "warning", "error"', lsp(1, 34, 40)],
    ['a missing reason', '{\n  "ignore": [\n    { "component": "pypi:numpy" }\n  ]\n}', 'ignore.0: missing required "reason"', lsp(2, 4, 5)],
    ['a trailing comma', '{\n  "target": "national",\n}', 'not valid JSON: property name expected', lsp(2, 0, 1)],
    ['an unknown key', '{ "targte": "national" }', 'config: unknown key "targte"', lsp(0, 2, 10)],
    ['a bad date', '{ "ignore": [{ "component": "pypi:x", "reason": "r", "until": "next year" }] }', 'ignore.0.until: must be a date, YYYY-MM-DD', lsp(0, 62, 73)],
    ['overrides without files', '{ "overrides": [{ "target": "national" }] }', 'overrides.0: missing required "files"', lsp(0, 16, 17)],
    ['a date of the right shape that is no day', '{ "ignore": [{ "component": "pypi:x", "reason": "r", "until": "2026-02-30" }] }', 'ignore.0.until: 2026-02-30 is not a day of the calendar', lsp(0, 62, 74)],
    [
      'an impossible date in an override',
      '{ "overrides": [{ "files": "a/**", "ignore": [{ "component": "pypi:x", "reason": "r", "until": "2027-13-45" }] }] }',
      'overrides.0.ignore.0.until: 2027-13-45 is not a day of the calendar',
      lsp(0, 95, 107),
    ],
    [
      'an attested licence that names no licence',
      '{ "components": { "pypi:vendor-a": { "origin": "RU", "evidence": "contract", "license": "garbage licence" } } }',
      'components.pypi:vendor-a.license: "garbage licence" is not an SPDX licence expression (LicenseRef-… names one SPDX does not list)',
      lsp(0, 88, 105),
    ],
  ])('%s', (_, text, message, range) => {
    expect(parseConfigText(text).problems).toEqual([{ message, range }]);
  });

  it('says a value that may take several shapes and has none of them once, with its alternatives', () => {
    expect(parseConfigText('{ "extends": 42 }').problems).toEqual([{ message: 'extends: must be a string or a list', range: lsp(0, 13, 15) }]);
  });

  it('warns of a key given twice (the last applies) and of a .sovereign-lint.json that sovereign-lint.json beside it keeps from being read', () => {
    expect(parseConfigText('{ "target": "national", "target": "sovereign" }').problems).toEqual([
      { severity: 'warning', message: '"target" is given more than once: the last one applies', range: lsp(0, 24, 32) },
    ]);
    write('sovereign-lint.json', { target: 'national' });
    write('.sovereign-lint.json', { target: 'sovereign' });
    write('requirements.txt', 'numpy\n');
    const result = scanAt();
    expect(result.configProblems).toEqual([
      { file: at('.sovereign-lint.json'), range: lsp(0, 0, 0), severity: 'warning', message: "not read: sovereign-lint.json beside it is this folder's config" },
    ]);
    expect(result.verdict.meetsTarget).toBe(true);
  });

  it('--config takes a folder as its sovereign-lint.json, as extends does, and says when there is no such file', () => {
    write('team/sovereign-lint.json', { target: 'national' });
    write('repo/requirements.txt', 'numpy\n');
    let stderr = '';
    const io = { stdout: () => {}, stderr: (t: string) => (stderr += t), cwd: root, env: {}, isTTY: false, today: '2026-11-22' };
    expect(main(['scan', 'repo', '--config', 'team'], io)).toBe(0);
    expect(main(['scan', 'repo', '--config', 'teams'], io)).toBe(2);
    expect(stderr).toBe('sovereign-lint: config teams cannot be read: there is no such file\n');
  });

  it('exits 2 listing every problem of the chain, a line each', () => {
    write('repo/sovereign-lint.json', '{ "target": "galactic", "ignore": {} }');
    write('repo/requirements.txt', 'numpy\n');
    let stderr = '';
    const code = main(['scan', 'repo'], { stdout: () => {}, stderr: (t) => (stderr += t), cwd: root, env: {}, isTTY: false, today: '2026-11-22' });
    expect(code).toBe(2);
    expect(stderr).toBe(
      'sovereign-lint: invalid config repo/sovereign-lint.json:1:13: target: must be one of "sovereign", "national"\n' +
        'sovereign-lint: invalid config repo/sovereign-lint.json:1:35: ignore: must be a list\n',
    );
  });

  it('exits 2 on an invalid config in the chain, naming the file, line and column', () => {
    write('team.json', '{\n  "target": "galactic"\n}\n');
    write('repo/sovereign-lint.json', '{ "extends": ["../team.json"] }');
    write('repo/requirements.txt', 'numpy\n');
    let stderr = '';
    const code = main(['scan', 'repo'], { stdout: () => {}, stderr: (t) => (stderr += t), cwd: root, env: {}, isTTY: false, today: '2026-11-22' });
    expect(code).toBe(2);
    expect(stderr).toBe('sovereign-lint: invalid config team.json:2:13: target: must be one of "sovereign", "national"\n');
  });
});

describe('print-config', () => {
  const printConfig = (...args: string[]) => {
    let out = '';
    const code = main(['print-config', ...args], { stdout: (t) => (out += t), stderr: () => {}, cwd: root, env: {}, isTTY: false, today: '2026-11-22' });
    return { code, out };
  };

  it('names the file of the chain an override comes from, and its place there', () => {
    write('team/base.json', { overrides: [{ files: 'x/**', target: 'sovereign' }, { files: 'experiments/**', target: 'national' }] });
    write('repo/sovereign-lint.json', { extends: '../team/base.json' });
    write('repo/experiments/requirements.txt', 'numpy\n');
    expect(printConfig('repo/experiments/requirements.txt').out).toContain('target        national  ← team/base.json, override 2 (experiments/**)\n');
  });

  it('refuses the scan-only flags instead of ignoring them', () => {
    let stderr = '';
    const code = main(['print-config', 'requirements.txt', '--target', 'national'], { stdout: () => {}, stderr: (t) => (stderr += t), cwd: root, env: {}, isTTY: false, today: '2026-11-22' });
    expect(code).toBe(2);
    expect(stderr).toBe('sovereign-lint: print-config takes --config and --format only: --target and --jurisdiction are scan flags\n');
  });

  it('exits 2 on an invalid config, as a scan does', () => {
    write('repo/sovereign-lint.json', '{ "target": ');
    write('repo/requirements.txt', 'numpy\n');
    const { code, out } = printConfig('repo/requirements.txt');
    expect(code).toBe(2);
    expect(out).toContain('error: repo/sovereign-lint.json:1:13: not valid JSON: value expected\n');
  });

  it('asked about a folder, shows the config in it, as a scan of the folder uses', () => {
    write('repo/svc/sovereign-lint.json', { target: 'national' });
    expect(printConfig('repo/svc').out).toMatch(/^Config for repo\/svc: repo\/svc\/sovereign-lint.json\n\ntarget +national {2}← repo\/svc\/sovereign-lint.json\n/);
  });

  it('stops at a config nested too deep to read, exit 2, instead of overflowing the stack', () => {
    write('repo/sovereign-lint.json', `{"rules":${'['.repeat(10000)}${']'.repeat(10000)}}`);
    write('repo/requirements.txt', 'numpy\n');
    const { code, out } = printConfig('repo/requirements.txt');
    expect(code).toBe(2);
    expect(out).toContain('error: repo/sovereign-lint.json:1:1: nested more than 512 levels deep; not read\n');
  });

  it('shows the resolved config for a file and where each value came from', () => {
    write('team/base.json', { target: 'national', rules: { 'unknown-provenance': 'warning' } });
    write('repo/sovereign-lint.json', {
      extends: ['sovereign-lint:trusted', '../team/base.json'],
      components: { 'npm:@acme/*': { origin: 'RU', evidence: 'registry' } },
      ignore: [{ component: 'pypi:numpy', reason: 'no alternative', until: '2027-06-30' }],
      overrides: [{ files: 'ml/**', target: 'sovereign' }],
    });
    write('repo/ml/requirements.txt', 'numpy\n');
    let out = '';
    const code = main(['print-config', 'repo/ml/requirements.txt'], { stdout: (t) => (out += t), stderr: () => {}, cwd: root, env: {}, isTTY: false, today: '2026-11-22' });
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'Config for repo/ml/requirements.txt: repo/sovereign-lint.json',
        '  chain: repo/sovereign-lint.json → team/base.json',
        '',
        'target                       sovereign  ← repo/sovereign-lint.json, override 1 (ml/**)',
        'jurisdiction                 RU  ← default',
        'rules.invalid-license        error  ← sovereign-lint:trusted',
        'rules.expired-exception      error  ← sovereign-lint:trusted',
        'rules.unknown-provenance     warning  ← team/base.json',
        'rules.unpinned-version       error  ← sovereign-lint:trusted',
        'rules.unhashed-requirement   error  ← sovereign-lint:trusted',
        'rules.direct-url-dependency  error  ← sovereign-lint:trusted',
        'rules.missing-lockfile       error  ← sovereign-lint:trusted',
        'rules.unlocked-dependency    error  ← sovereign-lint:trusted',
        'components.npm:@acme/*       {"origin":"RU","owner":"attested by the team","evidence":"registry"}  ← repo/sovereign-lint.json',
        'ignore.pypi:numpy            {"reason":"no alternative","until":"2027-06-30"}  ← repo/sovereign-lint.json',
        '',
      ].join('\n'),
    );
  });
});

describe('presets', () => {
  it('trusted raises exactly the trusted-readiness rules (and unknown provenance) to errors', () => {
    const trustedRules = rules.filter((r) => r.meta.blocks === 'trusted').map((r) => r.meta.id);
    expect(Object.keys((PRESETS.trusted as { rules: Record<string, string> }).rules).sort()).toEqual([...trustedRules, 'unknown-provenance'].sort());
  });

  it('recommended keeps every rule at its default severity for the target', () => {
    expect(PRESETS.recommended).toEqual({});
  });
});
