import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';
import { DEFAULTS, type RunOptions } from '../../src/options.js';
import { run } from '../../src/run.js';
import { alignUnits, evaluateStances } from '../../src/stance/evaluate-stances.js';
import { plainCountLabels, plainCountLexicon } from '../../src/stance/plain-count.js';
import { readGold, readPredictions } from '../../src/stance/read-run-output.js';

// The gold file is a development set (30 hand-coded units of the five sample pages): these floors
// catch a regression of the lexicons, the negation rules or the segmentation they rely on.
const FLOORS = { precision: 0.8, recall: 0.75, f1: 0.75, macroF1: 0.85 } as const;
/** What the design must add over a plain dictionary count, in macro-F1. */
const MIN_GAIN_OVER_PLAIN_COUNT = 0.15;

describe('stances against the hand-coded gold (eval/samples/seeds-units.tsv)', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'controverse-eval-'));
  const options: RunOptions = {
    inputs: [path.resolve('corpus')], outDir: out, lexiconDir: path.resolve('lexicons'),
    langDetector: DEFAULTS.langDetector, spreadsheet: false, commandLine: ['test'],
  };
  let predicted: ReturnType<typeof readPredictions>['units'] = [];
  let stances: string[] = [];
  let result: ReturnType<typeof evaluateStances>;
  let gold: ReturnType<typeof readGold> = [];
  beforeAll(async () => {
    await run(options);
    ({ stances, units: predicted } = readPredictions(out));
    gold = readGold(path.resolve('eval/samples/seeds-units.tsv'), stances);
    result = evaluateStances(alignUnits(gold, predicted), stances);
  });

  it('aligns every gold unit with a unit of the run', () => {
    expect(result.aligned.missing).toBe(0);
  });

  it.each(['trust_state', 'sceptical', 'sovereigntist'])('keeps precision, recall and F1 of %s above their floors', (stance) => {
    const s = result.scores.find((x) => x.stance === stance)!;
    expect(s.precision).toBeGreaterThanOrEqual(FLOORS.precision);
    expect(s.recall).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(s.f1).toBeGreaterThanOrEqual(FLOORS.f1);
  });

  it(`reaches macro-F1 ${FLOORS.macroF1} and beats a plain dictionary count by ${MIN_GAIN_OVER_PLAIN_COUNT}`, () => {
    expect(result.macroF1).toBeGreaterThanOrEqual(FLOORS.macroF1);
    const plain = plainCountLexicon(loadLexicons(path.resolve('lexicons')).stances);
    const baseline = evaluateStances(alignUnits(gold, predicted.map((p) => ({ ...p, ...plainCountLabels(p.text, plain, stances) }))), stances);
    expect(result.macroF1 - baseline.macroF1).toBeGreaterThanOrEqual(MIN_GAIN_OVER_PLAIN_COUNT);
  });

  it('gives every label 1 some evidence', () => {
    for (const p of predicted) for (const s of ['trust_state', 'sceptical', 'sovereigntist'] as const) if (p.labels[s] === 1) expect(p.evidence[s]).not.toBe('');
  });
});
