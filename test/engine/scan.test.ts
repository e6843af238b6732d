// The workspace scan: what the walk reads and skips, includes, first-party code, and the CLI's colour rules.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../server/src/cli/main';
import { scan } from '../../server/src/engine/scan';
import { fixtureKb } from '../fixtures/kb';
import { writeFile } from '../helpers/files';

let root: string;
const write = (file: string, content: string) => writeFile(root, file, content);
const scanRoot = () => scan([root], { kb: fixtureKb, cwd: root, today: '2026-11-22' });
const componentsOf = (result: ReturnType<typeof scanRoot>) =>
  result.files.flatMap((file) => file.assessments.map((a) => `${file.file} ${a.declaration.id} ${a.declaration.relation} ${a.classification}`));

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-scan-'));
});

describe('setuptools extras loaded from files', () => {
  it('what an extra loads with `file:` is that extra’s, optional, whether or not the file is a manifest by its name', () => {
    write('setup.cfg', '[options]\ninstall_requires = file: requirements.txt\n\n[options.extras_require]\ngpu = file: gpu.txt\nml = file: requirements-ml.txt\n');
    write('requirements.txt', 'catboost\n');
    write('gpu.txt', 'xgboost\n');
    write('requirements-ml.txt', 'numpy\n');
    const declared = scanRoot().files.flatMap((file) => file.assessments.map(({ declaration }) => [file.file, declaration.name, declaration.relation, declaration.group]));
    expect(declared).toEqual([
      ['requirements-ml.txt', 'numpy', 'optional', 'ml'],
      ['requirements.txt', 'catboost', 'direct', undefined],
      // Read after the manifests, as the file that names it says.
      ['gpu.txt', 'xgboost', 'optional', 'gpu'],
    ]);
  });
});

describe('dynamic dependencies read from requirements files, beside a lockfile', () => {
  // A setuptools project whose dependencies are requirements.txt's (requests), locked by uv.
  const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/dynamic-requirements', name), 'utf8');

  beforeEach(() => {
    write('pyproject.toml', fixture('pyproject.toml'));
    write('uv.lock', fixture('uv.lock'));
  });

  it('are pinned by the lockfile of the pyproject.toml, which traces what they pull in', () => {
    write('requirements.txt', fixture('requirements.txt'));
    const result = scanRoot();
    const declarations = result.files.flatMap((file) => file.assessments.map(({ declaration }) => [file.file, declaration.name, declaration.relation, declaration.locked, declaration.via]));
    expect(declarations).toEqual([
      ['requirements.txt', 'requests', 'direct', { version: '2.32.3' }, undefined],
      ['uv.lock', 'certifi', 'transitive', undefined, ['requests']],
    ]);
    const pulls = result.findings.find((finding) => finding.rule === 'foreign-transitive');
    expect([pulls?.file, pulls?.message]).toEqual(['requirements.txt', 'requests pulls 1 non-domestic package: certifi (unknown)']);
    expect(result.verdict.transitive).toBe('examined');
  });

  it('say where the lockfile is out of date for one of them', () => {
    write('requirements.txt', 'requests>=2.31\nhttpx\n');
    const result = scanRoot();
    const unlocked = result.findings.filter((finding) => finding.rule === 'unlocked-dependency');
    expect(unlocked.map((finding) => [finding.file, finding.range.start.line, finding.componentId])).toEqual([['requirements.txt', 1, 'pypi:httpx']]);
    expect(result.verdict.transitive).toBe('partly examined');
  });
});

describe('Hatch environments beside a lockfile', () => {
  it('are not the lockfile\'s to pin: never out of date for it, and what they pull in is not examined', () => {
    write('pyproject.toml', '[project]\nname = "app"\nversion = "0.1.0"\ndependencies = ["httpx"]\n[tool.hatch.envs.types]\nextra-dependencies = ["mypy"]\n');
    write(
      'uv.lock',
      [
        'version = 1',
        '[[package]]',
        'name = "app"',
        'version = "0.1.0"',
        'source = { editable = "." }',
        'dependencies = [{ name = "httpx" }]',
        '[[package]]',
        'name = "httpx"',
        'version = "0.27.0"',
        'source = { registry = "https://pypi.org/simple" }',
        '',
      ].join('\n'),
    );
    const result = scanRoot();
    expect(result.findings.filter((finding) => finding.rule === 'unlocked-dependency')).toEqual([]);
    const mypy = result.files.flatMap((file) => file.assessments).find(({ declaration }) => declaration.name === 'mypy')?.declaration;
    expect([mypy?.relation, mypy?.group, mypy?.staleLock, mypy?.locked]).toEqual(['dev', 'types', undefined, undefined]);
    expect(result.verdict.transitive).toBe('partly examined');
    expect(result.verdict.summary).toMatch(/; transitive dependencies partly examined \(no lockfile\)$/);
  });
});

