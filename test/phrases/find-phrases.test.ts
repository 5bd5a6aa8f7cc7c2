import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countPhrases, findPhrases, findSignedPhrases, loadPhraseWords, PhraseSigner, phraseUnitsOf, type PhraseUnit, type SignedDocument } from '../../src/phrases/find-phrases.js';
import type { AnalysedDocument } from '../../src/model.js';
import { tokenise, tokeniseWithIds } from '../../src/text/tokenise.js';
import { Vocabulary } from '../../src/text/vocabulary.js';

const words = loadPhraseWords(path.resolve('lexicons'));

let n = 0;
function unit(docId: string, text: string, author?: string): PhraseUnit {
  n += 1;
  return { docId, position: n, author, text };
}

function phrases(units: PhraseUnit[]): ReturnType<typeof findPhrases> {
  return findPhrases(() => units, { words });
}

describe('findPhrases', () => {
  it('groups inflections, amounts and inner function words into one phrase, keeping the surface variants', () => {
    const found = phrases([
      unit('a', 'Encore des milliards dilapidés pour rien.', 'Ana'),
      unit('b', 'Des millions dilapidés, comme toujours.', 'Bruno'),
      unit('c', "C'est de l'argent public, voilà tout.", 'Chloé'),
      unit('d', "Tout ça avec l'argent du public !", 'Driss'),
    ]);
    const money = found.find((p) => p.variants.includes('milliards dilapidés'));
    expect(money?.variants).toEqual(['milliards dilapidés', 'millions dilapidés']);
    expect(money).toMatchObject({ nDocuments: 2, nAuthors: 2, frequency: 2 });
    const argent = found.find((p) => p.variants.includes('argent public'));
    expect(argent?.variants).toEqual(['argent du public', 'argent public']);
  });

  it('counts a comment posted twice by one author once, and lists nothing that only that author repeats', () => {
    const text = 'Les serveurs américains pompent nos données sensibles.';
    const once = phrases([unit('a', text, 'Sansillusions'), unit('b', `Je le redis : ${text}`, 'Sansillusions')]);
    expect(once).toEqual([]);
    const twice = phrases([unit('a', text, 'Sansillusions'), unit('b', text.toUpperCase(), 'Autre'), unit('c', `Oui, ${text}`, 'Sansillusions')]);
    const p = twice.find((x) => x.phrase === 'serveurs américains pompent nos données sensibles');
    expect(p).toMatchObject({ frequency: 2, nAuthors: 2, nDocuments: 3, nUnits: 3 });
  });

  it('counts a long sentence syndicated on several pages once', () => {
    const wire = "Le ministre de l'Économie a présenté hier un plan de soutien à la filière cloud nationale.";
    const found = phrases([unit('a', wire), unit('b', `${wire} Le texte est repris.`), unit('c', `Autre titre. ${wire}`)]);
    expect(found.filter((p) => p.phrase.includes('filière cloud'))).toEqual([]);
  });

  it('never lists a phrase made only of function words, nor starts or ends one with a function word', () => {
    const text = "il y a de la place pour tout le monde, et c'est pas fini";
    const found = phrases([unit('a', `Franchement, ${text}.`, 'A'), unit('b', `Bon, ${text} !`, 'B'), unit('c', `Et puis ${text}...`, 'C')]);
    for (const p of found) {
      const toks = tokenise(p.phrase).map((t) => t.norm);
      expect(toks.some((t) => !words.functionWords.has(t)), p.phrase).toBe(true);
      expect(words.functionWords.has(toks[0]!), p.phrase).toBe(false);
      expect(words.functionWords.has(toks[toks.length - 1]!), p.phrase).toBe(false);
    }
    expect(found.map((p) => p.phrase)).toContain('place pour tout le monde');
  });

  it('does not join words across sentence punctuation', () => {
    const found = phrases([unit('a', 'Aucun résultat. Parfois une humiliation.', 'A'), unit('b', 'Zéro résultat. Parfois pire.', 'B')]);
    expect(found.map((p) => p.phrase)).not.toContain('résultat. parfois');
    expect(found.every((p) => !p.phrase.includes('.'))).toBe(true);
  });

  it('scores a phrase of rare words above a phrase of common words said as often', () => {
    const found = phrases([
      unit('a', 'Une fumisterie intégrale. Le cloud souverain, le cloud, encore le cloud.', 'A'),
      unit('b', 'Fumisterie intégrale ! Ce cloud souverain est souverain, paraît-il.', 'B'),
      unit('c', 'Le cloud, toujours le cloud souverain, souverain et cloud.', 'C'),
      unit('d', 'Fumisterie intégrale, vraiment.', 'D'),
    ]);
    const score = (phrase: string): number => found.find((p) => p.phrase === phrase)?.score ?? Number.NaN;
    expect(found.find((p) => p.phrase === 'fumisterie intégrale')?.frequency).toBe(3);
    expect(found.find((p) => p.phrase === 'cloud souverain')?.frequency).toBe(3);
    expect(score('fumisterie intégrale')).toBeGreaterThan(score('cloud souverain'));
    expect(found.map((p) => p.score)).toEqual([...found.map((p) => p.score)].sort((x, y) => y - x));
  });

  it('counts exactly with no admission floor, in one pass or several', () => {
    const units: PhraseUnit[] = [];
    for (let i = 0; i < 40; i += 1) units.push(unit(`d${i}`, `Quel gaspillage d'argent public, encore. Sujet numéro ${i} du jour ${i % 7} et mot${i} rare${i}.`, `auteur${i}`));
    const { phrases: found, stats } = countPhrases(() => units, { words });
    expect(stats.floor).toBe(2);
    const top = found.find((p) => p.phrase === "gaspillage d'argent public");
    expect(top).toMatchObject({ frequency: 40, nDocuments: 40, nAuthors: 40, nUnits: 40 });
    const inThree = countPhrases(() => units, { words, passes: 3 });
    expect(inThree.stats.passes).toBe(3);
    expect(inThree.phrases).toEqual(found);
  });

  it('counts documents, units, unsigned voices and named authors exactly', () => {
    // 300 pages of 3 comments: an author posting on every page, one signing on one page each, one unsigned.
    const units: PhraseUnit[] = [];
    for (let d = 0; d < 300; d += 1) {
      units.push(unit(`p${d}`, 'Encore un gaspillage monumental, sans surprise.', 'Habitué'));
      units.push(unit(`p${d}`, `Gaspillage monumental, je confirme (page ${d}).`, `Lecteur${d}`));
      units.push(unit(`p${d}`, `Un gaspillage monumental de plus, page ${d}.`));
    }
    const found = phrases(units).find((p) => p.phrase === 'gaspillage monumental');
    expect(found).toMatchObject({ nDocuments: 300, nUnits: 900, nAuthors: 301, frequency: 601 });
  });

  it('reads the text only of the documents that supply the surface forms of the rows written', () => {
    const texts = ['Quel gaspillage monumental.', 'Un gaspillage monumental, encore.', 'Rien à voir ici, franchement.', 'Toujours rien à signaler.'];
    const signer = new PhraseSigner(words);
    const read: string[] = [];
    const docs: SignedDocument[] = texts.map((text, i) => ({
      docId: `r${i}`, signature: signer.sign([{ position: 0, author: `auteur${i}`, text }]),
      unitTexts: () => ((read.push(`r${i}`)), new Map([[0, text]])),
    }));
    const { phrases: found } = findSignedPhrases(() => docs);
    expect(found.map((p) => p.phrase)).toEqual(['gaspillage monumental']);
    expect(found[0]?.variants).toEqual(['gaspillage monumental']);
    expect(read).toEqual(['r0', 'r1']);
  });
});

