import { mkdtempSync, cpSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
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
    const noExamples = brokenCopy('claims.fr.yaml', (t) => t.replace(/\n {4}examples:(?: \[[^\n]*\]|(?:\n {6}- [^\n]*)+)/u, ''));
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

  it('refuses flow collections nested deeper than a lexicon ever is, before the YAML parser sees them', () => {
    const deep = brokenCopy('claims.fr.yaml', (t) => `${t}\nextra: ${'['.repeat(65)}${']'.repeat(65)}\n`);
    expect(() => loadLexicons(deep)).toThrow(/claims\.fr\.yaml: "\[" and "\{" nested more than 64 deep/u);
    const shallow = brokenCopy('claims.fr.yaml', (t) => `${t}\nextra: ${'['.repeat(64)}${']'.repeat(64)}\n`);
    expect(() => loadLexicons(shallow)).not.toThrow(/nested more than/u);
  });

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
    expect(() => loadLexicons(kind)).toThrow(/kind "ironie" \(expected one of cue, sarcasm, topic, intensifier\)/);
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

describe('loadLexicons: stance categories from the headers of stances/*.yaml', () => {
  const header = (name: string, more = ''): string =>
    `version: 1\nstance: ${name}\nlabel: Pro-Europe\ncolour: "#CC79A7"\ndescription: Support for the European Union.\n${more}entries:\n  - id: ${name}.vive\n    match: ["vive l'europe"]\n    examples: ["Vive l'Europe !"]\n`;
  /** A copy of the shipped lexicons with one more stance file. */
  function plus(file: string, yaml: string): string {
    const dir = brokenCopy('negation.fr.yaml', (t) => t);
    writeFileSync(path.join(dir, 'stances', file), yaml);
    return dir;
  }

  it('returns the shipped categories in their order, with label, colour and description', () => {
    const { categories } = loadLexicons(LEXICONS);
    expect(categories.map((c) => [c.name, c.colour, c.order])).toEqual([['trust_state', '#0072B2', 1], ['sceptical', '#D55E00', 2], ['sovereigntist', '#009E73', 3]]);
    expect(categories.map((c) => c.label)).toEqual(['Trust in the state', 'Sceptical', 'Sovereigntist']);
    for (const c of categories) expect(c.description.length).toBeGreaterThan(20);
  });

  it('adds a file as a category, after the ordered ones and by file name, usable in also and when_negated', () => {
    const dir = plus('pro_europe.fr.yaml', header('pro_europe'));
    writeFileSync(path.join(dir, 'stances', 'animal_welfare.fr.yaml'), header('animal_welfare').replace("vive l'europe", 'bien-être animal').replace("Vive l'Europe !", 'Le bien-être animal compte.'));
    const set = loadLexicons(dir);
    expect(set.categories.map((c) => c.name)).toEqual(['trust_state', 'sceptical', 'sovereigntist', 'animal_welfare', 'pro_europe']);
    expect(set.files.map((f) => f.path).filter((p) => p.startsWith('stances/')).slice(3)).toEqual(['stances/animal_welfare.fr.yaml', 'stances/pro_europe.fr.yaml']);
    const also = brokenCopy('stances/sceptical.fr.yaml', (t) => t.replace('    weight: 2\n', '    weight: 2\n    also: [pro_europe]\n'));
    writeFileSync(path.join(also, 'stances', 'pro_europe.fr.yaml'), header('pro_europe'));
    expect(loadLexicons(also).stances.entries.find((e) => e.id === 'sceptical.milliards-dilapides')!.also).toEqual(['pro_europe']);
  });

  it('places a category by its "order"', () => {
    const dir = plus('pro_europe.fr.yaml', header('pro_europe', 'order: 0\n'));
    expect(() => loadLexicons(dir)).toThrow(/stances\/pro_europe\.fr\.yaml:\d+: "order" must be a positive integer/);
    writeFileSync(path.join(dir, 'stances', 'pro_europe.fr.yaml'), header('pro_europe', 'order: 2\n'));
    expect(() => loadLexicons(dir)).toThrow(/stances\/sceptical\.fr\.yaml:3: order 2 is already that of "pro_europe" \(stances\/pro_europe\.fr\.yaml:2\)/);
    writeFileSync(path.join(dir, 'stances', 'pro_europe.fr.yaml'), header('pro_europe', 'order: 0.5\n'));
    expect(() => loadLexicons(dir)).toThrow(/"order" must be a positive integer/);
  });

  it.each([
    ['a missing label', (t: string) => t.replace('label: Pro-Europe\n', ''), /pro_europe\.fr\.yaml:1: a stance file needs "label"/],
    ['an empty description', (t: string) => t.replace('description: Support for the European Union.', 'description: ""'), /pro_europe\.fr\.yaml:5: "description" must be a non-empty string/],
    ['a colour that is not #RRGGBB', (t: string) => t.replace('"#CC79A7"', 'pink'), /pro_europe\.fr\.yaml:4: colour "pink" is not "#RRGGBB"/],
    ['a colour that tries to break out of CSS', (t: string) => t.replace('"#CC79A7"', '"#CC79A7;}body{display:none"'), /pro_europe\.fr\.yaml:4: colour "#CC79A7;}body\{display:none" is not "#RRGGBB"/],
    ['an unquoted colour (a YAML comment)', (t: string) => t.replace('"#CC79A7"', '#CC79A7'), /pro_europe\.fr\.yaml:4: "colour" is empty: quote it/],
    ['a missing stance name', (t: string) => t.replace('stance: pro_europe\n', ''), /pro_europe\.fr\.yaml:1: a stance file needs "stance"/],
    ['a name that cannot be a column', (t: string) => t.replace('stance: pro_europe', 'stance: Pro-Europe'), /pro_europe\.fr\.yaml:2: stance "Pro-Europe" must be lower-case letters, digits and "_"/],
    ['an unknown header key', (t: string) => t.replace('label:', 'titre: x\nlabel:'), /pro_europe\.fr\.yaml:3: stance file: unknown key "titre"/],
  ])('rejects %s, naming file and line', (_what, edit, message) => {
    expect(() => loadLexicons(plus('pro_europe.fr.yaml', edit(header('pro_europe'))))).toThrow(message);
  });

  it('rejects a second file for the same category, naming both', () => {
    const dir = plus('sceptical-more.fr.yaml', header('sceptical').replace('sceptical.vive', 'sceptical.encore'));
    expect(() => loadLexicons(dir)).toThrow(/stances\/sceptical\.fr\.yaml:3: stance "sceptical" is already the category of stances\/sceptical-more\.fr\.yaml:2/);
  });

  it('stops when the stances folder holds no file', () => {
    const dir = brokenCopy('negation.fr.yaml', (t) => t);
    for (const s of ['trust_state', 'sceptical', 'sovereigntist']) rmSync(path.join(dir, 'stances', `${s}.fr.yaml`));
    expect(() => loadLexicons(dir)).toThrow(/stances\/: no stance file/);
  });
});