describe('conda environments', () => {
  it('reads environments by their other names (conda.yaml, environment-gpu.yml), and skips such a file that is no environment', () => {
    write('dinov2/conda.yaml', 'name: dinov2\nchannels:\n  - pytorch\ndependencies:\n  - pytorch::pytorch=2.0.0\n');
    write('environment-gpu.yml', 'dependencies:\n  - cudatoolkit=11.8\n');
    write('config/environment-settings.yaml', 'debug: true\nport: 8080\n');
    expect(componentsOf(scanRoot())).toEqual(['dinov2/conda.yaml conda:pytorch direct unknown', 'environment-gpu.yml conda:cudatoolkit direct unknown']);
  });

  it('names a conda package in lowercase, as conda does', () => {
    write('environment.yml', 'dependencies:\n  - PyTorch=2.1\n  - conda-forge::NumPy\n');
    expect(componentsOf(scanRoot())).toEqual(['environment.yml conda:pytorch direct unknown', 'environment.yml conda:numpy direct unknown']);
  });

  it('reads the requirements file a pip: item includes, relative to the environment file', () => {
    write('env/environment.yml', 'dependencies:\n  - numpy\n  - pip:\n    - -r ../deps/base.in.txt\n');
    write('deps/base.in.txt', 'flask==2.0\n');
    expect(componentsOf(scanRoot())).toEqual(['env/environment.yml conda:numpy direct unknown', 'deps/base.in.txt pypi:flask direct unknown']);
  });
});

