// Licence facts: SPDX validity, what non-SPDX strings mean, and which licences are open.
import { describe, expect, it } from 'vitest';
import { checkSpdx, componentLicense, isOpenLicense, normaliseLicense } from '../../rules/src/licenses';

describe('normaliseLicense', () => {
  it.each([
    ['Apache', 'Apache-2.0'],
    ['Apache 2.0', 'Apache-2.0'],
    ['Apache License, Version 2.0', 'Apache-2.0'],
    ['Apache Software License 2.0', 'Apache-2.0'],
    ['BSD3', 'BSD-3-Clause'],
    ['BSD 3-clause', 'BSD-3-Clause'],
    ['MIT license', 'MIT'],
    ['MIT', 'MIT'],
    ['(MIT OR Apache-2.0)', '(MIT OR Apache-2.0)'],
    ['GPL-3.0', 'GPL-3.0-only'],
    ['LGPL-2.1+', 'LGPL-2.1-or-later'],
    ['apache-2.0', 'Apache-2.0'],
    ['cc-by-nc-4.0', 'CC-BY-NC-4.0'],
    ['llama3.1', 'LicenseRef-llama3.1'],
    ['gemma', 'LicenseRef-gemma'],
    ['openrail++', 'LicenseRef-openrail-plus-plus'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseLicense(input)).toBe(expected);
  });

  it.each(['BSD', 'GPL', 'public domain', 'Free for non-commercial use', ''])('"%s" names no single licence', (input) => {
    expect(normaliseLicense(input)).toBeUndefined();
  });
});

describe('checkSpdx', () => {
  it('accepts expressions with exceptions and LicenseRef ids', () => {
    expect(checkSpdx('Apache-2.0 AND Apache-2.0 WITH LLVM-exception AND BSD-2-Clause')).toEqual({
      valid: true,
      expression: 'Apache-2.0 AND Apache-2.0 WITH LLVM-exception AND BSD-2-Clause',
      deprecatedIds: [],
    });
    expect(checkSpdx('LicenseRef-yandexgpt-5-lite-8b-pretrain').valid).toBe(true);
  });

  it('flags deprecated ids and suggests a meaning for common spellings', () => {
    expect(checkSpdx('GPL-2.0 OR MIT')).toEqual({ valid: true, expression: 'GPL-2.0 OR MIT', deprecatedIds: ['GPL-2.0'] });
    expect(checkSpdx('Apache 2.0')).toEqual({ valid: false, reason: '"Apache 2.0" is not a valid SPDX licence expression', suggestion: 'Apache-2.0' });
  });
});

describe('isOpenLicense', () => {
  it.each([
    ['MIT', true],
    ['BSD-3-Clause AND 0BSD AND MIT AND Zlib AND CC0-1.0', true],
    ['CC-BY-4.0', true],
    ['MIT OR LicenseRef-proprietary', true],
    ['MIT AND LicenseRef-llama3', false],
    ['LicenseRef-llama3.1', false],
    ['CC-BY-NC-4.0', false],
    ['CC-BY-NC-SA-4.0', false],
    ['GPL-3.0', true],
    ['not a licence', false],
  ])('%s → %s', (expression, open) => {
    expect(isOpenLicense(expression)).toBe(open);
  });
});

describe('componentLicense', () => {
  it('takes the knowledge base’s licence over the one the package declares', () => {
    expect(componentLicense('LicenseRef-proprietary', 'MIT')).toEqual({ expression: 'LicenseRef-proprietary', source: 'knowledge-base' });
  });

  it('takes the declared one where the knowledge base records none, normalised', () => {
    expect(componentLicense(undefined, 'Apache 2.0')).toEqual({ expression: 'Apache-2.0', source: 'package' });
  });

  it.each([
    ['a pointer to a file', 'SEE LICENSE IN LICENSE.md'],
    ['no licence at all', 'UNLICENSED'],
    // A lockfile can repeat a declared licence for every package: past any real expression's length it is not parsed.
    ['an expression longer than any real one', Array(50).fill('MIT').join(' OR ')],
  ])('names no licence for %s', (_, declared) => {
    expect(componentLicense(undefined, declared)).toBeUndefined();
  });
});
