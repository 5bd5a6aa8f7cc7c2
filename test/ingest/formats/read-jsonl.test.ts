import { describe, expect, it } from 'vitest';
import { readJsonLines } from '../../../src/ingest/formats/read-jsonl.js';

const line = (v: unknown): string => JSON.stringify(v);

describe('readJsonLines', () => {
  it('reads one document per line with its comments, reply parents and normalised dates', () => {
    const { records, diagnostics } = readJsonLines(line({
      id: 'd1', site: 'lemonde.fr', url: 'https://x', title: 'T', author: 'A', published: '2021-12-03T08:00:00+01:00', lang: 'fr', text: 'Corps.',
      comments: [{ id: 'c1', author: 'P', published: '03/12/2021 09h12', text: 'Un.' }, { id: 'c2', parent_id: 'c1', text: 'Deux.' }],
    }), 'x.jsonl');
    expect(diagnostics).toEqual([]);
    expect(records).toEqual([{
      id: 'd1', line: 1,
      page: {
        site: 'lemonde.fr', url: 'https://x', title: 'T', author: 'A', published: '2021-12-03T08:00', langHint: 'fra', body: 'Corps.',
        comments: [{ author: 'P', published: '2021-12-03T09:12', text: 'Un.', parentIndex: undefined }, { author: undefined, published: undefined, text: 'Deux.', parentIndex: 0 }],
      },
    }]);
  });

  it('gives a document without id the file name plus its line number', () => {
    const { records } = readJsonLines(`\n${line({ text: 'Sans id.' })}\n`, 'export.jsonl');
    expect(records.map((r) => [r.id, r.line])).toEqual([['export.jsonl:2', 2]]);
  });

  it('reports an invalid line with its number and still reads the others', () => {
    const { records, diagnostics } = readJsonLines([line({ id: 'a', text: 'A.' }), '{"id": "b", "text": "coupé', line({ id: 'c', text: 'C.' })].join('\n'), 'x.jsonl');
    expect(records.map((r) => r.id)).toEqual(['a', 'c']);
    expect(diagnostics).toMatchObject([{ level: 'error', code: 'invalid-json', line: 2 }]);
  });

  it('skips a record without text, with an error naming its line', () => {
    const { records, diagnostics } = readJsonLines([line({ id: 'a', title: 'sans texte' }), line([1, 2]), line({ id: 'b', text: '' })].join('\n'), 'x.jsonl');
    expect(records.map((r) => r.id)).toEqual(['b']);
    expect(diagnostics).toMatchObject([{ code: 'missing-text', line: 1, recordId: 'a' }, { code: 'invalid-record', line: 2 }]);
  });

  it('reports unknown fields once per file, with how many records hold them', () => {
    const { diagnostics } = readJsonLines([
      line({ text: 'A', likes: 1, comments: [{ text: 'c', score: 2 }, { text: 'd', score: 3 }] }),
      line({ text: 'B', likes: 4 }),
    ].join('\n'), 'x.jsonl');
    expect(diagnostics).toEqual([{ level: 'warning', code: 'unknown-fields', message: expect.stringContaining('comments[].score (2), likes (2)') as string }]);
  });

  it('keeps a reply to an unknown comment as a top-level comment, with a warning', () => {
    const { records, diagnostics } = readJsonLines(line({ text: '', comments: [{ id: 'c1', parent_id: 'zz', text: 'orphelin' }] }), 'x.jsonl');
    expect(records[0]?.page.comments[0]?.parentIndex).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'missing-parent', line: 1 }]);
  });

  it('warns about fields of the wrong type and unreadable dates, and ignores them', () => {
    const { records, diagnostics } = readJsonLines(line({ text: 'A', title: ['x'], published: 'hier', lang: 'français' }), 'x.jsonl');
    expect(records[0]?.page).toMatchObject({ title: undefined, published: undefined, langHint: undefined });
    expect(diagnostics.map((d) => d.code)).toEqual(['invalid-field', 'invalid-field', 'invalid-field']);
  });

  it('reads HTML markup and entities in text fields as plain text', () => {
    const { records } = readJsonLines(line({ title: 'A &amp; B', text: '<p>Un.</p><p>Deux&nbsp;!</p>', comments: [{ text: 'C&#8217;est <i>faux</i>.' }] }), 'x.jsonl');
    expect(records[0]?.page).toMatchObject({ title: 'A & B', body: 'Un.\nDeux\u00a0!', comments: [{ text: 'C’est faux.' }] });
  });

  it('keeps ids with "/" or ".." as plain data', () => {
    expect(readJsonLines(line({ id: '../../etc/passwd', text: 'x' }), 'x.jsonl').records[0]?.id).toBe('../../etc/passwd');
  });

  it('skips a line over the size limit without parsing it', () => {
    const huge = `{"text": "${'a'.repeat(4 * 1024 * 1024 + 1)}"}`;
    const { records, diagnostics } = readJsonLines(`${line({ id: 'a', text: 'A' })}\n${huge}\n`, 'x.jsonl');
    expect(records.map((r) => r.id)).toEqual(['a']);
    expect(diagnostics).toMatchObject([{ level: 'error', code: 'record-too-large', line: 2 }]);
  });
});
