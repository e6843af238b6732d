// What an installed Python distribution's METADATA says of its licence, as core metadata lays it out.
import { describe, expect, it } from 'vitest';
import { metadataLicense } from '../../server/src/engine/sitePackages';

describe('metadataLicense', () => {
  it.each<[string, string, string | undefined]>([
    ['an SPDX expression (metadata 2.4) first', 'Name: a\nLicense: MIT License\nLicense-Expression: MIT OR Apache-2.0\n', 'MIT OR Apache-2.0'],
    ['a License of one line', 'Name: a\nLicense: BSD-3-Clause\nClassifier: License :: OSI Approved :: MIT License\n', 'BSD-3-Clause'],
    [
      'the one licence classifier where License is the licence text',
      'Name: a\nLicense: Copyright (c) 2024 A\n        Permission is hereby granted\nClassifier: Programming Language :: Python\nClassifier: License :: OSI Approved :: MIT License\n',
      'MIT License',
    ],
    ['nothing where two classifiers name two licences', 'Name: a\nClassifier: License :: OSI Approved :: MIT License\nClassifier: License :: OSI Approved :: Apache Software License\n', undefined],
    ['nothing from the description after the headers', 'Name: a\nVersion: 1.0\n\nLicense: MIT\n', undefined],
    ['headers with Windows line ends', 'Name: a\r\nLicense-Expression: ISC\r\n\r\n', 'ISC'],
  ])('%s', (_case, metadata, expected) => {
    expect(metadataLicense(metadata)).toBe(expected);
  });
});
