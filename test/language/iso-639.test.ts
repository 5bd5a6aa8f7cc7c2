import { describe, expect, it } from 'vitest';
import { toIso6393 } from '../../src/language/iso-639.js';

describe('toIso6393', () => {
  it.each([
    ['fr', 'fra'], ['FR', 'fra'], ['fr-CA', 'fra'], ['fr_FR', 'fra'], ['fra', 'fra'], ['fre', 'fra'],
    ['en', 'eng'], ['de', 'deu'], ['ger', 'deu'], ['nl', 'nld'], ['zh', 'zho'], ['hy', 'hye'], ['oci', 'oci'],
  ])('reads "%s" as %s', (code, expected) => {
    expect(toIso6393(code)).toBe(expected);
  });

  it.each(['', 'und', 'xx', 'qqq', 'french', '12'])('gives nothing for "%s"', (code) => {
    expect(toIso6393(code)).toBeUndefined();
  });
});
