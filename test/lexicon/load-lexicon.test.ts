import { mkdtempSync, cpSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LexiconError, loadLexicons } from '../../src/lexicon/load-lexicon.js';
import { tokenise } from '../../src/text/tokenise.js';

const LEXICONS = path.resolve('lexicons');

function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'controverse-lex-'));
  cpSync(LEXICONS, dir, { recursive: true });
  const target = path.join(dir, file);
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
  return dir;
}

describe('loadLexicons', () => {
  it('loads the shipped lexicons with their versions', () => {
    const set = loadLexicons(LEXICONS);
    expect(set.stances.entries.length).toBeGreaterThan(0);
    expect(set.claims.entries.length).toBeGreaterThan(0);
    expect(set.files.map((f) => f.path)).toContain('stances/sceptical.fr.yaml');
    for (const f of set.files) expect(f.version).toBeGreaterThanOrEqual(1);
  });

  it('finds the longest entry, across elisions and case', () => {
    const { stances } = loadLexicons(LEXICONS);
    const tokens = tokenise('PAR DES MILLIARDS DILAPIDÉS et aucun résultat');
    const found = stances.findAll(tokens);
    expect(found.map((m) => m.entry.id)).toContain('sceptical.milliards-dilapides');
  });

  it('rejects a weight that is not a number, naming file, line and entry', () => {
    const dir = brokenCopy('stances/sceptical.fr.yaml', (t) => t.replace('weight: 2', 'weight: fort'));
    expect(() => loadLexicons(dir)).toThrow(LexiconError);
    expect(() => loadLexicons(dir)).toThrow(/stances\/sceptical\.fr\.yaml:\d+: entry "sceptical\.[a-z-]+": weight "fort" is not a number/);
  });

  it('rejects unknown keys and entries without examples', () => {
    const unknown = brokenCopy('stances/trust_state.fr.yaml', (t) => t.replace('    weight: 0.5\n', '    wieght: 0.5\n'));
    expect(() => loadLexicons(unknown)).toThrow(/unknown key "wieght"/);
    const noExamples = brokenCopy('claims.fr.yaml', (t) => t.replace(/\n {4}examples: \[[^\n]*\]/u, ''));
    expect(() => loadLexicons(noExamples)).toThrow(/"examples" is required/);
  });

  it('rejects the same match in two entries', () => {
    const dir = brokenCopy('stances/trust_state.fr.yaml', (t) => t.replace('"bon point"', '"cloud act"'));
    expect(() => loadLexicons(dir)).toThrow(/duplicates "cloud act"/);
  });

  it('stops on a missing lexicon file rather than running with an empty list', () => {
    const dir = brokenCopy('negation.fr.yaml', (t) => t);
    writeFileSync(path.join(dir, 'stances', 'sovereigntist.fr.yaml'), '');
    expect(() => loadLexicons(dir)).toThrow(LexiconError);
  });
});

