import { describe, expect, it } from 'vitest';
import { readSignedPosts } from '../../src/ingest/layouts/signed-posts.js';

describe('posts closed by their signature', () => {
  it('reads a talk page: the signature at the end of the text gives author and date, indentation the parent', () => {
    const page = [
      'Discussion:Portail', '',
      'La section sur le coût est trop courte. — Awa Traoré (discuter) 14 mars 2023 à 10:12 (CET)', '',
      '    Je peux la compléter avec le rapport de 2022. — Bruno K (discuter) 14 mars 2023 à 11:40 (CET)', '',
      '        Merci, bonne idée. — Awa Traoré (discuter) 14 mars 2023 à 12:05 (CET)', '',
      'Une autre question sur les sources.', '— Chloé (discuter) 2 avril 2023 à 17:30 (CEST)',
    ];
    expect(readSignedPosts(page)?.page).toEqual({
      author: 'Awa Traoré', published: '2023-03-14T10:12', body: 'La section sur le coût est trop courte.',
      comments: [
        { author: 'Bruno K', published: '2023-03-14T11:40', text: 'Je peux la compléter avec le rapport de 2022.', parentIndex: undefined },
        { author: 'Awa Traoré', published: '2023-03-14T12:05', text: 'Merci, bonne idée.', parentIndex: 0 },
        { author: 'Chloé', published: '2023-04-02T17:30', text: 'Une autre question sur les sources.', parentIndex: undefined },
      ],
    });
  });

  it('reads forum posts ending with "-- Name": the dated line on top is the date, the motto under the name is left out', () => {
    const page = [
      'Posté le 08/01/2024 à 21:14', 'Faut-il installer l\'application ?', '-- Grizzli', '',
      'Posté le 08/01/2024 à 21:40', 'Non, rien ne l\'impose.', '-- Jean-Mi', '« Un proverbe. »', '',
    ];
    expect(readSignedPosts(page)?.page).toEqual({
      author: 'Grizzli', published: '2024-01-08T21:14', body: 'Faut-il installer l\'application ?',
      comments: [{ author: 'Jean-Mi', published: '2024-01-08T21:40', text: 'Non, rien ne l\'impose.', parentIndex: undefined }],
    });
  });

  it('keeps every paragraph of a post after the first, not a section heading above it', () => {
    const page = [
      'Une question.', '-- Awa', '',
      'Titre de section [modifier]', '',
      'Premier paragraphe de la réponse.', '', 'Second paragraphe.', '-- Bruno', '',
    ];
    expect(readSignedPosts(page)?.page.comments.map((c) => c.text)).toEqual(['Premier paragraphe de la réponse.\n\nSecond paragraphe.']);
  });

  it('takes no dash inside a sentence for a signature', () => {
    expect(readSignedPosts(['Le projet — selon la mairie — avance.', '', 'Un autre texte – sans signature.', '', 'Et -- encore un.'])).toBeUndefined();
  });
});
