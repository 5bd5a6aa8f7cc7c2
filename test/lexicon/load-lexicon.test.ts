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
    const unknown = brokenCopy('stances/trust_state.fr.yaml', (t) => t.replace('    weight: 1\n', '    wieght: 1\n'));
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
