// The built `sovereign-lint` bin, run as a user runs it, on the bundled examples.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import AjvDraft04 from 'ajv-draft-04';
// The schema itself (2.1.0-rtm.5, the one GitHub validates against), as Microsoft's SARIF matchers ship it.
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import { rules } from '../../rules/src/rules/index';
import { writeFile } from '../helpers/files';

const repo = path.resolve(__dirname, '../..');
const bin = path.join(repo, 'dist/cli.js');

function run(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repo,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    // A monorepo-sized report runs to megabytes (spawnSync keeps only 1 MB by default).
    maxBuffer: 1 << 30,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(args: string[]) {
  const result = run([...args, '--format', 'json']);
  return { ...result, report: JSON.parse(result.stdout) };
}

describe('sovereign-lint scan --format json (SPEC §7)', () => {
  it('lists every component of the TypeScript bot, with the verdict and exit 1', () => {
    const { status, report } = json(['scan', 'examples/telegram-bot']);
    expect(status).toBe(1);
    expect(report.tool).toEqual({ name: 'sovereign-lint', version: '0.1.0', knowledgeBase: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(report.target).toBe('sovereign');
    expect(report.jurisdiction).toBe('RU');
    expect(report.verdict).toMatchObject({ tier: 'none', meetsTarget: false, blockedBy: ['npm:openai'] });
    expect(report.components.map((c: { id: string }) => c.id)).toEqual([
      'npm:openai',
      'npm:grammy',
      'npm:zod',
      'npm:dotenv',
      'npm:pino',
      'npm:typescript',
      'npm:@types/node',
      'npm:tsx',
      'npm:vitest',
    ]);
    expect(report.components[0]).toMatchObject({
      id: 'npm:openai',
      ecosystem: 'npm',
      name: 'openai',
      relation: 'direct',
      classification: 'foreign-proprietary',
      origin: 'US',
      file: 'package.json',
      range: { start: { line: 12, character: 5 }, end: { line: 12, character: 11 } },
    });
    expect(report.components[6]).toMatchObject({ id: 'npm:@types/node', relation: 'dev' });
    const openai = report.findings.find((f: { componentId?: string }) => f.componentId === 'npm:openai');
    expect(openai).toMatchObject({
      rule: 'foreign-proprietary',
      severity: 'error',
      file: 'package.json',
      range: { start: { line: 12, character: 5 }, end: { line: 12, character: 11 } },
      message: 'openai — client of a foreign hosted service (OpenAI, US): blocks national',
    });
    expect(openai.fixes[0]).toEqual({
      title: 'Replace openai with domestic gigachat (reaches national)',
      isPreferred: true,
      edits: [
        {
          file: 'package.json',
          range: { start: { line: 12, character: 4 }, end: { line: 12, character: 23 } },
          newText: '"gigachat": "^0.0.20"',
        },
      ],
    });
    expect(report.errors).toEqual([]);
  });

  it('reaches sovereign on the domestic NLP project and exits 0', () => {
    const { status, report } = json(['scan', 'examples/sovereign-nlp']);
    expect(status).toBe(0);
    expect(report.verdict).toMatchObject({ tier: 'sovereign', meetsTarget: true, blockedBy: [] });
    expect(report.components.every((c: { classification: string }) => c.classification === 'domestic')).toBe(true);
    expect(report.findings).toEqual([]);
  });

  it('sees through the Russian fine-tune: foreign base and foreign-derived Russian datasets', () => {
    const { report } = json(['scan', 'examples/ru-finetune']);
    const byId = Object.fromEntries(report.components.map((c: { id: string; classification: string }) => [c.id, c]));
    expect(byId['hf:Qwen/Qwen2.5-7B-Instruct']).toMatchObject({ relation: 'base-model', file: 'README.md' });
    expect(byId['hf-dataset:d0rj/gsm8k-ru']).toMatchObject({ relation: 'training-dataset', classification: expect.stringMatching(/^foreign-/) });
    expect(byId['hf-dataset:IlyaGusev/ru_turbo_alpaca']).toMatchObject({ classification: expect.stringMatching(/^foreign-/) });
    const rulesFired = new Set(report.findings.map((f: { rule: string }) => f.rule));
    expect(rulesFired).toContain('foreign-base-model');
    expect(rulesFired).toContain('foreign-dataset');
  });

  it('lists domestic components too, and the target flag decides the exit code', () => {
    const sovereign = json(['scan', 'examples/rag-service']);
    expect(sovereign.status).toBe(1);
    const ids = sovereign.report.components.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['pypi:gigachat', 'pypi:langchain-gigachat', 'pypi:numpy', 'pypi:pytest']));
    expect(sovereign.report.components.find((c: { id: string }) => c.id === 'pypi:gigachat').classification).toBe('domestic');
    const national = json(['scan', 'examples/rag-service', '--target', 'national']);
    expect(national.report.target).toBe('national');
    expect(national.report.verdict).toMatchObject({ tier: 'national', meetsTarget: true });
    expect(national.status).toBe(0);
  });
});

describe('sovereign-lint scan --format text', () => {
  it('groups findings by file as file:line:col and ends with the verdict line, without colour off a terminal', () => {
    const { status, stdout } = run(['scan', 'examples/telegram-bot']);
    expect(status).toBe(1);
    expect(stdout).not.toMatch(/\u001b\[/);
    expect(stdout).toContain('package.json:13:6  error     openai — client of a foreign hosted service (OpenAI, US): blocks national  foreign-proprietary');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('none — 1 component blocks national (openai); transitive dependencies not examined (no lockfile)');
  });

  it('counts trusted readiness on the summary line, and says how to list what it counts where nothing above does', () => {
    // The knowledge base's version is its release date.
    const summary = (stdout: string) => stdout.trimEnd().split('\n').at(-2)!.replace(/knowledge base \d{4}-\d{2}-\d{2}$/, 'knowledge base VERSION');
    expect(summary(run(['scan', 'examples/rag-service', '--target', 'national']).stdout)).toBe(
      '13 components in 2 files · target national (RU): met · trusted readiness: 12 to fix (add "sovereign-lint:trusted" to extends to list them) · knowledge base VERSION',
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-trusted-'));
    fs.writeFileSync(path.join(dir, 'trusted.json'), '{ "extends": ["sovereign-lint:trusted"] }');
    const listed = run(['scan', 'examples/rag-service', '--target', 'national', '--config', path.join(dir, 'trusted.json')]).stdout;
    expect(listed).toContain('unpinned-version');
    expect(summary(listed)).toBe('13 components in 2 files · target national (RU): met · trusted readiness: 12 to fix · knowledge base VERSION');
  });

  it('on the example with a real lockfile: a domestic SDK alone, yet what it pulls in blocks sovereign', () => {
    const { status, stdout } = run(['scan', 'examples/gigachat-assistant']);
    expect(status).toBe(1);
    expect(stdout).toContain('package-lock.json:47:6  error     axios — foreign open-source (ZA): allowed for national, blocks sovereign  foreign-component');
    expect(stdout).toMatch(/\npackage\.json:12:6  warning   gigachat pulls 31 non-domestic packages: axios, uuid \(unknown\), follow-redirects \(unknown\), and 28 more  foreign-transitive\n/);
    // Every dependency locked: the verdict says nothing was left unexamined.
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('national — 31 components block sovereign (agent-base, async-function, async-generator-function, asynckit, axios and 26 more)');
    expect(run(['scan', 'examples/gigachat-assistant', '--target', 'national']).status).toBe(0);
  });

  it('reads what the repository holds: runs and downloads Git ignores are not the project', () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-cli-gitignore-'));
    const write = (file: string, text: string) => writeFile(project, file, text);
    fs.mkdirSync(path.join(project, '.git'));
    write('.gitignore', 'wandb/\n');
    write('requirements.txt', 'razdel==0.5.0\n');
    write('wandb/run-20261122_101500-abc/files/requirements.txt', 'openai==1.55.0\n');
    const { status, stdout } = run(['scan', project, '--target', 'sovereign']);
    expect(stdout.trimEnd().split('\n').slice(-2)).toEqual([
      expect.stringMatching(/^1 component in 1 file · target sovereign \(RU\): met · /),
      'sovereign; transitive dependencies not examined (no lockfile)',
    ]);
    expect(status).toBe(0);
    // Named on the command line, an ignored file is read.
    expect(run(['scan', path.join(project, 'wandb/run-20261122_101500-abc/files/requirements.txt')]).status).toBe(1);
  });

  it('takes a lockfile Git ignores, and does not track, for none, as a fresh clone has none, and says so', () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-cli-ignored-lock-'));
    fs.cpSync(path.join(repo, 'examples/gigachat-assistant'), project, { recursive: true });
    writeFile(project, '.gitignore', 'package-lock.json\n');
    writeFile(project, 'sovereign-lint.json', '{ "extends": ["sovereign-lint:trusted"] }\n');
    const git = (...args: string[]) => spawnSync('git', args, { cwd: project, encoding: 'utf8' });
    git('init', '-q', '.');
    const scanned = () => JSON.parse(run(['scan', project, '--format', 'json']).stdout);
    const ignored = scanned();
    expect(ignored.findings.filter((f: { rule: string }) => f.rule === 'missing-lockfile').map((f: { message: string }) => f.message)).toEqual([
      'package-lock.json is ignored by Git and not tracked, so a fresh clone has no lockfile for 1 dependency: transitive dependencies are not pinned or examined; blocks trusted readiness',
    ]);
    expect(ignored.verdict.transitive).toBe('not examined');
    expect(ignored.verdict.summary).toMatch(/; transitive dependencies not examined \(no lockfile\)$/);
    // Committed all the same (git add -f): the repository's lockfile.
    git('add', '-f', 'package-lock.json');
    const tracked = scanned();
    expect(tracked.findings.filter((f: { rule: string }) => f.rule === 'missing-lockfile')).toEqual([]);
    expect(tracked.verdict.transitive).toBe('examined');
  });

  it('says a Bun project’s binary bun.lockb is there but cannot be read, and how to write the text lockfile', () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-cli-bun-'));
    writeFile(project, 'package.json', '{ "dependencies": { "gigachat": "0.0.20" } }\n');
    fs.writeFileSync(path.join(project, 'bun.lockb'), Buffer.from([0x23, 0x21, 0x2f, 0x75, 0x73, 0x72, 0x00, 0x01]));
    writeFile(project, 'sovereign-lint.json', '{ "extends": ["sovereign-lint:trusted"] }\n');
    const report = JSON.parse(run(['scan', project, '--format', 'json']).stdout);
    expect(report.findings.filter((f: { rule: string }) => f.rule === 'missing-lockfile').map((f: { message: string }) => f.message)).toEqual([
      "bun.lockb is Bun's binary lockfile, which cannot be read: run `bun install --save-text-lockfile` to write bun.lock (Bun 1.2 writes it by default); until then the transitive dependencies of 1 dependency are not examined; blocks trusted readiness",
    ]);
  });

  it('lists a manifest’s findings top to bottom, "pulls …" beside the dependency it is about', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-text-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{\n  "dependencies": {\n    "zzz-first": "1.0.0",\n    "yyy-second": "1.0.0"\n  }\n}\n');
    fs.writeFileSync(
      path.join(dir, 'package-lock.json'),
      JSON.stringify({
        lockfileVersion: 3,
        packages: {
          '': { dependencies: { 'zzz-first': '1.0.0', 'yyy-second': '1.0.0' } },
          'node_modules/zzz-first': { version: '1.0.0', dependencies: { 'zzz-deep': '1.0.0' } },
          'node_modules/zzz-deep': { version: '1.0.0' },
          'node_modules/yyy-second': { version: '1.0.0' },
        },
      }),
    );
    const lines = run(['scan', dir, '--target', 'national'], { cwd: dir }).stdout.split('\n');
    const manifest = lines.slice(lines.indexOf('package.json') + 1, lines.indexOf('', lines.indexOf('package.json')));
    expect(manifest.map((line) => [line.split('  ')[0], line.split('  ').at(-1)])).toEqual([
      ['package.json:3:6', 'unknown-provenance'],
      ['package.json:3:6', 'foreign-transitive'],
      ['package.json:4:6', 'unknown-provenance'],
    ]);
  });

  it('prints a lockfile’s 20 most severe transitive findings: what blocks national before what blocks sovereign', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-text-'));
    // One dependency that pulls in 25 packages nobody can place, and then a hosted service's client.
    const pulled = [...Array.from({ length: 25 }, (_, i) => `internal-${i}`), 'openai'];
    fs.writeFileSync(path.join(dir, 'package.json'), '{\n  "dependencies": {\n    "internal-root": "1.0.0"\n  }\n}\n');
    fs.writeFileSync(
      path.join(dir, 'package-lock.json'),
      JSON.stringify(
        {
          lockfileVersion: 3,
          packages: {
            '': { dependencies: { 'internal-root': '1.0.0' } },
            'node_modules/internal-root': { version: '1.0.0', dependencies: Object.fromEntries(pulled.map((name) => [name, '1.0.0'])) },
            ...Object.fromEntries(pulled.map((name) => [`node_modules/${name}`, { version: '1.0.0' }])),
          },
        },
        null,
        2,
      ),
    );
    const lines = run(['scan', dir], { cwd: dir }).stdout.split('\n');
    const lockfile = lines.slice(lines.indexOf('package-lock.json') + 1, lines.indexOf('', lines.indexOf('package-lock.json')));
    expect(lockfile).toHaveLength(21);
    // Found in the order the graph was walked, the national blocker among them though it comes last.
    expect(lockfile.slice(0, 19).map((line) => line.split(' ')[0])).toEqual(Array.from({ length: 19 }, (_, i) => `package-lock.json:${40 + 3 * i}:6`));
    expect(lockfile[19]).toBe('package-lock.json:115:6  error     openai — client of a foreign hosted service (OpenAI, US): blocks national  foreign-proprietary');
    expect(lockfile[20]).toBe('… and 6 more transitive findings, none more severe (--format json lists them all)');
  });
});

