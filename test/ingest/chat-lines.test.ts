import { describe, expect, it } from 'vitest';
import { readChatLines } from '../../src/ingest/layouts/chat-lines.js';

describe('a chat read one message a line', () => {
  it('reads an export with the date, the author and the words on each line; lines without a header continue a message; the app\'s notices are left out', () => {
    const page = [
      '02/04/2024, 09:00 - Les messages de ce groupe sont chiffrés.',
      '02/04/2024, 09:01 - Awa Traoré : Qui vient à la réunion sur le nouveau portail ?',
      '02/04/2024, 09:05 - Bruno Keller : Moi, mais en retard.',
      'Je préviens la mairie.',
      '02/04/2024, 09:06 - Bruno Keller a quitté le groupe',
      '[02/04/2024 09:10] Chloé Marin : Je viens aussi.',
    ];
    expect(readChatLines(page)?.page).toEqual({
      author: 'Awa Traoré', published: '2024-04-02T09:01', body: 'Qui vient à la réunion sur le nouveau portail ?',
      comments: [
        { author: 'Bruno Keller', published: '2024-04-02T09:05', text: 'Moi, mais en retard.\nJe préviens la mairie.' },
        { author: 'Chloé Marin', published: '2024-04-02T09:10', text: 'Je viens aussi.' },
      ],
    });
  });

  it('reads a log with times only, and messages copied under a "Name, [date]" line', () => {
    const log = ['Salon public', '[20:00] awa: bonsoir', '[20:01] <bruno_k> bonsoir à tous', '[20:02] awa: premier point, le portail'];
    expect(readChatLines(log)?.page.comments.map((c) => [c.author, c.published, c.text])).toEqual([['bruno_k', undefined, 'bonsoir à tous'], ['awa', undefined, 'premier point, le portail']]);
    const copied = ['Awa Traoré, [02.04.24 09:01]', 'Le rapport est sorti.', '', 'Bruno Keller, [02.04.24 09:05]', 'Enfin !', '', 'Awa Traoré, [02.04.24 09:07]', 'Je le résume demain.'];
    expect(readChatLines(copied)?.page).toMatchObject({ author: 'Awa Traoré', published: '2024-04-02T09:01', body: 'Le rapport est sorti.' });
    expect(readChatLines(copied)?.page.comments.map((c) => c.text)).toEqual(['Enfin !', 'Je le résume demain.']);
  });

  it('leaves a page that only quotes a few chat lines among its text to the other readers', () => {
    const page = ['Un article.', '[20:00] awa: bonsoir', ...Array.from({ length: 10 }, (_, i) => `Une ligne de texte ${i}.`), '[20:01] bruno: salut', '[20:02] awa: bon'];
    expect(readChatLines(page)).toBeUndefined();
  });
});
