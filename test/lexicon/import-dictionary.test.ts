import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExamples } from '../../src/lexicon/check-examples.js';
import { DictionaryError, importDictionary, parseLiwc, parseQuanteda } from '../../src/lexicon/import-dictionary.js';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';
import { shippedCategories } from '../builders/shipped-categories.js';

const fixture = (name: string): string => readFileSync(path.resolve('test/lexicon/fixtures', name), 'utf8');

const category = (name: string) => shippedCategories().find((c) => c.name === name)!;

/** A copy of the shipped lexicons whose `stance` file is `yaml` and whose other stance files keep their header only. */
function withStanceFile(stance: string, yaml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'controverse-import-'));
  cpSync(path.resolve('lexicons'), dir, { recursive: true });
  for (const s of ['trust_state', 'sceptical', 'sovereigntist']) {
    const file = path.join(dir, 'stances', `${s}.fr.yaml`);
    writeFileSync(file, `${readFileSync(file, 'utf8').split('\nentries:')[0]!}\nentries: []\n`);
  }
  writeFileSync(path.join(dir, 'stances', `${stance}.fr.yaml`), yaml);
  return dir;
}

describe('LIWC .dic import', () => {
  it('reads categories and words, and reports undeclared categories', () => {
    const d = parseLiwc(fixture('small.dic'), 'small.dic');
    expect(d.categories.get('gaspillage')).toEqual(['gaspill*', 'gabegie', 'argent public', 'pognon']);
    expect(d.categories.get('souverainete')).toEqual(['souverain*', 'cloud act', '*ment']);
    expect(d.skipped.join('\n')).toMatch(/small\.dic:11: "pognon": category 7 is not declared/);
  });

  it('writes a stance file our loader accepts, whose generated examples all pass', () => {
    const r = importDictionary(fixture('small.dic'), 'liwc', 'small.dic', category('trust_state'));
    expect(r.entries).toBe(2);
    expect(r.skipped.join('\n')).toMatch(/"\*ment" skipped: "\*" only ends a word/);
    const set = loadLexicons(withStanceFile('trust_state', r.yaml));
    const ids = set.stances.entries.filter((e) => e.stance === 'trust_state').map((e) => e.id);
    expect(ids).toEqual(['trust_state.gaspillage', 'trust_state.souverainete']);
    expect(checkExamples(set).failures.filter((f) => f.entryId.startsWith('trust_state.'))).toEqual([]);
  });

  it('stops on a file without the % header', () => {
    expect(() => parseLiwc('gaspill*\t1\n', 'bad.dic')).toThrow(DictionaryError);
    expect(() => parseLiwc('gaspill*\t1\n', 'bad.dic')).toThrow(/bad\.dic:1: a LIWC dictionary starts with a "%" line/);
  });
});

describe('quanteda YAML import', () => {
  it('flattens nested categories and skips what our matcher cannot honour', () => {
    const d = parseQuanteda(fixture('small-quanteda.yml'), 'q.yml');
    expect([...d.categories.keys()]).toEqual(['doute.echec', 'doute.mensonge', 'dependance']);
    const r = importDictionary(fixture('small-quanteda.yml'), 'quanteda', 'q.yml', category('sceptical'), ['doute.echec', 'doute.mensonge', 'dependance']);
    expect(r.skipped.join('\n')).toMatch(/"\?ment" skipped/);
    expect(r.skipped.join('\n')).toMatch(/"fiasco" skipped: already in an earlier category/);
    expect(r.yaml).toMatch(/id: sceptical\.doute-echec/);
  });

  it('imports only the categories asked for, and says which were not found', () => {
    const r = importDictionary(fixture('small-quanteda.yml'), 'quanteda', 'q.yml', category('sovereigntist'), ['dependance', 'absent']);
    expect(r.entries).toBe(1);
    expect(r.skipped.join('\n')).toMatch(/category "absent" is not in q\.yml/);
    const set = loadLexicons(withStanceFile('sovereigntist', r.yaml));
    expect(set.stances.entries.filter((e) => e.stance === 'sovereigntist').map((e) => e.match)).toEqual([['gafam', 'fiasco']]);
  });

  it('stops on a file that is not a mapping', () => {
    expect(() => parseQuanteda('- a\n- b\n', 'list.yml')).toThrow(/list\.yml: expected a mapping/);
  });
});
