import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codedSha256, hasTextColumn, readCodedUnits } from '../../src/evaluate/read-coded.js';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';
import { sampleFromFile } from '../../src/stance/sample-coded.js';

const STANCES = ['trust_state', 'sceptical', 'sovereigntist'] as const;
const ROWS = [
  { doc_id: 'a', unit: 1, kind: 'comment', text: 'Quel gâchis, encore des milliards dilapidés !', trust_state: 0, sceptical: 1, sovereigntist: 0, claims: ['public_money_wasted'], note: 'irony; ok' },
  { doc_id: 'a', unit: 2, kind: 'reply', text: 'Enfin, "un" cloud à nous.\nBravo.', trust_state: 1, sceptical: 0, sovereigntist: 1, claims: [], note: '' },
];

function write(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'controverse-shape-')), name);
  writeFileSync(file, text);
  return file;
}

const csvCell = (v: string): string => (/[",\n;]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v);
const columns = ['doc_id', 'unit', 'kind', 'text', ...STANCES, 'claims', 'note'] as const;
const cells = (r: (typeof ROWS)[number]): string[] => columns.map((c) => { const v: unknown = r[c]; return Array.isArray(v) ? v.join(';') : String(v); });

const SHAPES: Record<string, () => string> = {
  tsv: () => write('coded.tsv', [columns.join('\t'), ...ROWS.map((r) => cells(r).map((c) => (c.includes('\n') || c.includes('"') ? `"${c.replace(/"/gu, '""')}"` : c)).join('\t'))].join('\n')),
  csv: () => write('coded.csv', [columns.join(','), ...ROWS.map((r) => cells(r).map(csvCell).join(','))].join('\n')),
  'csv with ";" (a French spreadsheet)': () => write('coded.csv', [columns.join(';'), ...ROWS.map((r) => cells(r).map(csvCell).join(';'))].join('\n')),
  jsonl: () => write('coded.jsonl', `${ROWS.map((r) => JSON.stringify(r)).join('\n')}\n`),
  json: () => write('coded.json', JSON.stringify(ROWS)),
  'json with a "units" array and aliases (body, thread_id, booleans)': () => write('coded.json', JSON.stringify({ units: ROWS.map(({ doc_id, text, ...r }) => ({ thread_id: doc_id, body: text, ...r, sceptical: r.sceptical === 1, trust_state: r.trust_state === 1, sovereigntist: r.sovereigntist === 1 })) })),
};

describe('readCodedUnits', () => {
  for (const [shape, make] of Object.entries(SHAPES)) {
    it(`reads coded units from ${shape}`, () => {
      const file = make();
      expect(hasTextColumn(file)).toBe(true);
      const units = readCodedUnits(file, [...STANCES]);
      expect(units.map((u) => ({ doc: u.docId, position: u.position, kind: u.kind, text: u.text, labels: u.labels, claims: u.claims, note: u.note }))).toEqual(ROWS.map((r) => ({
        doc: r.doc_id, position: r.unit, kind: r.kind, text: r.text, labels: { trust_state: r.trust_state, sceptical: r.sceptical, sovereigntist: r.sovereigntist }, claims: r.claims, note: r.note,
      })));
    });
  }

  it('names file and line of a JSON Lines record that is not an object', () => {
    const file = write('coded.jsonl', `${JSON.stringify(ROWS[0])}\n[1, 2]\n`);
    expect(() => readCodedUnits(file, [...STANCES])).toThrow(/coded\.jsonl:2: expected one coded unit as a JSON object/u);
  });

  it('hashes a file by its bytes and a folder by its coded files', () => {
    const file = SHAPES.jsonl!();
    expect(codedSha256(file)).toMatch(/^[0-9a-f]{64}$/u);
    expect(codedSha256(path.dirname(file))).not.toBe(codedSha256(file));
  });
});

describe('sampleFromFile', () => {
  const lexicons = loadLexicons(path.resolve('lexicons'), { fitted: false });
  for (const [shape, make] of Object.entries(SHAPES)) {
    it(`draws a coding template with the text from ${shape}`, () => {
      const file = make();
      const drawn = sampleFromFile(file, 2, 1, lexicons);
      expect(drawn).toMatchObject({ drawn: 2, of: 2, strata: 2 });
      const template = path.join(path.dirname(file), 'template.tsv');
      writeFileSync(template, drawn.tsv);
      // The template reads back as uncoded units with the same texts, in the format evaluate reads.
      expect(readCodedUnits(template, [...STANCES], undefined, true).map((u) => u.text)).toEqual(ROWS.map((r) => r.text));
      expect(() => readCodedUnits(template, [...STANCES])).toThrow(/column "trust_state" must be 0 or 1, got ""/u);
    });
  }
});
