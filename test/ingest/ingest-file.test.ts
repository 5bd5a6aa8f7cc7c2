import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingestFile, MAX_PAGE_BYTES, SUPPORTED_EXTENSIONS } from '../../src/ingest/ingest-file.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('ingestFile', () => {
  it('reads every supported extension, whatever its case', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual(['.txt', '.html', '.htm', '.json', '.jsonl', '.csv']);
    expect(ingestFile('a/PAGE.HTML', bytes('<article>Texte.</article>')).documents.map((d) => d.id)).toEqual(['a/PAGE']);
  });

  it('gives documents of multi-document files `path#record-id` ids', () => {
    const jsonl = ingestFile('exports/lm.jsonl', bytes('{"id": "x", "text": "A", "comments": [{"text": "c"}]}\n{"text": "B"}\n'));
    expect(jsonl.documents.map((d) => d.id)).toEqual(['exports/lm#x', 'exports/lm#lm.jsonl:2']);
    expect(jsonl.documents[0]?.units.map((u) => u.id)).toEqual(['exports/lm#x#0', 'exports/lm#x#1']);
    expect(ingestFile('c.csv', bytes('doc_id,text\nd1,A\nd2,B\n')).documents.map((d) => d.id)).toEqual(['c#d1', 'c#d2']);
  });

  it('keeps record ids with "/" and ".." as data inside the id, never resolving them', () => {
    const { documents } = ingestFile('sub/x.jsonl', bytes('{"id": "../../etc/passwd", "text": "A"}\n{"id": "a/b", "text": "B"}\n'));
    expect(documents.map((d) => [d.id, d.file])).toEqual([['sub/x#../../etc/passwd', 'sub/x.jsonl'], ['sub/x#a/b', 'sub/x.jsonl']]);
  });

  it('makes a repeated record id unique and says so', () => {
    const { documents, diagnostics } = ingestFile('x.jsonl', bytes('{"id": "d", "text": "A"}\n{"id": "d", "text": "B"}\n'));
    expect(documents.map((d) => d.id)).toEqual(['x#d', 'x#d~2']);
    expect(diagnostics).toMatchObject([{ level: 'warning', code: 'duplicate-record-id', file: 'x.jsonl', line: 2, docId: 'x#d~2' }]);
  });

  it('attaches file, line and document id to a record diagnostic', () => {
    const { diagnostics } = ingestFile('x.jsonl', bytes('{"id": "d", "text": "A", "published": "demain"}\nnope\n'));
    expect(diagnostics).toMatchObject([
      { level: 'warning', code: 'invalid-field', file: 'x.jsonl', line: 1, docId: 'x#d' },
      { level: 'error', code: 'invalid-json', file: 'x.jsonl', line: 2, docId: undefined },
    ]);
  });

  it('decodes a Windows-1252 CSV and the Latin-1 charset an HTML page declares', () => {
    const csv = ingestFile('t.csv', iconv.encode('doc_id;text\nd;Élu, gâchis, œuvre\n', 'windows-1252'));
    expect(csv.documents[0]?.units[1]?.text).toBe('Élu, gâchis, œuvre');
    const html = ingestFile('p.html', iconv.encode('<meta charset="iso-8859-1"><article>Être ou ne pas être</article>', 'latin1'));
    expect(html.documents[0]?.units[0]?.text).toBe('Être ou ne pas être');
  });

  it.each([
    ['empty.json', new Uint8Array(0), 'empty-file'],
    ['blank.csv', bytes(' \n\t\n'), 'empty-file'],
    ['image.html', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0, 4, 5]), 'binary-file'],
    ['notes.md', bytes('# titre'), 'unsupported-format'],
    ['noextension', bytes('texte'), 'unsupported-format'],
    ['no-cols.csv', bytes('a,b\n1,2\n'), 'missing-columns'],
    ['bad.json', bytes('{"text": '), 'invalid-json'],
  ])('turns %s into an error row and no document', (file, data, code) => {
    const result = ingestFile(file, data);
    expect(result.documents).toEqual([]);
    expect(result.diagnostics).toMatchObject([{ level: 'error', code, file }]);
  });

  it('skips a one-page file over the size limit before decoding it', () => {
    const result = ingestFile('huge.txt', new Uint8Array(MAX_PAGE_BYTES + 1).fill(0x61));
    expect(result.documents).toEqual([]);
    expect(result.diagnostics).toMatchObject([{ level: 'error', code: 'file-too-large', file: 'huge.txt', message: expect.stringContaining('over the 4 MiB limit') as string }]);
  });
});