describe('the walk', () => {
  it('reads every manifest kind and skips dependencies, virtualenvs, VCS data and build output', () => {
    write('package.json', '{"dependencies": {"gigachat": "^0.0.20"}}');
    write('ml/requirements-dev.txt', 'numpy\n');
    write('ml/requirements/prod.txt', 'catboost\n');
    write('svc/pyproject.toml', '[project]\nname = "svc"\ndependencies = ["gigachat"]\n');
    write('model/README.md', '---\nbase_model: ai-sage/GigaChat-20B-A3B-instruct\n---\n');
    write('docs/guide.md', '# not a card\n');
    write('node_modules/openai/package.json', '{"dependencies": {"x": "1"}}');
    write('.git/requirements.txt', 'openai\n');
    write('dist/package.json', '{"dependencies": {"openai": "1"}}');
    write('my-env/pyvenv.cfg', 'home = /usr/bin\n');
    write('my-env/lib/requirements.txt', 'openai\n');
    write('environment-docs/requirements.txt', 'catboost\n');
    expect(componentsOf(scanRoot()).sort()).toEqual([
      'environment-docs/requirements.txt pypi:catboost direct domestic',
      'ml/requirements-dev.txt pypi:numpy direct foreign-open',
      'ml/requirements/prod.txt pypi:catboost direct domestic',
      'model/README.md hf:ai-sage/GigaChat-20B-A3B-instruct base-model domestic',
      'package.json npm:gigachat direct domestic',
      'svc/pyproject.toml pypi:gigachat direct domestic',
    ]);
  });

  it('follows -r and -c includes relative to the including file, once each, even round a cycle', () => {
    write('app/requirements.txt', '-r ../shared/base.in\ncatboost\n');
    write('shared/base.in', '-r ../app/requirements.txt\n-c pins.cfg\nnumpy\n');
    write('shared/pins.cfg', 'numpy==2.1.3\n');
    const result = scanRoot();
    expect(result.files.map((file) => file.file)).toEqual(['app/requirements.txt', 'shared/base.in', 'shared/pins.cfg']);
    expect(componentsOf(result)).toEqual([
      'app/requirements.txt pypi:catboost direct domestic',
      'shared/base.in pypi:numpy direct foreign-open',
      'shared/pins.cfg pypi:numpy direct foreign-open',
    ]);
    expect(result.errors).toEqual([]);
  });

  it('reads setuptools projects: setup.cfg with the requirements file it names, setup.py literals; no lockfile pins them', () => {
    write('svc/setup.cfg', '[metadata]\nname = svc\n[options]\ninstall_requires = file: deps/base.txt\n');
    write('svc/deps/base.txt', 'catboost==1.2.7\n');
    write('bot/setup.py', 'from setuptools import setup\nsetup(name="bot", install_requires=["gigachat>=0.1", "numpy", "svc"])\n');
    const result = scanRoot();
    expect(componentsOf(result)).toEqual([
      'bot/setup.py pypi:gigachat direct domestic',
      'bot/setup.py pypi:numpy direct foreign-open',
      // setup.cfg's `name`, but no workspace makes it bot's own: pip installs svc from an index.
      'bot/setup.py pypi:svc direct unknown',
      'svc/deps/base.txt pypi:catboost direct domestic',
    ]);
    expect(result.files.map((file) => file.file)).toEqual(['bot/setup.py', 'svc/setup.cfg', 'svc/deps/base.txt']);
    expect(result.verdict.summary).toBe('national — 2 components block sovereign (numpy and svc); transitive dependencies not examined (no lockfile)');
    const numpy = result.findings.find((finding) => finding.componentId === 'pypi:numpy')!;
    expect(numpy).toMatchObject({ file: 'bot/setup.py', range: { start: { line: 1, character: 54 }, end: { line: 1, character: 59 } } });
  });

  it('reports a missing include at the file name', () => {
    write('requirements.txt', 'catboost\n-r missing.txt\n');
    expect(scanRoot().errors).toEqual([
      {
        file: 'requirements.txt',
        message: 'included file missing.txt does not exist',
        range: { start: { line: 1, character: 3 }, end: { line: 1, character: 14 } },
      },
    ]);
  });

  it('treats path dependencies on folders inside the root as the project itself, not vendored archives', () => {
    write('requirements.txt', '-e ./libs/tokenizer\n./vendor/parser-1.0.tar.gz\n');
    write('web/package.json', '{"dependencies": {"@acme/ui": "workspace:^", "shared": "file:../shared"}}');
    expect(componentsOf(scanRoot())).toEqual([
      'requirements.txt pypi:tokenizer workspace domestic',
      'requirements.txt pypi:parser direct unknown',
      'web/package.json npm:@acme/ui workspace domestic',
      'web/package.json npm:shared workspace domestic',
    ]);
  });
});

