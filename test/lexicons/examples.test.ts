import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExample } from '../../src/lexicon/check-examples.js';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';

const set = loadLexicons(path.resolve('lexicons'));

describe.each([
  ['stances', set.stances, undefined],
  ['claims', set.claims, set.claimConcepts],
] as const)('every example of the %s lexicons', (_name, lexicon, concepts) => {
  const examples = lexicon.entries.flatMap((entry) => entry.examples.map((text) => [entry.id, text, entry] as const));
  const counters = lexicon.entries.flatMap((entry) => entry.counter.map((text) => [entry.id, text, entry] as const));

  it.each(examples)('tags %s in "%s"', (_id, text, entry) => {
    const r = runExample(entry, text, lexicon, concepts);
    expect(r.tagged, `found: ${r.found}`).toBe(true);
  });

  it.runIf(counters.length > 0).each(counters)('does not tag %s in "%s"', (_id, text, entry) => {
    const r = runExample(entry, text, lexicon, concepts);
    expect(r.tagged, `found: ${r.found}`).toBe(false);
  });
});
