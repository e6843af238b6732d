import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../rules/src/rule';

describe('formatMessage', () => {
  it('fills every placeholder, spaced or not, and leaves one without data as written', () => {
    expect(formatMessage('{{name}} — version "{{ spec }}" ({{missing}})', { name: 'axios', spec: '^1.0.0' })).toBe(
      'axios — version "^1.0.0" ({{missing}})',
    );
  });

  it('gives a template without placeholders back unchanged', () => {
    expect(formatMessage('no lockfile', {})).toBe('no lockfile');
  });
});
