import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/report/write-csv.js';

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
});
