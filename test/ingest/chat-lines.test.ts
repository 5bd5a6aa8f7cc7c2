import { describe, expect, it } from 'vitest';
import { chatLinesLayout, readChatLines } from '../../src/ingest/layouts/chat-lines.js';
import { lineCuesWithout } from '../../src/ingest/layouts/line-cues.js';

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

  it('reads phone numbers and names marked "~" as authors, and leaves out the app\'s marked notices, placeholders and removed messages', () => {
    const lrm = '\u200e';
    const page = [
      `[10/03/2025, 20:12:51] Groupe du quartier: ${lrm}Les messages sont chiffrés de bout en bout.`,
      '[10/03/2025, 20:14:07] Awa Traoré: Qui vient jeudi ?',
      `${lrm}[10/03/2025, 20:15:22] Awa Traoré: ${lrm}<pièce jointe : photo.jpg>`,
      '[10/03/2025, 20:19:40] ~ Bastien: Moi.',
      '10/03/2025 20:23 - +33 6 41 27 88 09: Moi aussi,',
      'en retard.',
      '10/03/2025 20:24 - Bruno Keller: <Médias omis>',
      '10/03/2025 20:25 - Bruno Keller: Ce message a été supprimé',
      '10/03/2025 20:26 - Bruno Keller: Je viens.',
    ];
    expect(readChatLines(page)?.page).toEqual({
      author: 'Awa Traoré', published: '2025-03-10T20:14', body: 'Qui vient jeudi ?',
      comments: [
        { author: 'Bastien', published: '2025-03-10T20:19', text: 'Moi.' },
        { author: '+33 6 41 27 88 09', published: '2025-03-10T20:23', text: 'Moi aussi,\nen retard.' },
        { author: 'Bruno Keller', published: '2025-03-10T20:26', text: 'Je viens.' },
      ],
    });
  });

  it('reads with the cue set it is given through withCues', () => {
    // "Voter" is an interface word tagged with one kind: without it, the line is the message's words.
    const page = ['[20:00] awa: bonsoir', '[20:01] bruno: salut', '[20:02] awa: premier point', 'Voter'];
    const read = (layout: typeof chatLinesLayout): string | undefined => layout.read?.('', page)?.page.comments[1]?.text;
    expect(read(chatLinesLayout)).toBe('premier point');
    expect(read(chatLinesLayout.withCues!(lineCuesWithout('qa-site')))).toBe('premier point\nVoter');
  });

  it('takes a paragraph of running text above the first message for the article (author under a label ending with "par"), and stops the last message at furniture after a blank line', () => {
    const page = [
      'Sondage', 'Créé par', 'Odette Marin', '',
      'Présentation',
      'Le club de randonnée choisit sa prochaine sortie de printemps entre trois massifs proches, chacun avec un dénivelé différent et un covoiturage à organiser depuis la place du marché.',
      '',
      '03-04-2025 10:02:11 Paul Henri : Le massif le plus proche, pour que tout le monde puisse venir.',
      '03-04-2025 11:15:40 Odette Marin : Bien noté, on votera samedi.',
      '04-04-2025 08:30:05 Inès Caron : Je propose le covoiturage depuis la gare aussi.',
      '', 'Ajouter un commentaire', 'Votre nom', 'Un service hébergé par une association locale.',
    ];
    const read = readChatLines(page);
    expect(read?.page.author).toBe('Odette Marin');
    expect(read?.page.body).toMatch(/^Le club de randonnée/u);
    expect(read?.page.comments.map((c) => [c.author, c.text])).toEqual([
      ['Paul Henri', 'Le massif le plus proche, pour que tout le monde puisse venir.'],
      ['Odette Marin', 'Bien noté, on votera samedi.'],
      ['Inès Caron', 'Je propose le covoiturage depuis la gare aussi.'],
    ]);
  });
});
