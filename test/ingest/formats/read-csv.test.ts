import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/ingest/formats/read-csv.js';

describe('readCsv', () => {
  it('groups rows by doc_id, takes the article row as the body and links replies by comment_id', () => {
    const csv = [
      'published,text,doc_id,kind,comment_id,parent_id,author,title,site,url,extra',
      '2021-05-17,Corps de l\'article.,d1,article,,,Jean,Titre,journal.fr,https://j,x',
      '17/05/2021 11:20,Premier.,d1,comment,k1,,Marc,,,,',
      ',"Réponse, avec virgule.",d1,reply,k2,k1,Sophie,,,,',
      ',Autre document.,d2,,,,,,,,',
    ].join('\n');
    const { records, diagnostics } = readCsv(csv);
    expect(diagnostics).toEqual([]);
    expect(records).toEqual([
      {
        id: 'd1', line: 2,
        page: {
          site: 'journal.fr', url: 'https://j', title: 'Titre', author: 'Jean', published: '2021-05-17', body: "Corps de l'article.",
          comments: [
            { author: 'Marc', published: '2021-05-17T11:20', text: 'Premier.', parentIndex: undefined },
            { author: 'Sophie', published: undefined, text: 'Réponse, avec virgule.', parentIndex: 0 },
          ],
        },
      },
      { id: 'd2', line: 5, page: { site: undefined, url: undefined, title: undefined, author: undefined, published: undefined, body: '', comments: [{ author: undefined, published: undefined, text: 'Autre document.', parentIndex: undefined }] } },
    ]);
  });

  it('reads the ";" separator of French spreadsheets and a BOM', () => {
    const { records } = readCsv('\ufeffdoc_id;text;author\nd1;Un texte, avec virgule;Zoé\n');
    expect(records[0]?.page.comments[0]).toMatchObject({ text: 'Un texte, avec virgule', author: 'Zoé' });
  });

  it('accepts header names in any case and keeps quoted multi-line text whole', () => {
    const { records } = readCsv('DOC_ID,Text\nd1,"deux\nlignes"\n');
    expect(records[0]?.page.comments[0]?.text).toBe('deux\nlignes');
  });

  it('reads HTML markup and entities in cells as plain text', () => {
    expect(readCsv('doc_id,text\nd1,"<p>Oui&nbsp;!</p>"\n').records[0]?.page.comments[0]?.text).toBe('Oui\u00a0!');
  });

  it('skips a file without the required columns, naming them', () => {
    const { records, diagnostics } = readCsv('id,note\n1,Bonjour\n');
    expect(records).toEqual([]);
    expect(diagnostics).toEqual([{ level: 'error', code: 'missing-columns', line: 1, message: expect.stringContaining('"doc_id", "text"') as string }]);
  });

  it('skips a row without doc_id alone, with its line', () => {
    const { records, diagnostics } = readCsv('doc_id,text\nd1,A\n,B\nd1,C\n');
    expect(records[0]?.page.comments.map((c) => c.text)).toEqual(['A', 'C']);
    expect(diagnostics).toMatchObject([{ code: 'missing-doc-id', line: 3 }]);
  });

  it('keeps a second article row as a comment, with a warning', () => {
    const { records, diagnostics } = readCsv('doc_id,text,kind\nd1,A,article\nd1,B,article\n');
    expect(records[0]?.page).toMatchObject({ body: 'A', comments: [{ text: 'B' }] });
    expect(diagnostics).toMatchObject([{ code: 'duplicate-article', line: 3 }]);
  });

  it('skips a file that is not valid CSV', () => {
    expect(readCsv('doc_id,text\nd1,"jamais fermé\n').diagnostics).toMatchObject([{ level: 'error', code: 'invalid-csv' }]);
  });
});
