// setuptools projects: setup.cfg's declarative requirements, read as setuptools reads them, and setup.py's literal
// lists, each requirement at the exact range of its name; what setup.py computes is reported, never guessed.
import { describe, expect, it } from 'vitest';
import type { Declaration, Relation } from '../../rules/src/types';
import { readSetupCfg, readSetupPy } from '../../server/src/readers/setuptools';
import { rangeOf } from '../helpers/ranges';

/** A requirement as the readers declare it: its name's range, and the rewritable name-to-specifier range. */
function requirement(text: string, written: string, relation: Relation, group?: string, extra: Partial<Declaration> = {}): Declaration {
  const name = /^[A-Za-z0-9._-]+/.exec(written)![0];
  const whole = rangeOf(text, written);
  return {
    id: `pypi:${name.toLowerCase().replace(/[-_.]+/g, '-')}`,
    ecosystem: 'pypi',
    name,
    relation,
    ...(group ? { group } : {}),
    range: { start: whole.start, end: { line: whole.start.line, character: whole.start.character + name.length } },
    ...extra,
    rewrite: { syntax: 'pep508', range: whole, extraDeletions: [] },
  };
}

describe('readSetupCfg', () => {
  it('reads install_requires a line each (markers kept out of the rewrite), extras by name, and the project name', () => {
    const text = [
      '[metadata]',
      'name = ru-assistant',
      '',
      '[options]',
      'packages = find:',
      'install_requires =',
      '    openai>=1.0',
      '    # the tokenizer',
      '    tiktoken==0.7.0  # pinned for the cache',
      '',
      '    numpy; python_version>"3.8"',
      'python_requires = >=3.9',
      '',
      '[options.extras_require]',
      'GPU = torch>=2.1; triton',
      'dev =',
      '    pytest',
    ].join('\n');
    const result = readSetupCfg(text);
    expect(result.problems).toEqual([]);
    expect(result.ownName).toBe('ru-assistant');
    expect(result.declarations).toEqual([
      requirement(text, 'openai>=1.0', 'direct', undefined, { versionSpec: '>=1.0' }),
      requirement(text, 'tiktoken==0.7.0', 'direct', undefined, { versionSpec: '==0.7.0' }),
      requirement(text, 'numpy', 'direct', undefined, { marker: 'python_version>"3.8"' }),
      // A one-line value is split at `;`, as setuptools does; configparser lower-cases keys.
      requirement(text, 'torch>=2.1', 'optional', 'gpu', { versionSpec: '>=2.1' }),
      requirement(text, 'triton', 'optional', 'gpu'),
      requirement(text, 'pytest', 'optional', 'dev'),
    ]);
  });

  it('reads a value that names another as configparser interpolates it, each requirement placed on the reference', () => {
    const text = ['[options.extras_require]', 'test =', '    pytest', '    parameterized', 'dev =', '    %(test)s', '    ruff', 'all = %(dev)s'].join('\n');
    const result = readSetupCfg(text);
    expect(result.problems).toEqual([]);
    expect(result.declarations.map((d) => [d.name, d.group, d.range, d.rewrite])).toEqual([
      ['pytest', 'test', rangeOf(text, 'pytest'), { syntax: 'pep508', range: rangeOf(text, 'pytest'), extraDeletions: [] }],
      ['parameterized', 'test', rangeOf(text, 'parameterized'), { syntax: 'pep508', range: rangeOf(text, 'parameterized'), extraDeletions: [] }],
      ['pytest', 'dev', rangeOf(text, '%(test)s'), undefined],
      ['parameterized', 'dev', rangeOf(text, '%(test)s'), undefined],
      ['ruff', 'dev', rangeOf(text, 'ruff'), { syntax: 'pep508', range: rangeOf(text, 'ruff'), extraDeletions: [] }],
      ['pytest', 'all', rangeOf(text, '%(dev)s'), undefined],
      ['parameterized', 'all', rangeOf(text, '%(dev)s'), undefined],
      ['ruff', 'all', rangeOf(text, '%(dev)s'), undefined],
    ]);
    // A reference to itself goes nowhere: reported, as configparser refuses it.
    expect(readSetupCfg('[options.extras_require]\nloop = %(loop)s\n').problems).toHaveLength(1);
  });

  it('reads a first header after blanks (a buffer\'s byte-order mark, read as a blank)', () => {
    expect(readSetupCfg(' [metadata]\nname = bot\n[options]\ninstall_requires = numpy\n')).toMatchObject({ ownName: 'bot', problems: [] });
  });

  it('reads `file:` values as requirements files to include', () => {
    const text = '[options]\ninstall_requires = file: requirements/base.txt, requirements/ml.txt\n';
    expect(readSetupCfg(text).includes).toEqual([
      { path: 'requirements/base.txt', kind: 'requirements', range: rangeOf(text, 'requirements/base.txt') },
      { path: 'requirements/ml.txt', kind: 'requirements', range: rangeOf(text, 'requirements/ml.txt') },
    ]);
  });

  it('reports a requirement it cannot parse where it is, and reads the rest', () => {
    const text = '[options]\ninstall_requires =\n    openai>>1\n    numpy\n';
    const result = readSetupCfg(text);
    expect(result.problems.map((p) => p.range.start.line)).toEqual([2]);
    expect(result.declarations.map((d) => d.name)).toEqual(['numpy']);
  });
});

