import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentence } from '../../scripts/generate-corpus.js';
import { countSignedPhrases, type CountedPhrases } from '../../src/phrases/count-phrases.js';
import { loadPhraseWords, PhraseSigner, type SignedDocument } from '../../src/phrases/find-phrases.js';
import { mergePhrases, mergePhrasesAndForms } from '../../src/phrases/merge-phrases.js';
import { packPhraseState, unpackPhraseState, type PhraseState } from '../../src/phrases/phrase-state.js';
import { recountSignedPhrases } from '../../src/phrases/recount-phrases.js';
import { seededRandom } from '../../src/sampling/seeded-random.js';

const signer = new PhraseSigner(loadPhraseWords(path.resolve('lexicons')));

// A few sentences, so that phrases, whole sentences and whole units recur across documents; joined
// with a full stop, a comma or nothing, the same words make one sentence or two (the same unit hash,
// other phrase keys: a repeat test can change in a document whose keys the changed one lacks).
const POOL = ((): string[] => {
  const rnd = seededRandom(5);
  return Array.from({ length: 14 }, () => sentence(rnd, []));
})();

interface Doc {
  readonly id: string;
  readonly serial: number;
  readonly units: readonly { readonly position: number; readonly text: string; readonly author?: string }[];
  readonly signature: Uint32Array;
}

function makeDoc(id: string, serial: number, seed: number): Doc {
  const rnd = seededRandom(seed);
  const units = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, position) => {
    // Sometimes without accents: the same phrase keys, other surface forms.
    const parts = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => POOL[Math.floor(rnd() * POOL.length)]!.replace(/[.!?…]+$/u, ''))
      .map((p) => (rnd() < 0.4 ? p.replace(/[éèê]/gu, 'e') : p));
    const text = parts.join(rnd() < 0.5 ? '. ' : rnd() < 0.5 ? ', ' : ' ') + '.';
    const author = rnd() < 0.6 ? `auteur${Math.floor(rnd() * 4)}` : undefined;
    return { position, text, ...(author === undefined ? {} : { author }) };
  });
  return { id, serial, units, signature: signer.sign(units) };
}