describe('sovereign-lint scan --format json: each component and finding on one line, as JSON.stringify writes it', () => {
  it('in field order, with the chains, evidence and related places that many elements share', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-json-'));
    fs.copyFileSync(path.join(repo, 'test/fixtures/same-graph/package.json'), path.join(root, 'package.json'));
    fs.copyFileSync(path.join(repo, 'test/fixtures/same-graph/package-lock.json'), path.join(root, 'package-lock.json'));
    const { stdout } = run(['scan', '.', '--format', 'json'], { cwd: root });
    const lines = stdout.split('\n').filter((line) => line.startsWith('    {'));
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) {
      const text = line.trim().replace(/,$/, '');
      expect(JSON.stringify(JSON.parse(text))).toBe(text);
    }
    const report = JSON.parse(stdout) as { components: Record<string, unknown>[]; findings: Record<string, unknown>[] };
    const tiktoken = report.components.find((component) => component.name === 'js-tiktoken')!;
    expect(Object.keys(tiktoken)).toEqual(['id', 'ecosystem', 'name', 'relation', 'classification', 'origin', 'file', 'range', 'versionSpec', 'lockedVersion', 'via', 'owner', 'license', 'provenance', 'evidence']);
    expect(tiktoken.via).toEqual(['@langchain/core']);
    const pulls = report.findings.find((finding) => finding.rule === 'foreign-transitive')!;
    expect(Object.keys(pulls)).toEqual(['rule', 'severity', 'blocks', 'componentId', 'file', 'range', 'message', 'fixes', 'related']);
  });
});

