import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvHeader, csvRows, toCsv } from '../../src/report/write-csv.js';
import { seededRandom } from '../../src/sampling/seeded-random.js';

describe('toCsv', () => {
  const columns = ['id', 'text', 'n'] as const;

  it('writes the header even with no rows', () => {
    expect(toCsv(columns, [])).toBe('id,text,n\n');
  });

  it('neutralises cells a spreadsheet would run as a formula, but not negative numbers', () => {
    const csv = toCsv(columns, [
      { id: 'a', text: '=HYPERLINK("http://x")', n: -1 },
      { id: 'b', text: '+33 1 23', n: 2 },
      { id: 'c', text: '@SUM(A1)', n: 3 },
      { id: 'd', text: '-2+3', n: 4 },
    ]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")",-1`);
    expect(csv).toContain("'+33 1 23");
    expect(csv).toContain("'@SUM(A1)");
    expect(csv).toContain("'-2+3");
  });

  it('quotes newlines and commas and writes undefined as an empty cell', () => {
    expect(toCsv(columns, [{ id: 'x', text: 'a, b\nc' }])).toBe('id,text,n\nx,"a, b\nc",\n');
  });

  it('adds a BOM and semicolons for spreadsheets set to French', () => {
    expect(toCsv(columns, [{ id: 'x', text: 'a;b', n: 1 }], { spreadsheet: true })).toBe('\ufeffid;text;n\nx;"a;b";1\n');
  });

  it('writes per-document rows and a header that join into exactly what csv-stringify writes at once', () => {
    // Rows stored per document and the header written once must add up to the whole report.
    const random = seededRandom(7);
    const pieces = ['a', 'é', ' ', ',', ';', '"', '""', '\n', '\r', '\r\n', '\t', '=', '+', '-', '@', "'", '\uff1d', '\uff0b', '\uff0d', '\uff20', '\u2028', '\ufeff', '1', 'x y'];
    const cell = (): string | number | undefined => {
      const r = random();
      if (r < 0.1) return undefined;
      if (r < 0.2) return [0, -1, 2.5, -0.125, 1e21, -3e-7, Number.NaN, -Infinity, 42][Math.floor(random() * 9)];
      if (r < 0.25) return '';
      let text = '';
      for (let n = Math.floor(random() * 5) + 1; n > 0; n -= 1) text += pieces[Math.floor(random() * pieces.length)]!;
      return text;
    };
    const columns = ['a', 'b', 'c', 'd'] as const;
    const rows = Array.from({ length: 3000 }, () => ({ a: cell(), b: cell(), c: cell(), d: cell() }));
    for (const spreadsheet of [false, true]) {
      const options = { columns: [...columns], delimiter: spreadsheet ? ';' : ',', record_delimiter: 'unix' as const, escape_formulas: true, cast: { number: (n: number) => String(n) } };
      const expected = stringify(rows, options);
      expect(csvRows(columns, rows, { spreadsheet })).toBe(expected);
      expect(toCsv(columns, rows, { spreadsheet })).toBe((spreadsheet ? '\ufeff' : '') + stringify([], { ...options, header: true }) + expected);
      expect(csvHeader(columns, { spreadsheet })).toBe((spreadsheet ? '\ufeff' : '') + stringify([], { ...options, header: true }));
    }
  });
});
