import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/ingest/formats/read-csv.js';
import { replyReferenceOf } from '../../../src/ingest/formats/reply-reference.js';

describe('reply links written in the text of an export', () => {
  const known = (id: string): boolean => ['p7', '1002'].includes(id);

  it('reads a first line naming a known id, and the quote lines after it', () => {
    expect(replyReferenceOf('>>1002\n>les mots cités\nMa réponse.', known)).toEqual({ id: '1002', text: 'Ma réponse.', quoted: true });
    expect(replyReferenceOf('#p7\nD\'accord.', known)).toEqual({ id: 'p7', text: 'D\'accord.', quoted: false });
  });

  it('reads a link without a label opening the text, its address naming a known id, as a quote of that record', () => {
    expect(replyReferenceOf('[ ](https://chat.exemple.fr/channel/mairie?msg=p7) Oui, dès lundi.', known)).toEqual({ id: 'p7', text: 'Oui, dès lundi.', quoted: true });
    expect(replyReferenceOf('[ ](https://chat.exemple.fr/channel/mairie?msg=zz9) Oui.', known)).toBeUndefined();
    expect(replyReferenceOf('[le lien](https://chat.exemple.fr/p7) Oui.', known)).toBeUndefined();
  });

  it('leaves a text alone when the id is unknown or the first line holds words', () => {
    expect(replyReferenceOf('>>999\nRéponse.', known)).toBeUndefined();
    expect(replyReferenceOf('> une citation\nRéponse.', known)).toBeUndefined();
    expect(replyReferenceOf('Je réponds à 1002.', known)).toBeUndefined();
  });

  it('gives parents, quotes and no author for "Anonymous" in a CSV export without a parent column (the thread id is the opening post id)', () => {
    const csv = [
      'thread_id,id,timestamp,author,body',
      '900,900,2025-03-01 10:00,Anonymous,"Question du fil : qui héberge la messagerie des agents ?"',
      '900,901,2025-03-01 10:05,Noa,">>900\nUn prestataire européen, depuis l\'an dernier."',
      '900,902,2025-03-01 10:09,Anonymous,">>901\n>depuis l\'an dernier\nSeulement pour une partie des services."',
    ].join('\n');
    const page = readCsv(csv, undefined, 'fil.csv').records[0]!.page;
    expect(page.author).toBeUndefined();
    expect(page.comments).toEqual([
      { author: 'Noa', published: '2025-03-01T10:05', text: 'Un prestataire européen, depuis l\'an dernier.', parentIndex: undefined },
      { author: undefined, published: '2025-03-01T10:09', text: 'Seulement pour une partie des services.', parentIndex: 0, quotesIndex: 0 },
    ]);
  });
});