describe('sovereign-lint scan --format sarif', () => {
  it('writes a log valid against the SARIF 2.1.0 schema (GitHub code scanning refuses one that is not): every rule, fixes, errors', () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-sarif-schema-'));
    fs.cpSync(path.join(repo, 'examples'), project, { recursive: true });
    // A broken file, and the trusted preset: readiness findings and their pin fixes in the log too.
    writeFile(project, 'broken/package.json', '{"dependencies": {"openai": ');
    writeFile(project, 'sovereign-lint.json', JSON.stringify({ extends: ['sovereign-lint:trusted'] }));
    const { stdout } = run(['scan', '.', '--format', 'sarif'], { cwd: project });
    const log = JSON.parse(stdout);
    const rulesFired = new Set(log.runs[0].results.map((result: { ruleId: string }) => result.ruleId));
    expect(rulesFired.size).toBeGreaterThan(6);
    const validate = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false, logger: false }).compile(sarifSchema);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
  });

  it('writes SARIF 2.1.0 with documented rules and located results', () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-sarif-'));
    fs.mkdirSync(path.join(project, '.git'));
    fs.cpSync(path.join(repo, 'examples/ru-finetune'), path.join(project, 'models/ru-finetune'), { recursive: true });
    const { stdout } = run(['scan', 'models/ru-finetune', '--format', 'sarif'], { cwd: project });
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const [runResult] = sarif.runs;
    const driver = runResult.tool.driver;
    expect(driver.name).toBe('sovereign-lint');
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.meta.id));
    for (const rule of driver.rules) {
      expect(rule.shortDescription.text).not.toBe('');
      expect(rule.help.text).not.toBe('');
      expect(rule.helpUri).toMatch(/^https:\/\/.*\/docs\/rules\/[a-z-]+\.md$/);
    }
    expect(runResult.results.length).toBeGreaterThan(0);
    for (const result of runResult.results) {
      expect(driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      // Relative to the repository root, as GitHub reads them, though the scan started below it.
      expect(['models/ru-finetune/README.md', 'models/ru-finetune/requirements.txt']).toContain(artifactLocation.uri);
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
    }
    expect(runResult.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(project).href}/` } });
    const base = runResult.results.find((r: { ruleId: string }) => r.ruleId === 'foreign-base-model');
    expect(base.locations[0].physicalLocation.region).toEqual({ startLine: 5, startColumn: 13, endLine: 5, endColumn: 37 });
  });

  it('puts a fix that edits another file (a pnpm catalog entry) on that file', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-sarif-'));
    fs.cpSync(path.join(repo, 'test/fixtures/pnpm-catalog'), root, { recursive: true });
    fs.writeFileSync(path.join(root, 'sovereign-lint.json'), '{ "extends": ["sovereign-lint:trusted"] }\n');
    const [runResult] = JSON.parse(run(['scan', '.', '--format', 'sarif'], { cwd: root }).stdout).runs;
    const pin = runResult.results.find((r: { ruleId: string; message: { text: string } }) => r.ruleId === 'unpinned-version' && r.message.text.startsWith('react'));
    expect(pin.locations[0].physicalLocation.artifactLocation.uri).toBe('packages/web/package.json');
    expect(pin.fixes[0].artifactChanges).toEqual([
      {
        artifactLocation: { uri: 'pnpm-workspace.yaml', uriBaseId: '%SRCROOT%' },
        replacements: [{ deletedRegion: { startLine: 11, startColumn: 12, endLine: 11, endColumn: 21 }, insertedContent: { text: "'18.3.1'" } }],
      },
    ]);
  });
});

describe('sovereign-lint scan --format sarif: what GitHub code scanning takes', () => {
  it('places the files of a workspace member scanned on its own from the repository root, the root lockfile included', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-sarif-'));
    fs.cpSync(path.join(repo, 'test/fixtures/same-workspace/npm'), root, { recursive: true });
    fs.mkdirSync(path.join(root, '.git'));
    const [runResult] = JSON.parse(run(['scan', '--format', 'sarif'], { cwd: path.join(root, 'packages/web') }).stdout).runs;
    expect(runResult.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(root).href}/` } });
    const pulls = runResult.results.find((r: { ruleId: string }) => r.ruleId === 'foreign-transitive');
    expect(pulls.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'packages/web/package.json', uriBaseId: '%SRCROOT%' });
    expect(new Set(pulls.relatedLocations.map((place: { physicalLocation: { artifactLocation: { uri: string } } }) => place.physicalLocation.artifactLocation.uri))).toEqual(
      new Set(['package-lock.json']),
    );
    // Outside a repository, from the scan root.
    fs.rmSync(path.join(root, '.git'), { recursive: true });
    const [outside] = JSON.parse(run(['scan', '--format', 'sarif'], { cwd: path.join(root, 'packages/web') }).stdout).runs;
    expect(outside.results.find((r: { ruleId: string }) => r.ruleId === 'foreign-transitive').locations[0].physicalLocation.artifactLocation.uri).toBe('package.json');
  });

  it('fingerprints each result by rule, file and component, numbering the same component twice in one file', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-sarif-'));
    fs.writeFileSync(path.join(root, 'requirements.txt'), 'numpy==2.1.3\nnumpy==1.26.4 ; python_version < "3.9"\n');
    fs.mkdirSync(path.join(root, 'b'));
    fs.writeFileSync(path.join(root, 'b/requirements.txt'), 'numpy==2.1.3\n');
    const [runResult] = JSON.parse(run(['scan', '.', '--format', 'sarif'], { cwd: root }).stdout).runs;
    const numpy = runResult.results.filter((r: { ruleId: string }) => r.ruleId === 'foreign-component');
    expect(numpy.map((r: { partialFingerprints: object }) => r.partialFingerprints)).toEqual([
      { ruleFileComponent: 'foreign-component:b/requirements.txt:pypi:numpy' },
      { ruleFileComponent: 'foreign-component:requirements.txt:pypi:numpy' },
      { ruleFileComponent: 'foreign-component:requirements.txt:pypi:numpy:2' },
    ]);
  });

  it('places what a dependency pulls in as related locations in the lockfile', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-sarif-'));
    fs.cpSync(path.join(repo, 'test/fixtures/pnpm-catalog'), root, { recursive: true });
    const [runResult] = JSON.parse(run(['scan', '.', '--format', 'sarif'], { cwd: root }).stdout).runs;
    const pulls = runResult.results.find((r: { ruleId: string }) => r.ruleId === 'foreign-transitive');
    expect(pulls.message.text).toMatch(/^react pulls 2 non-domestic packages: /);
    expect(pulls.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: { artifactLocation: { uri: 'pnpm-lock.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 41, startColumn: 3, endLine: 41, endColumn: 21 } },
        message: { text: 'loose-envify@1.4.0 — provenance unknown, via react' },
      },
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'pnpm-lock.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 38, startColumn: 3, endLine: 38, endColumn: 18 } },
        message: { text: 'js-tokens@4.0.0 — provenance unknown, via react → loose-envify' },
      },
    ]);
  });

  it('keeps a run within the 25,000 results GitHub accepts, the most severe first, and says how many it left out', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-sarif-'));
    // 25,010 packages nobody can place (warnings for a national target), then a hosted-service client (an error).
    const unknown = Array.from({ length: 25_010 }, (_, i) => `internal-package-${i}==1.0.0`);
    fs.writeFileSync(path.join(root, 'requirements.txt'), [...unknown, 'openai==1.0.0', ''].join('\n'));
    const [runResult] = JSON.parse(run(['scan', '.', '--target', 'national', '--format', 'sarif'], { cwd: root }).stdout).runs;
    expect(runResult.results).toHaveLength(25_000);
    expect(runResult.results.at(-1)).toMatchObject({ ruleId: 'foreign-proprietary', level: 'error' });
    expect(runResult.results.at(-2).message.text).toMatch(/^internal-package-24998 — /);
    expect(runResult.invocations[0].toolExecutionNotifications).toEqual([
      {
        level: 'warning',
        message: {
          text: '11 of 25011 results left out: GitHub code scanning accepts at most 25000 per run, and these are the most severe. `sovereign-lint scan --format json` lists every finding.',
        },
      },
    ]);
    // The verdict still counts every finding.
    expect(runResult.properties.verdict.summary).toBe('none — 1 component blocks national (openai); transitive dependencies not examined (no lockfile)');
  });
});