describe('phraseUnitsOf', () => {
  it('gives phrase discovery the French and undetermined units only: its word lists and stemmer are French', () => {
    const docs: AnalysedDocument[] = ['a', 'b', 'c'].map((id) => ({
      document: { id, file: `${id}.txt`, sha256: '' } as AnalysedDocument['document'],
      lang: { code: 'fra', score: 1 },
      units: (['fra', 'eng', 'und'] as const).map((code, position) => ({
        unit: { id: `${id}#${position}`, docId: id, position, kind: position === 0 ? 'article' : 'comment', depth: 0, author: `${code}-${id}`, text: code === 'eng' ? 'Total waste of public money again.' : 'Quel gaspillage monumental.' },
        lang: { code, score: 0.9 }, nTokens: 5, stances: [], claims: [],
      })) as AnalysedDocument['units'],
    }));
    expect([...phraseUnitsOf(docs)].map((u) => `${u.docId}#${u.position}`)).toEqual(['a#0', 'a#2', 'b#0', 'b#2', 'c#0', 'c#2']);
    const found = findPhrases(() => phraseUnitsOf(docs), { words });
    expect(found.map((p) => p.phrase)).toEqual(['gaspillage monumental']);
  });
});

describe('PhraseSigner', () => {
  const texts = [
    "Encore des milliards dilapidés pour rien, c'est de l'argent public.",
    "Des millions dilapidés, comme toujours, avec l'argent du public.",
    'Le cloud souverain est une fumisterie intégrale.',
    'Fumisterie intégrale que ce cloud souverain !',
    "Quel gaspillage d'argent public, encore des milliards dilapidés.",
  ];
  const units = texts.map((text, i) => unit(`s${i}`, text, i % 2 === 0 ? `auteur${i}` : undefined));

  it('signs a document the same whatever the signer signed before (signatures made by any thread or run add up)', () => {
    const fresh = (u: PhraseUnit): Uint32Array => new PhraseSigner(words).sign([u]);
    const shared = new PhraseSigner(words);
    const inOrder = units.map((u) => shared.sign([u]));
    expect(inOrder.map((s) => [...s])).toEqual(units.map((u) => [...fresh(u)]));
    const reversed = new PhraseSigner(words);
    expect([...units].reverse().map((u) => [...reversed.sign([u])]).reverse()).toEqual(inOrder.map((s) => [...s]));
  });

  it('signs the same with the tokens\' ids, also when the vocabulary hands its ids out afresh', () => {
    const plain = new PhraseSigner(words);
    const expected = units.map((u) => [...plain.sign([u])]);
    for (const size of [100_000, 5]) {
      const vocabulary = new Vocabulary(size);
      const signer = new PhraseSigner(words);
      for (const pass of [1, 2]) {
        const signed = units.map((u) => {
          const { tokens, ids } = tokeniseWithIds(u.text, vocabulary);
          if (size === 100_000) expect(ids).toBeDefined();
          return [...signer.sign([{ ...u, tokens, ...(ids === undefined ? {} : { ids }) }])];
        });
        expect(signed, `vocabulary of ${size}, pass ${pass}`).toEqual(expected);
      }
    }
  });

  it('gives, from signatures, the phrases counted from the text', () => {
    const signer = new PhraseSigner(words);
    const docs: SignedDocument[] = units.map((u) => ({ docId: u.docId, signature: signer.sign([u]), unitTexts: () => new Map([[u.position, u.text]]) }));
    const found = findSignedPhrases(() => docs).phrases;
    expect(found).toEqual(findPhrases(() => units, { words }));
    expect(found.map((p) => p.phrase)).toContain('milliards dilapidés');
  });
});
