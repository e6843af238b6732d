// Which reader a file needs, decided by its path alone (the walker, the scan and the language server share this).

export type ManifestKind = 'package-json' | 'requirements' | 'pyproject' | 'hatch' | 'pipfile' | 'conda' | 'card' | 'setup-py' | 'setup-cfg';

/** What the scan reads, in one phrase for messages that say so. */
export const MANIFESTS_READ = 'package.json, requirements*.txt, pyproject.toml, hatch.toml, setup.cfg, setup.py, Pipfile, environment.yml and Hugging Face cards';

/** The kind of manifest at a `/`-separated path, or undefined for a file no reader takes. */
export function manifestKind(path: string): ManifestKind | undefined {
  const parts = path.split('/');
  const name = parts.at(-1)!;
  const lower = name.toLowerCase();
  if (name === 'package.json') return 'package-json';
  if (name === 'pyproject.toml') return 'pyproject';
  if (name === 'hatch.toml') return 'hatch';
  if (name === 'Pipfile') return 'pipfile';
  if (name === 'setup.py') return 'setup-py';
  if (name === 'setup.cfg') return 'setup-cfg';
  // environment.yml, and the other names conda environments go by: `environment-gpu.yml`, MLflow's `conda.yaml`.
  if (/^(environment|conda)([-_.][\w.-]*)?\.ya?ml$/.test(lower)) return 'conda';
  if (lower.endsWith('.md')) return 'card';
  if (
    /^requirements.*\.(txt|in)$/.test(lower) ||
    /requirements\.(txt|in)$/.test(lower) ||
    /^constraints.*\.txt$/.test(lower) ||
    /constraints\.txt$/.test(lower) ||
    // Anything under a requirements folder, however deep (`requirements/pytorch/base.txt`, `requirements/test/cuda.in`).
    (parts.slice(0, -1).includes('requirements') && /\.(txt|in)$/.test(lower))
  ) {
    return 'requirements';
  }
  return undefined;
}