describe('readSetupPy', () => {
  it('reads literal lists: keyword arguments, a module-level list they name, and the extras dict', () => {
    const text = [
      'from setuptools import setup',
      '',
      '# install_requires=["not-this"] is a comment',
      'REQUIRED = [',
      "    'openai>=1.0',  # the API",
      '    "numpy",',
      ']',
      'setup(',
      '    name="ru-assistant",',
      '    description="install_requires=[\'nor-this\']",',
      '    install_requires=REQUIRED,',
      "    extras_require={'gpu': ['torch==2.1.0'], \"docs\": (\"sphinx\",)},",
      ')',
    ].join('\n');
    const result = readSetupPy(text);
    expect(result.problems).toEqual([]);
    expect(result.ownName).toBe('ru-assistant');
    expect(result.declarations).toEqual([
      requirement(text, 'openai>=1.0', 'direct', undefined, { versionSpec: '>=1.0' }),
      requirement(text, 'numpy', 'direct'),
      requirement(text, 'torch==2.1.0', 'optional', 'gpu', { versionSpec: '==2.1.0' }),
      requirement(text, 'sphinx', 'optional', 'docs'),
    ]);
  });

  it('reads the extras dict up to its closing brace: the dicts of the arguments after it are no extras', () => {
    const text = [
      'EXTRAS = {"snowflake": ["snowflake-snowpark-python"]}',
      'setuptools.setup(',
      '    name="x",',
      '    extras_require=EXTRAS,',
      '    package_data={"x": ["py.typed"]},',
      '    cmdclass={"verify": VerifyVersionCommand},',
      ')',
      'other = dict(extras_require={"gpu": ["torch"]}, project_urls={"Bug Tracker": "https://example.com"}, entry_points={"console_scripts": ["x = x.cli:main"]})',
    ].join('\n');
    const result = readSetupPy(text);
    expect(result.problems).toEqual([]);
    expect(result.declarations.map((d) => [d.name, d.group])).toEqual([
      ['snowflake-snowpark-python', 'snowflake'],
      ['torch', 'gpu'],
    ]);
  });

  it('reads a list once, assigned at the top under the keyword’s own name and passed on', () => {
    const text = 'install_requires = ["numpy"]\nsetup(install_requires=install_requires)\n';
    expect(readSetupPy(text).declarations.map((d) => d.name)).toEqual(['numpy']);
  });

  it('reads the requirements file a computed list names, and reports a list it cannot read', () => {
    const fromFile = 'setup(install_requires=open("requirements.txt").read().splitlines())\n';
    expect(readSetupPy(fromFile)).toMatchObject({
      declarations: [],
      problems: [],
      includes: [{ path: 'requirements.txt', kind: 'requirements', range: rangeOf(fromFile, 'requirements.txt') }],
    });
    const computed = 'deps = load()\nsetup(install_requires=deps + [f"torch=={TORCH}"])\n';
    expect(readSetupPy(computed).problems).toEqual([
      {
        message: 'setup.py computes install_requires, which is not read: list the requirements as strings, or in pyproject.toml or a requirements file',
        range: rangeOf(computed, 'deps', 1),
      },
    ]);
    const extras = 'setup(extras_require=load_extras(), install_requires=[])\n';
    expect(readSetupPy(extras).problems.map((p) => p.message)).toEqual([
      'setup.py computes extras_require, which is not read: list the requirements as strings, or in pyproject.toml or a requirements file',
    ]);
  });

  it('follows a computed list to the requirements file it is read from, through the names bound on the way', () => {
    const includes = (text: string) => readSetupPy(text).includes.map(({ path, range, extra }) => ({ path, range, extra }));
    // The shapes setup.py files read their requirements in: the file opened in a `with`, the list built from its handle.
    const withOpen = ['with open("requirements.txt") as f:', '    required = f.read().splitlines()', 'setup(install_requires=required)'].join('\n');
    expect(readSetupPy(withOpen).problems).toEqual([]);
    expect(includes(withOpen)).toEqual([{ path: 'requirements.txt', range: rangeOf(withOpen, 'requirements.txt'), extra: undefined }]);
    const twoSteps = [
      'with open("requirements.txt", encoding="utf-8") as f:',
      '    content = f.readlines()',
      'requirements = [req.strip() for req in content]',
      'setup(install_requires=requirements)',
    ].join('\n');
    expect(includes(twoSteps).map((include) => include.path)).toEqual(['requirements.txt']);
    const inMain = [
      'if __name__ == "__main__":',
      '    with open("requirements.txt") as file:',
      '        required = file.read().splitlines()',
      '    setup(install_requires=required)',
    ].join('\n');
    expect(includes(inMain).map((include) => include.path)).toEqual(['requirements.txt']);
    const byFunction = [
      'REQUIREMENTS = "requirements/base.txt"',
      'def read_requirements():',
      '    with open(REQUIREMENTS) as req:',
      '        return req.read().splitlines()',
      'def unrelated():',
      '    return open("requirements-docs.txt")',
      'setup(install_requires=read_requirements())',
    ].join('\n');
    expect(includes(byFunction)).toEqual([{ path: 'requirements/base.txt', range: rangeOf(byFunction, 'requirements/base.txt'), extra: undefined }]);
    // A function returning the list with another value, unpacked.
    const unpacked = [
      'def parse_requirements():',
      '    with open("./requirements.txt", encoding="utf-8") as requirements_file:',
      '        lines = [r.strip() for r in requirements_file.readlines()]',
      '    return lines, []',
      'install_requires, links = parse_requirements()',
      'setup(install_requires=install_requires)',
    ].join('\n');
    expect(readSetupPy(unpacked).problems).toEqual([]);
    expect(includes(unpacked).map((include) => include.path)).toEqual(['./requirements.txt']);
    // Lists read from files and added to the first, as DeepSpeed's setup.py does.
    const added = [
      'def fetch_requirements(path):',
      '    with open(path) as fd:',
      '        return [r.strip() for r in fd.readlines()]',
      'install_requires = fetch_requirements("requirements/requirements.txt")',
      'dev_requires = fetch_requirements("requirements/requirements-dev.txt")',
      'install_requires += dev_requires',
      'setup(install_requires=install_requires)',
    ].join('\n');
    expect(readSetupPy(added).problems).toEqual([]);
    expect(includes(added).map((include) => include.path)).toEqual(['requirements/requirements.txt', 'requirements/requirements-dev.txt']);
    // A string appended to a list read from a file is a requirement too; a formatted one is computed, and said so.
    const appended = [
      'def fetch_requirements(path):',
      '    with open(path) as fd:',
      '        lines = [r.strip() for r in fd.readlines()]',
      '        lines.append(fd.name)',
      '        return lines',
      'gpu = fetch_requirements("requirements/gpu.txt")',
      'gpu.append("triton")',
      'gpu.append(f"cupy-cuda{CUDA}")',
      'install_requires = fetch_requirements("requirements/base.txt")',
      'install_requires += gpu',
      'setup(install_requires=install_requires)',
    ].join('\n');
    expect(readSetupPy(appended).declarations.map((d) => [d.name, d.range])).toEqual([['triton', rangeOf(appended, 'triton')]]);
    expect(readSetupPy(appended).problems.map((p) => [p.message.slice(0, p.message.indexOf(',')), p.range])).toEqual([
      ['setup.py computes install_requires', rangeOf(appended, 'f"cupy-cuda{CUDA}"')],
    ]);
    // A list first assigned empty and read from the file where it exists.
    const reassigned = [
      'requirement_path = "requirements.txt"',
      'install_requires = []',
      'if os.path.isfile(requirement_path):',
      '    with open(requirement_path) as f:',
      '        install_requires = f.read().splitlines()',
      'setup(name="mypackage", install_requires=install_requires)',
    ].join('\n');
    expect(readSetupPy(reassigned).problems).toEqual([]);
    expect(includes(reassigned).map((include) => include.path)).toEqual(['requirements.txt']);
    // An extra's list read from a file is that extra's.
    const extra = ['with open("requirements-dev.txt") as f:', '    dev = f.read().splitlines()', 'setup(extras_require={"dev": dev})'].join('\n');
    expect(includes(extra)).toEqual([{ path: 'requirements-dev.txt', range: rangeOf(extra, 'requirements-dev.txt'), extra: 'dev' }]);
  });

  it('reads the names a value looks up in the file\'s own list of requirements, as transformers\' setup.py does', () => {
    const text = [
      '_deps = [',
      '    "numpy>=1.17",',
      '    "ray[tune]",',
      '    "torch>=2.2,!=2.3.0",',
      ']',
      'deps = {b: a for a, b in (re.findall(r"^(([^!=<>~ ]+)(?:[!=<>~ ].*)?$)", x)[0] for x in _deps)}',
      'def deps_list(*pkgs):',
      '    return [deps[pkg] for pkg in pkgs]',
      'extras = {}',
      'extras["torch"] = deps_list("torch")',
      'extras["ray"] = deps_list("ray[tune]")',
      'extras["all"] = (',
      '    extras["torch"]',
      '    + extras["ray"]',
      ')',
      'install_requires = [',
      '    deps["numpy"] + ";python_version>\'3.8\'",',
      ']',
      'setup(install_requires=list(install_requires), extras_require=extras)',
    ].join('\n');
    const result = readSetupPy(text);
    expect(result.problems).toEqual([]);
    expect(result.declarations.map((d) => [d.name, d.relation, d.group, d.versionSpec, d.range, d.rewrite])).toEqual([
      // Placed on the name that picks each, with the version the list gives it, and never rewritten there.
      ['numpy', 'direct', undefined, '>=1.17', rangeOf(text, 'numpy', 1), undefined],
      ['torch', 'optional', 'torch', '>=2.2,!=2.3.0', rangeOf(text, 'torch', 2), undefined],
      ['ray', 'optional', 'ray', undefined, rangeOf(text, 'ray[tune]', 1), undefined],
    ]);
  });

  it('still reports a computed list whose names lead to no requirements file', () => {
    const problems = (text: string) => readSetupPy(text).problems.map((p) => [p.message.slice(0, p.message.indexOf(',')), p.range]);
    const unbound = 'setup(install_requires=reqs)\n';
    expect(problems(unbound)).toEqual([['setup.py computes install_requires', rangeOf(unbound, 'reqs')]]);
    // `README.md` is no requirements file, and a keyword argument (`encoding=`) is no name the value uses.
    const readme = ['with open("README.md", encoding=enc) as f:', '    required = f.read().splitlines()', 'setup(install_requires=required)'].join('\n');
    expect(problems(readme)).toEqual([['setup.py computes install_requires', rangeOf(readme, 'required', 1)]]);
    expect(readSetupPy(readme).includes).toEqual([]);
  });

  it('reads what the file adds to a list or dict it assigned: appended strings, extended lists, extras by key', () => {
    const text = [
      'extras = {}',
      'extras["quality"] = ["black ~= 23.1", "ruff"]',
      'extras["test"] = ["pytest"]',
      'extras["dev"] = extras["quality"] + extras["test"] + ["ipython"]',
      'REQUIRED = ["numpy"]',
      'REQUIRED += ["psutil"]',
      'if sys.platform == "linux":',
      '    REQUIRED.append("triton")',
      '    REQUIRED.extend(["xformers"])',
      'setup(install_requires=REQUIRED, extras_require=extras)',
    ].join('\n');
    const result = readSetupPy(text);
    expect(result.problems).toEqual([]);
    expect(result.declarations.map((d) => [d.name, d.relation, d.group, d.range])).toEqual([
      ['numpy', 'direct', undefined, rangeOf(text, 'numpy')],
      ['psutil', 'direct', undefined, rangeOf(text, 'psutil')],
      ['triton', 'direct', undefined, rangeOf(text, 'triton')],
      ['xformers', 'direct', undefined, rangeOf(text, 'xformers')],
      ['black', 'optional', 'quality', rangeOf(text, 'black')],
      ['ruff', 'optional', 'quality', rangeOf(text, 'ruff')],
      ['pytest', 'optional', 'test', rangeOf(text, 'pytest')],
      // The extras it names are read where they are assigned.
      ['ipython', 'optional', 'dev', rangeOf(text, 'ipython')],
    ]);
  });

  it('reads a list passed on as an attribute it was assigned to, and a list extended by another assigned at the top', () => {
    const attribute = ['spec = SetupSpec()', 'spec.install_requires = ["attrs"]', 'setup(install_requires=spec.install_requires)'].join('\n');
    expect(readSetupPy(attribute).problems).toEqual([]);
    expect(readSetupPy(attribute).declarations.map((d) => d.name)).toEqual(['attrs']);
    const extended = ['REQUIRES = ["altair"]', 'SNOWPARK = ["snowflake-snowpark-python"]', 'REQUIRES.extend(SNOWPARK)', 'setup(install_requires=REQUIRES)'].join('\n');
    expect(readSetupPy(extended).problems).toEqual([]);
    expect(readSetupPy(extended).declarations.map((d) => [d.name, d.range])).toEqual([
      ['altair', rangeOf(extended, 'altair')],
      ['snowflake-snowpark-python', rangeOf(extended, 'snowflake-snowpark-python')],
    ]);
  });

  it('reports a list or dict the file changes in a way it cannot read, and still reads what it can', () => {
    const problems = (text: string) => readSetupPy(text).problems.map((p) => [p.message.slice(0, p.message.indexOf(',')), p.range]);
    const reassigned = 'REQUIRED = ["numpy"]\nREQUIRED = REQUIRED + extra()\nsetup(install_requires=REQUIRED)\n';
    expect(problems(reassigned)).toEqual([['setup.py computes install_requires', rangeOf(reassigned, 'REQUIRED', 1)]]);
    expect(readSetupPy(reassigned).declarations.map((d) => d.name)).toEqual(['numpy']);
    const updated = 'extras = {"gpu": ["torch"]}\nextras.update(more)\nsetup(extras_require=extras)\n';
    expect(problems(updated)).toEqual([['setup.py computes extras_require', rangeOf(updated, 'extras', 1)]]);
    const computedExtra = 'extras = {}\nextras["all"] = sorted(set(sum(extras.values(), [])))\nsetup(extras_require=extras)\n';
    expect(problems(computedExtra)).toEqual([['setup.py computes the "all" extra', rangeOf(computedExtra, 'sorted')]]);
    const augmented = 'install_requires = ["numpy"]\ninstall_requires += load()\nsetup(install_requires=install_requires)\n';
    expect(problems(augmented)).toEqual([['setup.py computes install_requires', rangeOf(augmented, 'install_requires', 1)]]);
  });

  it('reads no further than 20 mentions of the lists: more are a generated or hostile file', () => {
    const text = Array.from({ length: 25 }, (_, i) => `install_requires = ["package-${i}"]\n`).join('');
    expect(readSetupPy(text).declarations.map((d) => d.name)).toEqual(Array.from({ length: 20 }, (_, i) => `package-${i}`));
  });

  it('joins adjacent literals into one requirement, as Python does, placed whole', () => {
    const text = 'setup(install_requires=["torch" ">=2.1", "numpy"])\n';
    expect(readSetupPy(text).declarations.map(({ name, versionSpec, range, rewrite }) => ({ name, versionSpec, range, rewrite }))).toEqual([
      { name: 'torch', versionSpec: '>=2.1', range: { start: rangeOf(text, 'torch').start, end: rangeOf(text, '>=2.1').end }, rewrite: undefined },
      { name: 'numpy', versionSpec: undefined, range: rangeOf(text, 'numpy'), rewrite: { syntax: 'pep508', range: rangeOf(text, 'numpy'), extraDeletions: [] } },
    ]);
  });

  it('places a string with escapes whole and offers no rewrite of it', () => {
    const text = 'setup(install_requires=["numpy\\x3e=1.26"])\n';
    expect(readSetupPy(text).declarations).toEqual([
      { id: 'pypi:numpy', ecosystem: 'pypi', name: 'numpy', relation: 'direct', range: rangeOf(text, 'numpy\\x3e=1.26'), versionSpec: '>=1.26' },
    ]);
  });
});
