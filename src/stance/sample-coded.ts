import { stringify } from 'csv-stringify/sync';
import { predictCoded } from '../evaluate/evaluate-coded.js';
import { readCodedUnits } from '../evaluate/read-coded.js';
import type { LexiconSet } from '../lexicon/load-lexicon.js';
import { sampleUnits } from './sample-units.js';

/**
 * A sample of units that carry their own text (`--from`: TSV, CSV, JSONL or JSON, as `evaluate`
 * reads them), stratified by kind and the stances the lexicons give them, as a coding template in
 * the format `evaluate`, `fit` and `lexicon suggest` read: the stance columns and claims left blank.
 */
export function sampleFromFile(from: string, n: number, seed: number, lexicons: LexiconSet): { tsv: string; drawn: number; of: number; strata: number } {
  const stances = lexicons.categories.map((c) => c.name);
  const units = readCodedUnits(from, stances, undefined, true);
  const predictions = predictCoded(units, lexicons);
  const rows = units.map((u, i) => ({ ...u, unitId: `${u.docId}#${u.position}`, predicted: stances.filter((s) => predictions[i]!.labels[s] === 1) }));
  const sample = sampleUnits(rows, n, seed, (u) => `${u.kind}|${u.predicted.join('+') || 'none'}`);
  const tsv = stringify(sample.map(({ unit: u }) => ({ doc_id: u.docId, unit: u.position, kind: u.kind, text: u.text, ...Object.fromEntries(stances.map((s) => [s, ''])), claims: '', note: '' })), {
    header: true, columns: ['doc_id', 'unit', 'kind', 'text', ...stances, 'claims', 'note'], delimiter: '\t', record_delimiter: '\n',
  });
  return { tsv, drawn: sample.length, of: units.length, strata: new Set(sample.map((s) => s.stratum)).size };
}