function corpusOf(docs: ReadonlyMap<string, Doc>): () => SignedDocument[] {
  const sorted = [...docs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return () => sorted.map((d) => {
    const texts = new Map(d.units.map((u) => [u.position, u.text]));
    return { docId: d.id, serial: d.serial, signature: d.signature, unitTexts: () => texts };
  });
}

/** The kept rows as comparable records, in key order. */
function keptRows(counted: CountedPhrases): string[] {
  const { kept, docIds } = counted;
  const rows: string[] = [];
  for (let row = 0; row < kept.length; row += 1) {
    const [doc, position] = kept.example(row);
    rows.push(JSON.stringify([kept.h1(row), kept.h2(row), kept.counts(row), docIds[doc], position, [...kept.stemKeys(row)], kept.score(row)]));
  }
  return rows.sort();
}

type Op = { readonly kind: 'add' | 'change' | 'remove'; readonly pick: number; readonly seed: number };

/** Apply the operations one after the other; after each, the rerun's count must be the full count's. */
function checkSequence(start: number, ops: readonly Op[], options: { keysPerPass?: number; pairsPerPass?: number; variantSample?: number } = {}): { recounted: number; known: number; walks: number } {
  const sample = options.variantSample;
  let serial = 0;
  const docs = new Map<string, Doc>();
  for (let d = 0; d < start; d += 1) docs.set(`doc-${String(d).padStart(3, '0')}`, makeDoc(`doc-${String(d).padStart(3, '0')}`, serial++, 1000 + d));
  const counted = countSignedPhrases(corpusOf(docs));
  let state: PhraseState = { ...counted.state, variants: mergePhrasesAndForms(counted, corpusOf(docs), 40, undefined, sample).forms };
  let known = 0;
  let stored = new Map([...docs.values()].map((d) => [d.serial, d.signature]));
  let recounted = 0;
  let walks = 0;
  for (const op of ops) {
    const ids = [...docs.keys()].sort();
    const target = ids[op.pick % Math.max(1, ids.length)];
    if (op.kind === 'add' || target === undefined) {
      const id = `doc-${String(op.seed % 997).padStart(3, '0')}x${serial}`;
      docs.set(id, makeDoc(id, serial++, op.seed));
    } else if (op.kind === 'change') docs.set(target, makeDoc(target, serial++, op.seed));
    else docs.delete(target);
    const corpus = corpusOf(docs);
    const now = new Set([...docs.values()].map((d) => d.serial));
    const before = new Set(state.serials);
    const delta = {
      retired: [...before].filter((s) => !now.has(s)).map((s) => ({ serial: s, signature: stored.get(s)! })),
      added: [...docs.values()].filter((d) => !before.has(d.serial)).map((d) => d.signature),
    };
    const full = countSignedPhrases(corpus, { passes: 2 });
    const again = recountSignedPhrases(corpus, unpackPhraseState(packPhraseState(state))!, delta, options);
    if (again === undefined) {
      state = { ...full.state, variants: mergePhrasesAndForms(full, corpus, 40, undefined, sample).forms };
    } else {
      recounted += 1;
      walks = Math.max(walks, again.stats.passes);
      expect(keptRows(again)).toEqual(keptRows(full));
      // The surface forms known from the state (those of the rows written last time whose units did not change) are the same too.
      const merged = mergePhrasesAndForms(again, corpus, 40, again.knownForms, sample);
      const fromScratch = mergePhrasesAndForms(full, corpus, 40, undefined, sample);
      expect(merged.phrases).toEqual(fromScratch.phrases);
      // Every form known after the recount, trail included, is the one a count from scratch samples.
      for (const [h1, h2, forms] of again.knownForms ?? []) {
        const collected = fromScratch.forms.get(h1, h2);
        if (collected !== undefined) expect(forms).toEqual(collected);
      }
      expect(again.docIds).toEqual(full.docIds);
      expect([...again.state.repeats]).toEqual([...full.state.repeats]);
      state = { ...again.state, variants: merged.forms };
      known += again.knownForms?.size ?? 0;
    }
    stored = new Map([...docs.values()].map((d) => [d.serial, d.signature]));
  }
  return { recounted, known, walks };
}

const ops = fc.array(fc.record({ kind: fc.constantFrom<Op['kind']>('add', 'change', 'remove'), pick: fc.nat(1000), seed: fc.nat(100_000) }), { minLength: 1, maxLength: 6 });

describe('recountSignedPhrases', () => {
  it('counts what a full count does after any sequence of added, changed and removed documents', () => {
    let recounted = 0;
    let known = 0;
    fc.assert(fc.property(fc.integer({ min: 0, max: 25 }), ops, (start, sequence) => {
      const seen = checkSequence(start, sequence);
      recounted += seen.recounted;
      known += seen.known;
    }), { numRuns: 40 });
    // Not every run fell back to a count from scratch, and surface forms were reused.
    expect(recounted).toBeGreaterThan(40);
    expect(known).toBeGreaterThan(40);
  });

  it('samples the surface forms of the phrases whose documents changed again, as a count from scratch does, from the trail and the text', () => {
    let known = 0;
    fc.assert(fc.property(fc.integer({ min: 3, max: 25 }), ops, fc.integer({ min: 1, max: 4 }), (start, sequence, variantSample) => {
      known += checkSequence(start, sequence, { variantSample }).known;
    }), { numRuns: 40 });
    expect(known).toBeGreaterThan(40);
  });

  it('tallies the changed keys in shares, split again when a share holds too many (phrase, author) pairs, with the same result', () => {
    let recounted = 0;
    let walks = 0;
    fc.assert(fc.property(fc.integer({ min: 5, max: 25 }), ops, fc.integer({ min: 1, max: 40 }), (start, sequence, pairsPerPass) => {
      const seen = checkSequence(start, sequence, { pairsPerPass });
      recounted += seen.recounted;
      walks = Math.max(walks, seen.walks);
    }), { numRuns: 25 });
    expect(recounted).toBeGreaterThan(25);
    // Some recounts took several walks of shares.
    expect(walks).toBeGreaterThan(3);
  });

  const words = 'Le gouvernement promet des milliards pour la souveraineté numérique européenne';
  const rest = 'les citoyens restent sceptiques devant le cloud souverain.';
  const mk = (id: string, serial: number, text: string, author: string): Doc => {
    const units = [{ position: 0, text, author }];
    return { id, serial, units, signature: signer.sign(units) };
  };
  const spanning = 'Je lis que la souveraineté numérique européenne les citoyens la voient venir.';

  it('takes every phrase key of the documents added, in any order, also of text they repeat: the same words, a sentence end dropped', () => {
    const docs = new Map([['doc-004', mk('doc-004', 4, spanning, 'z')]]);
    const first = countSignedPhrases(corpusOf(docs));
    const runOn = mk('doc-002', 5, `${words} ${rest}`, 'x');
    const ended = mk('doc-009', 6, `${words}. ${rest}`, 'y');
    docs.set('doc-002', runOn);
    docs.set('doc-009', ended);
    const corpus = corpusOf(docs);
    // Taken first, doc-009's unit would make doc-002's a repeat (same words): its keys must not be skipped.
    const again = recountSignedPhrases(corpus, first.state, { retired: [], added: [ended.signature, runOn.signature] })!;
    expect(keptRows(again)).toEqual(keptRows(countSignedPhrases(corpus)));
    expect(mergePhrases(again, corpus).map((p) => p.phrase)).toEqual(['souveraineté numérique européenne les citoyens']);
  });

  it('counts again a document whose repeated text is walked otherwise, though the changed one lacks its phrase keys', () => {
    // doc-001 holds doc-002's unit word for word but ends a sentence where doc-002 runs on: the same
    // unit hash, fewer phrase keys. Removing doc-001 (walked first) makes doc-002's unit walked, and
    // with it "européenne les citoyens", which doc-004 holds too.
    const docs = new Map([
      ['doc-001', mk('doc-001', 1, `${words}. ${rest}`, 'w')],
      ['doc-002', mk('doc-002', 2, `${words} ${rest}`, 'x')],
      ['doc-003', mk('doc-003', 3, `${words}. ${rest}`, 'y')],
      ['doc-004', mk('doc-004', 4, spanning, 'z')],
    ]);
    const first = countSignedPhrases(corpusOf(docs));
    const removed = docs.get('doc-001')!;
    docs.delete('doc-001');
    const corpus = corpusOf(docs);
    const again = recountSignedPhrases(corpus, first.state, { retired: [{ serial: removed.serial, signature: removed.signature }], added: [] })!;
    const full = countSignedPhrases(corpus);
    expect(again.stats.passes).toBe(2);
    expect(keptRows(again)).toEqual(keptRows(full));
    expect(mergePhrases(again, corpus).map((p) => p.phrase)).toEqual(['souveraineté numérique européenne les citoyens']);
    // In shares (one pair a share): doc-002's keys are tallied in the walk of the second share, beside
    // it, and every walk after the first takes the repeat tests from the first's log.
    const inShares = recountSignedPhrases(corpus, unpackPhraseState(packPhraseState(first.state))!, { retired: [{ serial: removed.serial, signature: removed.signature }], added: [] }, { pairsPerPass: 1 })!;
    expect(inShares.stats.passes).toBeGreaterThan(2);
    expect(keptRows(inShares)).toEqual(keptRows(full));
  });

  it('samples the forms again from the text where a document is walked otherwise than before, not from the old trail', () => {
    // doc-002's first unit repeats doc-001's (skipped) and its second writes the phrase without
    // accents: the old trail holds that form for doc-002. With doc-001 removed, doc-002's first unit
    // is walked, and its occurrence, met first, is written with accents.
    const docs = new Map([
      ['doc-001', mk('doc-001', 1, `${words}. ${rest}`, 'w')],
      ['doc-002', { id: 'doc-002', serial: 2, units: [], signature: new Uint32Array() }],
      ['doc-004', mk('doc-004', 4, spanning, 'z')],
      ['doc-005', mk('doc-005', 5, 'On parle de souveraineté numérique européenne depuis des années sans rien voir venir.', 'v')],
    ]);
    const units = [
      { position: 0, text: `${words} ${rest}`, author: 'x' },
      { position: 1, text: 'Mais la souverainete numerique europeenne reste un voeu pieux pour bien des lecteurs.', author: 'x' },
    ];
    docs.set('doc-002', { id: 'doc-002', serial: 2, units, signature: signer.sign(units) });
    const first = countSignedPhrases(corpusOf(docs));
    const state = { ...first.state, variants: mergePhrasesAndForms(first, corpusOf(docs), 1000).forms };
    const removed = docs.get('doc-001')!;
    docs.delete('doc-001');
    const corpus = corpusOf(docs);
    const again = recountSignedPhrases(corpus, unpackPhraseState(packPhraseState(state))!, { retired: [{ serial: removed.serial, signature: removed.signature }], added: [] })!;
    const fromScratch = mergePhrasesAndForms(countSignedPhrases(corpus), corpus, 1000);
    const phrase = fromScratch.phrases.find((p) => p.variants.includes('souverainete numerique europeenne'));
    expect(phrase?.variants).toEqual(['souveraineté numérique européenne', 'souverainete numerique europeenne']);
    let resampled = 0;
    for (const [h1, h2, forms] of again.knownForms ?? []) {
      if (forms.forms.includes('souverainete numerique europeenne')) resampled += 1;
      expect(forms).toEqual(fromScratch.forms.get(h1, h2));
    }
    expect(resampled).toBeGreaterThan(0);
  });

  it('keeps a phrase\'s first twelve forms as a count from scratch does when one more is met, or one kept goes', () => {
    // Sixteen ways to write one phrase (accents, plurals), one document each, then four more documents.
    const forms = ['souveraineté', 'souverainete', 'souverainetés', 'souverainetes']
      .flatMap((a) => ['numérique', 'numerique', 'numériques', 'numeriques'].map((b) => `${a} ${b}`));
    const NAMES = 'Anne Paul Marc Hugo Léa Luc Inès Jean Emma Louis Chloé Nicolas Thomas Sophie Claire Julie Camille Antoine Pierre Marie'.split(' ');
    const docs = new Map<string, Doc>();
    const put = (k: number, serial: number, form: string): void => {
      const id = `doc-${String(k).padStart(2, '0')}`;
      docs.set(id, mk(id, serial, `${NAMES[k]!} ${['approuve', 'critique', 'commente', 'cite'][k % 4]!} la ${form} ici ${k}`, NAMES[k]!));
    };
    for (let k = 0; k < 20; k += 1) put(k, k, forms[k % 16]!);
    let state: PhraseState = (() => {
      const counted = countSignedPhrases(corpusOf(docs));
      return { ...counted.state, variants: mergePhrasesAndForms(counted, corpusOf(docs), 1000).forms };
    })();
    let serial = 100;
    const change = (mutate: () => void): void => {
      const before = new Map([...docs.values()].map((d) => [d.serial, d]));
      mutate();
      const now = new Set([...docs.values()].map((d) => d.serial));
      const delta = {
        retired: [...before.values()].filter((d) => !now.has(d.serial)).map((d) => ({ serial: d.serial, signature: d.signature })),
        added: [...docs.values()].filter((d) => !before.has(d.serial)).map((d) => d.signature),
      };
      const corpus = corpusOf(docs);
      const again = recountSignedPhrases(corpus, unpackPhraseState(packPhraseState(state))!, delta)!;
      const fromScratch = mergePhrasesAndForms(countSignedPhrases(corpus), corpus, 1000);
      const merged = mergePhrasesAndForms(again, corpus, 1000, again.knownForms);
      expect(merged.phrases).toEqual(fromScratch.phrases);
      expect(fromScratch.phrases.some((p) => p.variants.length === 12)).toBe(true);
      for (const [h1, h2, known] of again.knownForms ?? []) expect(known).toEqual(fromScratch.forms.get(h1, h2));
      state = { ...again.state, variants: merged.forms };
    };
    // A late document changed, its form one of those not kept: still not kept.
    change(() => put(17, serial++, forms[13]!));
    // A kept form's only document removed: the first form not kept so far is kept now.
    change(() => docs.delete('doc-02'));
    // An early document written in a form met nowhere else: kept, and the last kept one no longer is.
    change(() => put(1, serial++, 'souverainetés du numérique'));
    // An early document written in a form kept nowhere yet but met later (not kept there): kept there too now.
    change(() => put(3, serial++, forms[14]!));
  });

  it('keeps the forms of a phrase a longer one holds, so that a rerun listing it does not walk the corpus for them', () => {
    // "cloud souverain européen" is only ever inside "cloud souverain européen avance" (same
    // two voices): not listed. A third voice writes it alone: listed now.
    const docs = new Map([
      ['doc-a', mk('doc-a', 1, 'Le cloud souverain européen avance enfin pour les lecteurs. La facture grimpe.', 'a')],
      ['doc-b', mk('doc-b', 2, 'Un Cloud souverain européen avance enfin, disent les experts. Et la facture grimpe.', 'b')],
    ]);
    const first = countSignedPhrases(corpusOf(docs));
    const before = mergePhrasesAndForms(first, corpusOf(docs), 1000);
    // Not listed, "cloud souverain européen" scores above the last phrase listed: its forms are kept.
    expect(before.phrases.map((p) => p.phrase)).toEqual(['cloud souverain européen avance', 'facture grimpe']);
    const added = mk('doc-c', 3, 'Le cloud souverain européen reste un mirage.', 'c');
    docs.set('doc-c', added);
    let walks = 0;
    const corpus = (): SignedDocument[] => {
      walks += 1;
      return corpusOf(docs)();
    };
    const again = recountSignedPhrases(corpus, unpackPhraseState(packPhraseState({ ...first.state, variants: before.forms }))!, { retired: [], added: [added.signature] })!;
    walks = 0;
    const merged = mergePhrasesAndForms(again, corpus, 1000, again.knownForms);
    expect(walks).toBe(0);
    expect(merged.phrases.find((p) => p.phrase === 'cloud souverain européen')?.variants).toEqual(['cloud souverain européen']);
    expect(merged.phrases).toEqual(mergePhrases(countSignedPhrases(corpusOf(docs)), corpusOf(docs), 1000));
  });

  it('reads the text of the documents it changed, no other, when the old samples hold every occurrence', () => {
    const docs = new Map(Array.from({ length: 12 }, (_, d) => [`doc-${d}`, makeDoc(`doc-${d}`, d, 300 + d)] as const));
    const reads = new Set<string>();
    const counting = (): (() => SignedDocument[]) => {
      const sorted = [...docs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return () => sorted.map((d) => ({ docId: d.id, serial: d.serial, signature: d.signature, unitTexts: () => {
        reads.add(d.id);
        return new Map(d.units.map((u) => [u.position, u.text]));
      } }));
    };
    const first = countSignedPhrases(counting());
    const state = { ...first.state, variants: mergePhrasesAndForms(first, counting(), 1000).forms };
    const old = docs.get('doc-5')!;
    docs.set('doc-5', makeDoc('doc-5', 50, 999));
    reads.clear();
    const again = recountSignedPhrases(counting(), unpackPhraseState(packPhraseState(state))!, { retired: [{ serial: old.serial, signature: old.signature }], added: [docs.get('doc-5')!.signature] })!;
    expect(again.knownForms!.size).toBeGreaterThan(0);
    expect([...reads]).toEqual(['doc-5']);
  });

  describe('brings the kept tallies of changed keys up to date from the changed documents (UpdatedTallies)', () => {
    // Each unit holds "souveraineté numérique européenne" among words of its own (no repeat unless asked).
    const NAMES = 'Anne Paul Marc Hugo Léa Luc Inès Jean Emma Louis Chloé Nicolas Thomas Sophie Claire Julie Camille Antoine Pierre Marie'.split(' ');
    const unit = (k: number, author?: string): { position: number; text: string; author?: string } => ({
      position: k, text: `Le lecteur ${NAMES[k]!} ${['approuve', 'critique', 'commente', 'cite'][k % 4]!} la souveraineté numérique européenne ici`, ...(author === undefined ? {} : { author }),
    });
    const docOf = (id: string, serial: number, units: readonly { position: number; text: string; author?: string }[]): Doc => ({ id, serial, units, signature: signer.sign(units) });
    /** Recount from `state` after replacing `docs` by `next`; the same rows as a full count, and the key updated, not tallied afresh. */
    const step = (state: PhraseState, docs: ReadonlyMap<string, Doc>, next: ReadonlyMap<string, Doc>): PhraseState => {
      const now = new Set([...next.values()].map((d) => d.serial));
      const before = new Set(state.serials);
      const delta = {
        retired: [...docs.values()].filter((d) => !now.has(d.serial)).map((d) => ({ serial: d.serial, signature: d.signature })),
        added: [...next.values()].filter((d) => !before.has(d.serial)).map((d) => d.signature),
      };
      const corpus = corpusOf(next);
      const again = recountSignedPhrases(corpus, unpackPhraseState(packPhraseState(state))!, delta)!;
      const full = countSignedPhrases(corpus);
      expect(again.stats.updated).toBeGreaterThan(0);
      expect(keptRows(again)).toEqual(keptRows(full));
      expect(mergePhrases(again, corpus)).toEqual(mergePhrases(full, corpus));
      return again.state;
    };
    const start = (): { docs: Map<string, Doc>; state: PhraseState } => {
      const docs = new Map([
        ['doc-10', docOf('doc-10', 10, [unit(0, 'x'), unit(1), unit(2, 'y')])],
        ['doc-20', docOf('doc-20', 20, [unit(3, 'y'), unit(4, 'z')])],
        ['doc-30', docOf('doc-30', 30, [unit(5), unit(6, 'w'), unit(16, 'y')])],
      ]);
      return { docs, state: countSignedPhrases(corpusOf(docs)).state };
    };

    it('a new document by an author who already holds the key, after and before the example; unsigned units added', () => {
      const { docs, state } = start();
      const later = new Map(docs).set('doc-40', docOf('doc-40', 40, [unit(7, 'x'), unit(8), unit(9, 'v')]));
      const s1 = step(state, docs, later);
      // Before every other document: the example moves to it; its author y holds the key already.
      step(s1, later, new Map(later).set('doc-05', docOf('doc-05', 41, [unit(10, 'y'), unit(11)])));
    });

    it('an author\'s only holding unit removed while a new document adds it; a retired unsigned unit; a named voice lost', () => {
      const { docs, state } = start();
      // z's only unit goes with doc-20 (changed: y's unit stays), and a new document by z comes.
      const next = new Map(docs)
        .set('doc-20', docOf('doc-20', 21, [unit(3, 'y')]))
        .set('doc-50', docOf('doc-50', 50, [unit(12, 'z')]));
      const s1 = step(state, docs, next);
      // w's only unit and an unsigned one removed: w is no longer a voice; y, who holds it elsewhere, still is.
      const after = new Map(next).set('doc-30', docOf('doc-30', 31, [unit(13, 'x')]));
      step(s1, next, after);
    });

    it('repeated units and sentences in the documents added and retired', () => {
      const { docs, state } = start();
      // A new document repeating doc-30's first unit word for word (skipped: a repeat), and one
      // before doc-20 repeating its first (doc-20's unit is then the repeat, walked no more).
      const next = new Map(docs)
        .set('doc-60', docOf('doc-60', 60, [{ ...unit(5), position: 0 }, unit(14, 'u')]))
        .set('doc-15', docOf('doc-15', 61, [{ ...unit(3), position: 0, author: 'x' }, unit(15, 'x')]));
      const s1 = step(state, docs, next);
      // A document whose unit was a repeat (not walked) removed: nothing of that unit to subtract.
      const s2Docs = new Map(next);
      s2Docs.delete('doc-60');
      const s2 = step(s1, next, s2Docs);
      // The first copy of a repeated unit removed: the later copy is walked again.
      const after = new Map(s2Docs);
      after.delete('doc-15');
      step(s2, s2Docs, after);
    });
  });

  it('gives up (undefined) when more keys changed than a pass may count, or the state counted another minVoices', () => {
    const docs = new Map([['a', makeDoc('a', 0, 1)]]);
    const state = countSignedPhrases(corpusOf(docs)).state;
    const b = makeDoc('b', 1, 2);
    docs.set('b', b);
    expect(recountSignedPhrases(corpusOf(docs), state, { retired: [], added: [b.signature] }, { keysPerPass: 1 })).toBeUndefined();
    expect(recountSignedPhrases(corpusOf(docs), state, { retired: [], added: [b.signature] }, { minVoices: 3 })).toBeUndefined();
    expect(recountSignedPhrases(corpusOf(docs), state, { retired: [], added: [b.signature] })).toBeDefined();
  });
});
