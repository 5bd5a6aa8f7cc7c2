import { describe, expect, it } from 'vitest';
import { explainsBetter, headersConsistent, withCueMetadata, withRecordMetadata } from '../../src/ingest/better-reading.js';
import type { ParsedPage } from '../../src/ingest/page.js';

const page = (comments: ParsedPage['comments'], extra: Partial<ParsedPage> = {}): ParsedPage => ({ body: 'Le texte de l\'article commence ici.', comments, ...extra });

describe('explainsBetter', () => {
  const named = { text: 'a', author: 'x', published: '2024-01-02' };
  it('prefers the reading whose comments carry more authors and dates', () => {
    expect(explainsBetter(page([named, named]), page([named, { text: 'b' }]))).toBe(true);
    expect(explainsBetter(page([named, { text: 'b' }]), page([named, named]))).toBe(false);
  });

  it('on as many, prefers the one with fewer comments lacking them, and keeps the first on a tie', () => {
    expect(explainsBetter(page([named]), page([named, { text: 'b' }]))).toBe(true);
    expect(explainsBetter(page([named, named]), page([named, named]))).toBe(false);
  });
});

describe('withCueMetadata', () => {
  const byModel = page([
    { text: 'Premier avis sur la question posée, assez long pour la clé.', author: 'Citer' },
    { text: 'Une réponse au premier avis, elle aussi assez longue ici.', author: 'Citer' },
    { text: 'Un commentaire que seul le modèle a découpé à cet endroit précis.', author: 'Moi' },
  ], { author: 'profil' });
  const byCues = page([
    { text: 'Premier avis sur la question posée, assez long pour la clé.\nCiter', author: 'Alice', published: '2024-01-02T10:00' },
    { text: 'Une réponse au premier avis, elle aussi assez longue ici.', author: 'Bob', parentIndex: 0, quotesIndex: 0 },
    { text: 'Ailleurs.', author: 'Carol', parentIndex: 1 },
  ], { author: 'Auteur' });

  it('puts the cues\' author, date, parent and quote on the units both readings start alike, keeping the model\'s words', () => {
    const merged = withCueMetadata(byModel, byCues);
    expect(merged.author).toBe('Auteur');
    expect(merged.comments.map((c) => c.text)).toEqual(byModel.comments.map((c) => c.text));
    expect(merged.comments[0]).toMatchObject({ author: 'Alice', published: '2024-01-02T10:00' });
    expect(merged.comments[1]).toMatchObject({ author: 'Bob', parentIndex: 0, quotesIndex: 0 });
    expect(merged.comments[2]).toEqual(byModel.comments[2]);
  });

  it('leaves the article\'s metadata when the readings start it differently', () => {
    expect(withCueMetadata(byModel, { ...byCues, body: 'Autre chose.' }).author).toBe('profil');
  });
});

describe('headersConsistent', () => {
  const named = { text: 'a', author: 'x', published: '2024-01-02' };
  it('holds when every comment is named and all are dated, or none is', () => {
    expect(headersConsistent(page([named, named]))).toBe(true);
    expect(headersConsistent(page([{ text: 'a', author: 'x' }, { text: 'b', author: 'y' }]))).toBe(true);
  });

  it('fails on a comment without an author, on dates missing from some comments only, and on fewer than two comments', () => {
    expect(headersConsistent(page([named, { text: 'b', published: '2024-01-02' }]))).toBe(false);
    expect(headersConsistent(page([named, { text: 'b', author: 'y' }]))).toBe(false);
    expect(headersConsistent(page([named]))).toBe(false);
  });
});

describe('withRecordMetadata', () => {
  it('gives a unit lacking a name, a date or a parent those of the template record it starts, and keeps its boundaries', () => {
    const reading = page([
      { text: 'Les haies, c\'est bien, mais qui va les tailler ? Les agents sont déjà débordés.' },
      { text: 'On peut organiser des chantiers participatifs.', author: 'Malo', published: '2026-02-14' },
      { text: 'Un passage que le modèle a coupé ailleurs que le gabarit.' },
    ]);
    const byTemplate = page([
      { text: 'Les haies, c\'est bien, mais qui va les tailler ? Les agents sont déjà débordés.\nUtile', author: 'Rozenn Le Du', published: '2026-02-14T09:12' },
      { text: 'On peut organiser des chantiers participatifs.', author: 'Autre', published: '2026-02-15', parentIndex: 0 },
      { text: 'Tout autre chose.', author: 'Soizic' },
    ]);
    const merged = withRecordMetadata(reading, byTemplate);
    expect(merged.comments.map((c) => [c.text, c.author, c.published, c.parentIndex])).toEqual([
      ['Les haies, c\'est bien, mais qui va les tailler ? Les agents sont déjà débordés.', 'Rozenn Le Du', '2026-02-14T09:12', undefined],
      ['On peut organiser des chantiers participatifs.', 'Malo', '2026-02-14', 0],
      ['Un passage que le modèle a coupé ailleurs que le gabarit.', undefined, undefined, undefined],
    ]);
  });
});
