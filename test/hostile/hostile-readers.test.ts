import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/ingest/decode.js';
import { corpusDocIds } from '../../src/ingest/document-ids.js';
import { ingestFile } from '../../src/ingest/ingest-file.js';
import { readHtml } from '../../src/ingest/formats/read-html.js';
import { readJson } from '../../src/ingest/formats/read-json.js';
import { readJsonLines } from '../../src/ingest/formats/read-jsonl.js';

const deepJson = '['.repeat(100_000) + ']'.repeat(100_000);

describe('readers fed hostile input (#18)', () => {
  it('skips a JSON file nested 100 000 deep with one row instead of overflowing the stack (#18.1)', () => {
    const r = readJson(deepJson, 'deep.json');
    expect(r.records).toEqual([]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'too-deep' })]);
  });

  it('skips only the deep line of a JSON Lines file', () => {
    const r = readJsonLines(`{"id": "a", "text": "Bon."}\n${deepJson}\n{"id": "c", "text": "Bien."}\n`, 'x.jsonl');
    expect(r.records.map((x) => x.id)).toEqual(['a', 'c']);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'too-deep', line: 2 })]);
  });

  it('does not count brackets inside JSON strings as nesting', () => {
    const r = readJson(JSON.stringify({ text: '['.repeat(1000) }), 'x.json');
    expect(r.records).toHaveLength(1);
  });

  it('skips an HTML page of 100 000 nested <div>s with one row (#18.1)', () => {
    const r = readHtml(`${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}`);
    expect(r.records).toEqual([]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'too-deep' })]);
  });

  it('reads 40 000 comments of one HTML list in linear time, not quadratic (#18.7)', () => {
    // Quadratic remove() took ~150 s for this page (520 s for 75 000 comments); linear takes ~6 s.
    const items = Array.from({ length: 40_000 }, (_, i) => `<li class="comment"><div class="comment-content">Ok ${i}</div></li>`).join('');
    const started = Date.now();
    const r = readHtml(`<html><body><article><p>Texte.</p></article><ol class="comment-list">${items}</ol></body></html>`);
    expect(r.records[0]?.page.comments).toHaveLength(40_000);
    expect(r.records[0]?.page.body).toBe('Texte.');
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('keeps a UTF-8 page with one invalid byte in UTF-8 and counts the replacement (#18.6)', () => {
    const bytes = Buffer.concat([Buffer.from("L'État a dépensé des milliards, c'est ça "), Buffer.from([0xff]), Buffer.from(' la réalité.')]);
    expect(decodeBytes(bytes)).toEqual({ text: "L'État a dépensé des milliards, c'est ça \ufffd la réalité.", encoding: 'utf-8', replaced: 1 });
    const { documents, diagnostics } = ingestFile('p.txt', bytes);
    expect(documents[0]?.units[0]?.text).toContain('dépensé');
    expect(diagnostics).toContainEqual(expect.objectContaining({ level: 'warning', code: 'invalid-utf8', message: expect.stringMatching(/^1 invalid UTF-8 byte sequence /u) }));
  });

  it('still reads a Windows-1252 file as Windows-1252, without a warning', () => {
    const bytes = iconv.encode('Élu, gâchis, œuvre, « réalité » à 5 €.', 'windows-1252');
    expect(decodeBytes(bytes)).toEqual({ text: 'Élu, gâchis, œuvre, « réalité » à 5 €.', encoding: 'windows-1252' });
  });

  it('does not count a U+FFFD written in the file as a replacement', () => {
    expect(decodeBytes(Buffer.from('déjà \ufffd vu'))).toEqual({ text: 'déjà \ufffd vu', encoding: 'utf-8' });
  });
});

describe('corpusDocIds (#18.5)', () => {
  it('gives page.txt and page.html their extensions, with a warning each', () => {
    const ids = corpusDocIds(['page.html', 'page.txt', 'other.txt']);
    expect(ids.get('page.txt')).toMatchObject({ docId: 'page.txt', collision: { level: 'warning', code: 'document-id-collision' } });
    expect(ids.get('page.html')?.docId).toBe('page.html');
    expect(ids.get('other.txt')).toEqual({ docId: 'other' });
  });

  it('keeps "x#1.txt" apart from record 1 of "x.jsonl" by writing its # as %23', () => {
    const ids = corpusDocIds(['x#1.txt', 'x.jsonl']);
    expect(ids.get('x#1.txt')?.docId).toBe('x%231');
    expect(ingestFile('x.jsonl', Buffer.from('{"id": "1", "text": "Un."}\n'), { docId: ids.get('x.jsonl')?.docId }).documents[0]?.id).toBe('x#1');
  });

  it('numbers what still collides once extensions are kept', () => {
    const ids = corpusDocIds(['a.txt', 'a.html', 'a.txt.json']);
    expect(new Set([...ids.values()].map((v) => v.docId)).size).toBe(3);
  });
});
