import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Lexer } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { LexiconError, loadLexicons } from '../../src/lexicon/load-lexicon.js';
import { loadPhraseWords } from '../../src/phrases/load-phrase-words.js';
import {
  hostileYamlShape, MAX_LEXICON_LINE, MAX_LEXICON_NESTING, MAX_LEXICON_WORDLESS_LINES, MAX_LEXICON_YAML_MARKS,
} from '../../src/lexicon/parse-lexicon-yaml.js';

// Shapes on which the yaml parser took 35–228 s at 200–300 KB (#18): refused before parsing.
const HEADER = 'version: 1\nentries:\n';
const KB = 1024;
const runOf = (unit: string, bytes: number): string => unit.repeat(Math.ceil(bytes / unit.length));
const SHAPES: readonly (readonly [string, string, RegExp])[] = [
  ['"!"!"!… (quoted scalars and tags)', runOf('"!', 250 * KB), /line 3 is \d+ characters long, over the limit of 10000/u],
  ['"!"!"!… one pair a line', runOf('"!\n', 250 * KB), /more than 1000 lines without a letter or a digit/u],
  ['& & & … on one line', runOf('& ', 250 * KB), /line 3 is \d+ characters long/u],
  ['& & & … one a line', runOf('&\n', 250 * KB), /more than 1000 lines without a letter or a digit/u],
  ['a run of anchors, one a line', Array.from({ length: 30_000 }, (_, i) => `  - &anchor${i} x\n`).join(''), /more than 100 YAML anchors, aliases and tags/u],
  ['a run of aliases, one a line', `  - &a x\n${runOf('  - *a\n', 250 * KB)}`, /more than 100 YAML anchors, aliases and tags/u],
  ['a run of tags, one a line', runOf('  - !tag x\n', 250 * KB), /more than 100 YAML anchors, aliases and tags/u],
  ['commas in an unclosed flow list, one a line', `  - match: [\n${runOf(',\n', 250 * KB)}`, /more than 1000 lines without a letter or a digit/u],
  ['unclosed "[" x 100 000', runOf('"[', 200 * KB), /"\[" and "\{" nested more than 64 deep/u],
];

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

function lexiconsWith(file: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'controverse-hostile-yaml-'));
  dirs.push(dir);
  cpSync(path.resolve('test/fuzz/lexicons'), dir, { recursive: true });
  writeFileSync(path.join(dir, file), text);
  return dir;
}

function errorOf(load: () => unknown): LexiconError {
  try {
    load();
  } catch (error) {
    if (error instanceof LexiconError) return error;
    throw error;
  }
  throw new Error('no LexiconError');
}

describe('lexicon files that would make the YAML parser crawl (#18)', () => {
  for (const [name, body, limit] of SHAPES) {
    it(`refuses ${name} with a LexiconError naming the file and the limit`, () => {
      const error = errorOf(() => loadLexicons(lexiconsWith('claims.fr.yaml', HEADER + body)));
      expect(error.message).toMatch(/^claims\.fr\.yaml: /u);
      expect(error.message).toMatch(limit);
      expect(error.message).toMatch(/not a lexicon file/u);
    });
  }

  it('refuses them in a stance file and in the function-word list too', () => {
    const body = SHAPES[6]![1];
    expect(errorOf(() => loadLexicons(lexiconsWith('stances/sceptical.fr.yaml', HEADER + body))).message).toMatch(/^stances\/sceptical\.fr\.yaml: more than 100 YAML anchors/u);
    expect(errorOf(() => loadPhraseWords(lexiconsWith('function-words.fr.yaml', body))).message).toMatch(/^function-words\.fr\.yaml: more than 100 YAML anchors/u);
  });

  it('still names a duplicate key, now checked with a set per map, with its line', () => {
    const dir = lexiconsWith('claims.fr.yaml', `${HEADER}  - id: c.x\n    label: X\n    match: ["a"]\n    match: ["b"]\n    examples: ["a"]\n`);
    expect(errorOf(() => loadLexicons(dir)).message).toBe('claims.fr.yaml:6: invalid YAML: Map keys must be unique');
  });

  it('leaves a few anchors, aliases and tags alone: they are YAML a lexicon may use', () => {
    expect(hostileYamlShape(`${HEADER}  - id: c.x\n    label: !!str X\n    match: &m ["cloud souverain"]\n    examples: *m\n`)).toBeUndefined();
  });

  it('sets limits the shipped lexicons stay far below (a tenth at most)', () => {
    const files = readdirSync('lexicons', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const rel of files) {
      const text = readFileSync(path.join('lexicons', rel), 'utf8');
      expect(hostileYamlShape(text)).toBeUndefined();
      const lines = text.split('\n');
      expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(MAX_LEXICON_LINE / 10);
      expect(lines.filter((l) => l.trim() !== '' && !/[\p{L}\p{N}]/u.test(l)).length).toBeLessThan(MAX_LEXICON_WORDLESS_LINES / 10);
      expect([...new Lexer().lex(text)].filter((t) => /^[&*!]/u.test(t)).length).toBeLessThan(MAX_LEXICON_YAML_MARKS / 10);
      let depth = 0;
      let deepest = 0;
      for (const c of text.replace(/"(?:[^"\\]|\\.)*"/gu, '""')) {
        if (c === '[' || c === '{') deepest = Math.max(deepest, (depth += 1));
        else if (c === ']' || c === '}') depth -= 1;
      }
      expect(deepest).toBeLessThan(MAX_LEXICON_NESTING / 10);
    }
  });
});