describe('usage and config errors exit 2 with a one-line reason', () => {
  it.each([
    [['scan', '--target', 'galactic'], 'sovereign-lint: --target must be one of sovereign, national, not "galactic"'],
    [['scan', '--format', 'xml'], 'sovereign-lint: --format must be one of text, json, sarif, not "xml"'],
    [['scan', '--wat'], 'sovereign-lint: unknown option --wat (try --help)'],
    [['scan', '--target'], "sovereign-lint: Option '--target <value>' argument missing"],
    [['scan', 'no/such/dir'], `sovereign-lint: ${path.join(repo, 'no/such/dir')} does not exist`],
    [['lint'], 'sovereign-lint: unknown command "lint" (try --help)'],
  ])('%j', (args, message) => {
    const { status, stderr, stdout } = run(args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${message}\n`);
  });

  it('finds nothing to scan: a verdict over no manifest would pass any gate, so it is an error saying what is read', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-empty-'));
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM python:3.12\nRUN pip install openai\n');
    fs.mkdirSync(path.join(dir, 'node_modules/left-pad'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules/left-pad/package.json'), '{"dependencies": {"openai": "*"}}');
    const { status, stdout, stderr } = run(['scan', dir, '--format', 'json']);
    expect([status, stdout, stderr]).toEqual([
      2,
      '',
      `sovereign-lint: no manifest found in ${dir} (Sovereign Lint reads package.json, requirements*.txt, pyproject.toml, hatch.toml, setup.cfg, setup.py, Pipfile, environment.yml and Hugging Face cards, and skips node_modules, virtualenvs, build output, what Git ignores and what its config excludes)\n`,
    ]);
  });

  it('finds nothing to scan in a Markdown file that is no card, and names the manifest a lockfile is read with', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-nothing-'));
    fs.writeFileSync(path.join(dir, 'README.md'), '# Notes\n\nNo front matter here.\n');
    fs.writeFileSync(path.join(dir, 'poetry.lock'), '');
    const readme = run(['scan', path.join(dir, 'README.md')]);
    expect([readme.status, readme.stdout]).toEqual([2, '']);
    expect(readme.stderr).toMatch(/^sovereign-lint: no manifest found in .*README\.md \(Sovereign Lint reads /);
    const lock = run(['scan', path.join(dir, 'poetry.lock')]);
    expect([lock.status, lock.stdout, lock.stderr]).toEqual([2, '', `sovereign-lint: ${path.join(dir, 'poetry.lock')} is a lockfile: it is read with the pyproject.toml it pins (scan that, or its folder)\n`]);
  });

  it('names the exact place of an invalid config', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-config-'));
    fs.writeFileSync(path.join(dir, 'sovereign-lint.json'), '{\n  "target": "sovereign",\n  "rules": { "no-such-rule": "error" }\n}\n');
    const { status, stderr } = run(['scan', 'examples/sovereign-nlp', '--config', path.join(dir, 'sovereign-lint.json')]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^sovereign-lint: invalid config .*sovereign-lint\.json:3:14: rules: "no-such-rule" is not one of "foreign-component", /);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('applies a valid config: attestations and accepted exceptions', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-config-'));
    const config = path.join(dir, 'sovereign-lint.json');
    fs.writeFileSync(
      config,
      JSON.stringify({ target: 'national', ignore: [{ component: 'npm:openai', reason: 'migrating to GigaChat by Q3', until: '2999-01-01' }] }),
    );
    const { status, report } = json(['scan', 'examples/telegram-bot', '--config', config]);
    expect(report.target).toBe('national');
    expect(report.verdict).toMatchObject({ tier: 'national', meetsTarget: true, exceptions: ['npm:openai'] });
    expect(report.verdict.summary).toBe(
      'national — 8 components block sovereign (@types/node, dotenv, grammy, pino, tsx and 3 more), with 1 accepted exception; transitive dependencies not examined (no lockfile)',
    );
    expect(report.components.find((c: { id: string }) => c.id === 'npm:openai').classification).toBe('foreign-proprietary');
    expect(status).toBe(0);
  });

  it('names the config declaring an accepted exception relative to the scan root, as every file in the report', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-config-'));
    fs.writeFileSync(path.join(root, 'sovereign-lint.json'), '{ "ignore": [{ "component": "pypi:numpy", "reason": "no alternative" }] }');
    fs.writeFileSync(path.join(root, 'requirements.txt'), 'numpy\n');
    const report = JSON.parse(run(['scan', '.', '--format', 'json'], { cwd: root }).stdout);
    expect(report.findings[0].exception).toEqual({
      pattern: 'pypi:numpy',
      reason: 'no alternative',
      declared: { source: 'sovereign-lint.json', range: { start: { line: 0, character: 13 }, end: { line: 0, character: 14 } } },
    });
  });
});