describe('loadLexicons: entries that could never match or mean two things', () => {
  const addEntry = (file: string, entry: string): string => brokenCopy(file, (t) => `${t.trimEnd()}\n${entry}\n`);

  it('rejects a wildcard inside a word, a too-short prefix and characters the tokeniser drops', () => {
    const inside = addEntry('stances/sceptical.fr.yaml', '  - id: sceptical.bad\n    match: ["dilap*dés"]\n    examples: ["dilapidés"]');
    expect(() => loadLexicons(inside)).toThrow(/sceptical\.fr\.yaml:\d+: entry "sceptical\.bad": match "dilap\*dés" can never match: "\*" only ends a word/);
    const short = addEntry('stances/sceptical.fr.yaml', '  - id: sceptical.bad\n    match: ["de*"]\n    examples: ["des"]');
    expect(() => loadLexicons(short)).toThrow(/shorter than 3 letters/);
    const dropped = addEntry('stances/sceptical.fr.yaml', '  - id: sceptical.bad\n    match: ["c++"]\n    examples: ["c++"]');
    expect(() => loadLexicons(dropped)).toThrow(/"c\+\+" holds characters the tokeniser drops/);
  });

  it('rejects a match shared by two stances, naming both places', () => {
    const dir = addEntry('stances/sovereigntist.fr.yaml', '  - id: sovereigntist.bad\n    match: ["gâchis"]\n    examples: ["gâchis"]');
    expect(() => loadLexicons(dir)).toThrow(/sovereigntist\.fr\.yaml:\d+: entry "sovereigntist\.bad": match "gâchis" duplicates "gâchis" of entry "sceptical\.gachis" \(stances\/sceptical\.fr\.yaml:\d+\)/);
  });

  it('checks kinds, cancels, also and when_negated', () => {
    const kind = addEntry('stances/sceptical.fr.yaml', '  - id: sceptical.bad\n    kind: ironie\n    match: ["zzzz"]\n    examples: ["zzzz"]');
    expect(() => loadLexicons(kind)).toThrow(/kind "ironie" \(expected one of cue, sarcasm, intensifier\)/);
    const cancels = addEntry('stances/sceptical.fr.yaml', '  - id: sceptical.bad\n    match: ["zzzz"]\n    cancels: [trust_state]\n    examples: ["zzzz"]');
    expect(() => loadLexicons(cancels)).toThrow(/only kind "sarcasm" can cancel/);
    const also = addEntry('stances/sceptical.fr.yaml', '  - id: sceptical.bad\n    match: ["zzzz"]\n    also: [sceptical]\n    examples: ["zzzz"]');
    expect(() => loadLexicons(also)).toThrow(/"also" repeats the file's own stance/);
    const neg = addEntry('stances/sceptical.fr.yaml', '  - id: sceptical.bad\n    match: ["zzzz"]\n    when_negated: flip\n    examples: ["zzzz"]');
    expect(() => loadLexicons(neg)).toThrow(/when_negated "flip" \(expected drop, keep or a stance/);
    const intens = addEntry('stances/sceptical.fr.yaml', '  - id: sceptical.bad\n    kind: intensifier\n    match: ["zzzz"]\n    examples: ["zzzz"]');
    expect(() => loadLexicons(intens)).toThrow(/intensifiers belong in intensifiers\.fr\.yaml/);
  });

  it('rejects a sentence that is both an example and a counter-example', () => {
    const dir = addEntry('stances/sceptical.fr.yaml', '  - id: sceptical.bad\n    match: ["zzzz"]\n    examples: ["zzzz"]\n    counter: ["zzzz"]');
    expect(() => loadLexicons(dir)).toThrow(/"zzzz" is both an example and a counter-example/);
  });

  it('keeps the claims lexicon loadable with label and definition, and without kinds', () => {
    const { claims } = loadLexicons(LEXICONS);
    for (const e of claims.entries) {
      expect(e.stance).toBeUndefined();
      expect(e.label).toBeDefined();
    }
    const kind = brokenCopy('claims.fr.yaml', (t) => t.replace(/(\n {4}label: )/u, '\n    kind: sarcasm$1'));
    expect(() => loadLexicons(kind)).toThrow(/a claim has no "kind"/);
  });
});

describe('Lexicon.negationBefore', () => {
  const { stances } = loadLexicons(LEXICONS);
  const at = (text: string, word: string): number => {
    const tokens = tokenise(text);
    const i = tokens.findIndex((t) => t.norm === word);
    return stances.negationBefore(tokens, i, undefined, text);
  };

  it('finds "pas", "jamais", "aucun", "sans", "nullement" and "ni" within the window', () => {
    for (const text of ['pas vraiment fiable', 'jamais fiable', 'aucun outil fiable', 'sans rien de fiable', 'nullement fiable', 'ni sûr ni fiable']) expect(at(text, 'fiable')).toBeGreaterThanOrEqual(0);
  });

  it('needs "ne" before "plus" and "point"', () => {
    expect(at("il n'est plus fiable", 'fiable')).toBeGreaterThanOrEqual(0);
    expect(at('il est plus fiable', 'fiable')).toBe(-1);
    expect(at('un bon point fiable', 'fiable')).toBe(-1);
  });

  it('stops at punctuation only when given the text', () => {
    const text = 'pas cher, fiable';
    const tokens = tokenise(text);
    expect(stances.negationBefore(tokens, 2)).toBe(0);
    expect(stances.negationBefore(tokens, 2, undefined, text)).toBe(-1);
  });
});