describe('first-party code', () => {
  it('treats the members of a workspace as first-party wherever they are used', () => {
    write('package.json', '{"name": "acme-monorepo", "workspaces": ["packages/*"]}');
    write('packages/core/package.json', '{"name": "@acme/core", "dependencies": {"gigachat": "^0.0.20"}}');
    write('packages/web/package.json', '{"name": "@acme/web", "dependencies": {"@acme/core": "^1.0.0"}}');
    write('python/pyproject.toml', '[project]\nname = "acme"\n[tool.uv.workspace]\nmembers = ["tools"]\n');
    write('python/tools/pyproject.toml', '[project]\nname = "Acme_Tools"\ndependencies = []\n');
    write('python/app/requirements.txt', 'acme-tools==1.0\n');
    const result = scanRoot();
    expect(componentsOf(result).sort()).toEqual([
      'packages/core/package.json npm:gigachat direct domestic',
      'packages/web/package.json npm:@acme/core workspace domestic',
      'python/app/requirements.txt pypi:acme-tools workspace domestic',
    ]);
    expect(result.verdict.tier).toBe('sovereign');
  });

  it('finds the workspaces pnpm-workspace.yaml and an empty Rye workspace table declare', () => {
    write('web/package.json', '{"name": "web-root"}');
    write('web/pnpm-workspace.yaml', 'packages:\n  - "apps/*"\n');
    write('web/apps/ui/package.json', '{"name": "@acme/ui"}');
    write('web/apps/site/package.json', '{"name": "site", "dependencies": {"@acme/ui": "^1.0.0"}}');
    write('py/pyproject.toml', '[project]\nname = "py-root"\n[tool.rye.workspace]\n');
    write('py/lib/pyproject.toml', '[project]\nname = "acme-lib"\n');
    write('py/app/pyproject.toml', '[project]\nname = "app"\ndependencies = ["acme-lib"]\n');
    expect(componentsOf(scanRoot()).sort()).toEqual(['py/app/pyproject.toml pypi:acme-lib workspace domestic', 'web/apps/site/package.json npm:@acme/ui workspace domestic']);
  });

  it('takes a Python project’s extras that name the project itself for its own code, as pip does', () => {
    write('lib/pyproject.toml', '[project]\nname = "Acme_Lib"\n[project.optional-dependencies]\ngpu = ["torch"]\nall = ["acme-lib[gpu]"]\n');
    write('tool/setup.py', 'from setuptools import setup\nsetup(name="acme-tool", extras_require={"all": ["acme-tool[cli]"]})\n');
    expect(componentsOf(scanRoot()).sort()).toEqual([
      'lib/pyproject.toml pypi:acme-lib workspace domestic',
      'lib/pyproject.toml pypi:torch optional unknown',
      'tool/setup.py pypi:acme-tool workspace domestic',
    ]);
  });

  it('does not take a package for the project’s own because some manifest of the tree has its name', () => {
    // A project named after its dependency; an SDK's example, which installs the published SDK; a checkout of a foreign
    // library beside the project (a submodule, say); a folder the workspace does not list.
    write('bot/package.json', '{"name": "openai", "dependencies": {"openai": "^4.0.0"}}');
    write('sdk/package.json', '{"name": "gigachat"}');
    write('sdk/examples/chat/package.json', '{"name": "chat", "dependencies": {"gigachat": "^0.0.20"}}');
    write('third_party/numpy/pyproject.toml', '[project]\nname = "numpy"\n');
    write('ml/requirements.txt', 'numpy\n');
    write('web/package.json', '{"name": "web", "workspaces": ["app"]}');
    write('web/app/package.json', '{"name": "app", "dependencies": {"@langchain/core": "^0.2.0"}}');
    write('web/libs/core/package.json', '{"name": "@langchain/core"}');
    expect(componentsOf(scanRoot()).sort()).toEqual([
      'bot/package.json npm:openai direct foreign-proprietary',
      'ml/requirements.txt pypi:numpy direct foreign-open',
      'sdk/examples/chat/package.json npm:gigachat direct domestic',
      'web/app/package.json npm:@langchain/core direct unknown',
    ]);
  });

  it('keeps the declared name of a path dependency; only `-e .`, which names none, is named after its folder', () => {
    write('app/package.json', '{"name": "app", "dependencies": {"@acme/ui": "file:../libs/ui-kit", "@acme/shared": "portal:../libs/shared", "vendored-sdk": "portal:../../vendor/sdk"}}');
    write('app/pyproject.toml', '[project]\nname = "app"\ndependencies = ["vendored-tokenizer"]\n[tool.uv.sources]\nvendored-tokenizer = { path = "../../vendor/tokenizer" }\n');
    write('libs/tool/requirements.txt', '-e .\n');
    expect(componentsOf(scanRoot()).sort()).toEqual([
      'app/package.json npm:@acme/shared workspace domestic',
      'app/package.json npm:@acme/ui workspace domestic',
      'app/package.json npm:vendored-sdk direct unknown',
      // Outside the scanned root: someone else's package, placed by its own name.
      'app/pyproject.toml pypi:vendored-tokenizer direct unknown',
      'libs/tool/requirements.txt pypi:tool workspace domestic',
    ]);
  });
});

describe('colour in text output', () => {
  const runText = (isTTY: boolean, env: NodeJS.ProcessEnv) => {
    write('requirements.txt', 'numpy\n');
    let out = '';
    main(['scan', root], { stdout: (t) => (out += t), stderr: () => {}, cwd: root, env, isTTY, today: '2026-11-22' });
    return out;
  };

  it('colours on a terminal', () => {
    expect(runText(true, {})).toMatch(/\u001b\[/);
  });

  it('never colours with NO_COLOR, even on a terminal', () => {
    expect(runText(true, { NO_COLOR: '1' })).not.toMatch(/\u001b\[/);
  });
});
