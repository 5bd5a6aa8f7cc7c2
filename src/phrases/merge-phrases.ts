import type { CountedPhrases } from './count-phrases.js';
import { KeyIndex, type KeyedTable } from './hash-tables.js';
import { DEFAULT_PHRASE_LIMIT, type KeptPhrase, type Phrase } from './phrase.js';
import type { PhraseRows } from './phrase-rows.js';
import { collectVariants, type SampledForms } from './variants.js';
import { H1_SEED, H2_SEED, nextH1, nextH2, tallyKey } from './vocabulary.js';
import type { SignedCorpus } from './walk-signatures.js';

/** The bits of h2 in a phrase's key (see tallyKey): two phrases are one when h1 and these agree. */
const KEY_H2_BITS = 0x1fffff;

/**
 * Of two phrases kept under one key (h1 and KEY_H2_BITS of h2, a collision), the one listed: the
 * one first met later in the corpus (example document, then position), then the larger h2. A rule
 * on the rows themselves, so that the rows listed do not depend on the order they were kept in
 * (a rerun's count keeps them in another order than a full count). A full count kept the one first
 * met later too, but two first met in the same unit in the order met there.
 */
function listedOver(kept: PhraseRows, a: number, b: number): boolean {
  const [da, pa] = kept.example(a);
  const [db, pb] = kept.example(b);
  return da !== db ? da > db : pa !== pb ? pa > pb : kept.h2(a) > kept.h2(b);
}

/**
 * The kept phrases that can be listed, as rows: one per key (see listedOver), and none that only
 * ever occurs inside a longer kept one ("européen gaia-x" in "projet européen gaia-x", same
 * voices): only the longest is listed.
 */
function listedRows(kept: PhraseRows): { listed: Uint32Array; subsumed: Uint32Array } {
  const byKey = new KeyIndex(kept.length);
  /** For each distinct key, in the order first kept: the row listed under it. */
  const latest = new Uint32Array(kept.length);
  let distinct = 0;
  for (let row = 0; row < kept.length; row += 1) {
    const at = byKey.get(kept.h1(row), kept.h2(row) & KEY_H2_BITS);
    if (at >= 0) {
      if (listedOver(kept, row, latest[at]!)) latest[at] = row;
    }
    else {
      byKey.add(kept.h1(row), kept.h2(row) & KEY_H2_BITS, distinct);
      latest[distinct] = row;
      distinct += 1;
    }
  }
  const subsumed = new Uint8Array(distinct);
  for (let at = 0; at < distinct; at += 1) {
    const row = latest[at]!;
    const n = kept.stemCount(row);
    if (n < 3) continue; // no shorter phrase of two words or more inside
    const voices = kept.voices(row);
    const stems = kept.stemKeys(row);
    // Each run of 2 to n - 1 of its words, hashed as it grows from its first word.
    for (let from = 0; from + 2 <= n; from += 1) {
      let h1 = nextH1(H1_SEED, stems[2 * from]!);
      let h2 = nextH2(H2_SEED, stems[2 * from + 1]!);
      for (let k = from + 1; k < n && k - from + 1 < n; k += 1) {
        h1 = nextH1(h1, stems[2 * k]!);
        h2 = nextH2(h2, stems[2 * k + 1]!);
        const sub = byKey.get(h1, h2 & KEY_H2_BITS);
        if (sub >= 0 && kept.voices(latest[sub]!) === voices) subsumed[sub] = 1;
      }
    }
  }
  const listed = new Uint32Array(distinct);
  const inside = new Uint32Array(distinct);
  let n = 0;
  let m = 0;
  for (let at = 0; at < distinct; at += 1) {
    if (subsumed[at] === 0) listed[n++] = latest[at]!;
    else inside[m++] = latest[at]!;
  }
  return { listed: listed.subarray(0, n), subsumed: inside.subarray(0, m) };
}

