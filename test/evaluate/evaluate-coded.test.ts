import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCoded, hasTextColumn, readCodedUnits, scoreCoded, type CodedPrediction, type CodedUnit } from '../../src/evaluate/evaluate-coded.js';
import { readSplit, splitValues } from '../../src/evaluate/read-coded.js';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';

const HEADER = 'doc_id\tunit\tkind\tauthor\ttext\ttrust_state\tsceptical\tsovereigntist\tclaims\tnote';

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'controverse-coded-'));
  writeFileSync(path.join(dir, 'a.tsv'), [HEADER,
    'a\t0\tarticle\tX\tLe ministère a publié un rapport.\t0\t0\t0\t\t',
    'a\t1\tcomment\tY\tQuel gâchis, encore des milliards dilapidés !\t0\t1\t0\tpublic_money_wasted\t',
  ].join('\n'));
  writeFileSync(path.join(dir, 'b.tsv'), [HEADER, 'b\t0\tcomment\tZ\tMerci pour l\'article.\t0\t0\t0\t\t'].join('\n'));
  return dir;
}

describe('evaluateCoded', () => {
  it('reads a folder, keeps the pages of a split and tags each unit as the pipeline does', () => {
    const dir = folder();
    const splitFile = path.join(mkdtempSync(path.join(tmpdir(), 'controverse-split-')), 'split.tsv');
    writeFileSync(splitFile, 'doc_id\tsplit\na\tdev\nb\ttest\n');
    expect(hasTextColumn(dir)).toBe(true);
    const { units, predictions, evaluation } = evaluateCoded(dir, loadLexicons(path.resolve('lexicons')), { file: splitFile, name: 'dev' });
    expect(units.map((u) => `${u.docId}#${u.position}`)).toEqual(['a#0', 'a#1']);
    expect(predictions[1]!.labels.sceptical).toBe(1);
    expect(predictions[1]!.claims).toContain('public_money_wasted');
    expect(evaluation.stances.find((s) => s.stance === 'sceptical')).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(evaluation.claims).toMatchObject({ tp: 1, fn: 0 });
  });

  it('reads pages by another column of the split file (writer), and takes a set of pages as the split', () => {
    const dir = folder();
    const splitFile = path.join(mkdtempSync(path.join(tmpdir(), 'controverse-split-')), 'split.tsv');
    writeFileSync(splitFile, 'doc_id\tsplit\twriter\na\ttest\tw2\nb\ttest\tw1\n');
    expect(splitValues(splitFile, 'writer')).toEqual(['w1', 'w2']);
    expect(splitValues(splitFile, 'absent')).toEqual([]);
    expect([...readSplit(splitFile, 'w2', 'writer')]).toEqual(['a']);
    expect(() => readSplit(splitFile, 'w3', 'writer')).toThrow(/no page with writer "w3"/u);
    const { units } = evaluateCoded(dir, loadLexicons(path.resolve('lexicons')), new Set(['b']));
    expect(units.map((u) => u.docId)).toEqual(['b']);
  });

  it('rejects a stance column that is not 0 or 1, naming file and line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'controverse-coded-'));
    writeFileSync(path.join(dir, 'c.tsv'), `${HEADER}\nc\t0\tcomment\tY\tTexte.\t0\tx\t0\t\t\n`);
    expect(() => readCodedUnits(dir, ['trust_state', 'sceptical', 'sovereigntist'])).toThrow(/c\.tsv:2: column "sceptical" must be 0 or 1/u);
  });
});

describe('scoreCoded', () => {
  const unit = (s: 0 | 1, claims: string[]): CodedUnit => ({ docId: 'p', position: 0, kind: 'comment', text: '', labels: { s }, claims, note: '', source: '' });
  const pred = (s: 0 | 1, claims: string[]): CodedPrediction => ({ labels: { s }, evidence: { s: '' }, plain: { s: 0 }, claims });

  it('counts per unit and claim, and gives the same bootstrap interval for the same seed', () => {
    const units = [unit(1, ['x']), unit(1, ['x', 'y']), unit(0, []), unit(0, [])];
    const preds = [pred(1, ['x']), pred(0, ['z']), pred(1, []), pred(0, [])];
    const e = scoreCoded(units, preds, ['s'], 200, 7);
    expect(e.stances[0]).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(e.claims).toMatchObject({ tp: 1, fp: 1, fn: 2 });
    expect(e.macroInterval.low).toBeLessThanOrEqual(0.5);
    expect(e.macroInterval.high).toBeGreaterThanOrEqual(0.5);
    expect(scoreCoded(units, preds, ['s'], 200, 7).macroInterval).toEqual(e.macroInterval);
  });
});
