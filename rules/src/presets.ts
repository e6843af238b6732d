// Built-in configs a team can extend: `sovereign-lint:recommended` (every rule at its default severity
// for the target), `:sovereign` and `:national` (the target and jurisdiction), `:trusted` (trusted-
// readiness rules, and unknown provenance, as errors). Pure data, like every config.
import national from '../presets/national.json';
import recommended from '../presets/recommended.json';
import sovereign from '../presets/sovereign.json';
import trusted from '../presets/trusted.json';

export const PRESET_PREFIX = 'sovereign-lint:';

export const PRESETS: Readonly<Record<string, unknown>> = { recommended, sovereign, national, trusted };

export function presetNamed(reference: string): unknown {
  return reference.startsWith(PRESET_PREFIX) ? PRESETS[reference.slice(PRESET_PREFIX.length)] : undefined;
}