/** A row as an object, for the few rows written. */
function keptPhrase(kept: PhraseRows, row: number, docIds: readonly string[]): KeptPhrase {
  const h1 = kept.h1(row);
  const h2 = kept.h2(row);
  const [document, position] = kept.example(row);
  const keys = kept.stemKeys(row);
  const stems: [number, number][] = [];
  for (let k = 0; k < keys.length; k += 2) stems.push([keys[k]!, keys[k + 1]!]);
  return { key: tallyKey(h1, h2), h1, h2, ...kept.counts(row), example: `${docIds[document]!}#${position}`, stems, score: kept.score(row) };
}

/**
 * The rows of phrases.csv, best scores first, ties by phrase. Only the rows that can be written
 * (scores above the `limit`-th, and every tie of it) become objects and get their surface forms,
 * read from the text of the units that hold them (unless `known`): the rest of the corpus is never read.
 */
export function mergePhrases(counted: Pick<CountedPhrases, 'kept' | 'docIds'>, corpus: SignedCorpus, limit: number = DEFAULT_PHRASE_LIMIT): Phrase[] {
  return mergePhrasesAndForms(counted, corpus, limit).phrases;
}

/**
 * Rows whose surface forms a count keeps for the next run, as a multiple of the rows written: a
 * rerun that writes a phrase not written last time reads its forms from there, instead of walking
 * the corpus for it (the rows near the last one written trade places from one run to the next).
 */
const FORMS_KEPT = 1.25;

/** The listed rows with the `n` best scores (and every tie of the n-th), best first, equal scores by key. */
function bestRows(kept: PhraseRows, listed: Uint32Array, n: number): number[] {
  if (n <= 0) return [];
  const scores = Float64Array.from(listed, (row) => kept.score(row)).sort();
  const floor = scores[listed.length - n]!;
  // Equal scores by key (not in the order kept, which a rerun's count does not keep).
  return [...listed.filter((row) => kept.score(row) >= floor)]
    .sort((a, b) => kept.score(b) - kept.score(a) || kept.h1(a) - kept.h1(b) || kept.h2(a) - kept.h2(b));
}

/**
 * mergePhrases, with the surface forms of the rows that could be written and of the next best ones
 * (FORMS_KEPT), for the next run's state. `sample`: occurrences whose forms are read (tests make it small).
 */
export function mergePhrasesAndForms(
  counted: Pick<CountedPhrases, 'kept' | 'docIds'>, corpus: SignedCorpus, limit: number = DEFAULT_PHRASE_LIMIT, known?: KeyedTable<SampledForms>, sample?: number,
): { phrases: Phrase[]; forms: KeyedTable<SampledForms> } {
  const { kept, docIds } = counted;
  const { listed, subsumed } = listedRows(kept);
  const written = Math.min(limit, listed.length);
  const best = bestRows(kept, listed, Math.min(Math.ceil(FORMS_KEPT * limit), listed.length));
  const floor = written > 0 ? kept.score(best[written - 1]!) : Infinity;
  const shown: KeptPhrase[] = [];
  const next: { h1: number; h2: number }[] = [];
  for (const row of best) {
    if (kept.score(row) >= floor) shown.push(keptPhrase(kept, row, docIds));
    else next.push({ h1: kept.h1(row), h2: kept.h2(row) });
  }
  // And the phrases not listed because a longer one holds them (same voices) that would rank among
  // those: a change of the longer one's voices lists them.
  const nextFloor = best.length > 0 ? kept.score(best[best.length - 1]!) : Infinity;
  for (const row of subsumed) if (kept.score(row) >= nextFloor) next.push({ h1: kept.h1(row), h2: kept.h2(row) });
  const forms = collectVariants(shown, next, corpus, known, sample);
  const phrases: Phrase[] = shown.map((t) => {
    const variants = forms.get(t.h1, t.h2)?.forms ?? [];
    return {
      phrase: variants[0] ?? '', nDocuments: t.documents, nUnits: t.units, nAuthors: t.authors, frequency: t.voices,
      score: t.score, variants, exampleUnitId: t.example,
    };
  });
  phrases.sort((a, b) => b.score - a.score || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
  return { phrases: phrases.slice(0, limit), forms };
}
