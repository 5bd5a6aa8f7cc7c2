import { describe, expect, it } from 'vitest';
import { fieldMapOf, parseFieldsOption, parseFlatDate } from '../../../src/ingest/formats/flat-records.js';
import { ingestFile } from '../../../src/ingest/ingest-file.js';
import type { Document } from '../../../src/model.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** What the analysis sees of a document: its units without ids. */
const unitsOf = (docs: readonly Document[]): unknown[] =>
  docs.map((d) => d.units.map((u) => ({ kind: u.kind, author: u.author, published: u.published, parent: u.parentId?.split('#').pop(), depth: u.depth, text: u.text })));

const nested = [{
  id: 'd1', author: 'Rédaction', published: '2022-09-26T06:30', text: 'Le corps de l’article.',
  comments: [
    { id: 'c1', author: 'Anne', published: '2022-09-26T07:02', text: 'Premier avis.' },
    { id: 'c2', parent_id: 'c1', author: 'Bruno', published: '2022-09-26T07:19', text: 'Réponse à Anne.' },
    { id: 'c3', author: 'Chloé', text: 'Autre avis.' },
  ],
}];

describe('flat exports (one record per comment, grouped by document)', () => {
  const expected = unitsOf(ingestFile('n.json', bytes(JSON.stringify(nested))).documents);

  it('read as JSON with aliased names give the units of the nested form', () => {
    const flat = [
      { thread_id: 'd1', comment_id: 0, in_reply_to: null, title: 'Titre', user: 'Rédaction', content: 'Le corps de l’article.', timestamp: 1664173800 },
      { thread_id: 'd1', comment_id: 11, in_reply_to: 0, user: 'Anne', content: 'Premier avis.', timestamp: 1664175720 },
      { thread_id: 'd1', comment_id: 12, in_reply_to: 11, user: 'Bruno', content: 'Réponse à Anne.', timestamp: 1664176740000 },
      { thread_id: 'd1', comment_id: 13, in_reply_to: 0, user: 'Chloé', content: 'Autre avis.' },
    ];
    expect(unitsOf(ingestFile('f.json', bytes(JSON.stringify(flat))).documents)).toEqual(expected);
  });

  it('read as JSON Lines with a kind row for the article give the same units', () => {
    const lines = [
      { doc_id: 'd1', id: 1, kind: 'article', author: 'Rédaction', body: 'Le corps de l’article.', created_at: '2022-09-26T06:30:00Z' },
      { doc_id: 'd1', id: 2, kind: 'comment', parent: 1, author: 'Anne', body: 'Premier avis.', created_at: '2022-09-26T07:02:00Z' },
      { doc_id: 'd1', id: 3, kind: 'comment', parent: 2, author: 'Bruno', body: 'Réponse à Anne.', created_at: '2022-09-26 07:19' },
      { doc_id: 'd1', id: 4, kind: 'comment', parent: null, author: 'Chloé', body: 'Autre avis.' },
    ].map((l) => JSON.stringify(l)).join('\n');
    expect(unitsOf(ingestFile('f.jsonl', bytes(lines)).documents)).toEqual(expected);
  });

  it('read as CSV naming its comment id "id" keep every reply link', () => {
    const csv = [
      'article_id,id,reply_to,author_name,published_at,message',
      'd1,,,Rédaction,26/09/2022 06:30,Le corps de l’article.',
      'd1,c1,,Anne,26/09/2022 07:02,Premier avis.',
      'd1,c2,c1,Bruno,2022-09-26T07:19:00+02:00,Réponse à Anne.',
      'd1,c3,,Chloé,,Autre avis.',
    ].join('\n');
    expect(unitsOf(ingestFile('f.csv', bytes(csv)).documents)).toEqual(expected);
  });

  it('map any other name with --fields', () => {
    const csv = ['fil,pseudo,corps,num,repond_a', 'd1,Anne,Premier avis.,1,', 'd1,Bruno,Réponse à Anne.,2,1', 'd1,Chloé,Autre avis.,3,'].join('\n');
    const map = fieldMapOf(parseFieldsOption('doc_id=fil,author=pseudo,text=corps,id=num,parent_id=repond_a'));
    const [doc] = ingestFile('f.csv', bytes(csv), { fieldMap: map }).documents;
    expect(doc?.units.map((u) => [u.author, u.parentId?.split('#').pop(), u.text])).toEqual([[undefined, undefined, ''], ['Anne', undefined, 'Premier avis.'], ['Bruno', '1', 'Réponse à Anne.'], ['Chloé', undefined, 'Autre avis.']]);
  });

  it('rejects a --fields entry naming no field of this tool', () => {
    expect(() => parseFieldsOption('texte=corps')).toThrow(/unknown field "texte"/u);
  });

  it('reads Unix times in seconds and milliseconds as UTC clock times', () => {
    expect([parseFlatDate('1664305453'), parseFlatDate('1664305440000'), parseFlatDate('2022-09-27 19:04')]).toEqual(['2022-09-27T19:04:13', '2022-09-27T19:04', '2022-09-27T19:04']);
  });
});
