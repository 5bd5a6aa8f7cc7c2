// The object path of phrase discovery, as it was before the kept phrases were packed (main at
// 3cdb0e4): one object per tallied and kept phrase. Kept for tests only, as the reference the packed
// path (PhraseRows) must match row for row.
import { hashPair } from '../../src/phrases/hashes.js';
import { KeyCounts, KeyedTable } from '../../src/phrases/hash-tables.js';
import { DEFAULT_MIN_VOICES, DEFAULT_PHRASE_LIMIT, type KeptPhrase, type Phrase } from '../../src/phrases/phrase.js';
import { logLikelihood, type WordCounts } from '../../src/phrases/score-phrases.js';
import { PHRASE_MAX_WORDS } from '../../src/phrases/segments.js';
import { collectVariants } from '../../src/phrases/variants.js';
import { hashOfStems, tallyKey } from '../../src/phrases/vocabulary.js';
import { stemKey1, stemKey2, walkSignatures, type SignedCorpus } from '../../src/phrases/walk-signatures.js';

interface Tally {
  voices: number;
  units: number;
  documents: number;
  /** Index of the last document counted (units arrive document by document). */
  lastDocument: number;
  authors: number;
  readonly example: string;
  readonly stems: readonly (readonly [number, number])[];
}

export function objectCount(corpus: SignedCorpus, options: { minVoices?: number; passes?: number } = {}): KeptPhrase[] {
  const minVoices = options.minVoices ?? DEFAULT_MIN_VOICES;
  const passes = Math.max(1, options.passes ?? 1);
  const words = new KeyCounts();
  const counts: WordCounts = { words, total: 0, segmentsOfLength: new Array<number>(PHRASE_MAX_WORDS + 1).fill(0) };
  const kept: KeptPhrase[] = [];
  for (let pass = 0; pass < passes; pass += 1) {
    const mine = (h1: number): boolean => h1 % passes === pass;
    const units = new KeyCounts();
    const first = pass === 0;
    walkSignatures(corpus, {
      ...(first ? { word: (k1: number, k2: number) => { words.add(k1, k2); counts.total += 1; } } : {}),
      segment(_start, _end, _content, length, h1, h2) {
        if (first) counts.segmentsOfLength[length]! += 1;
        if (mine(h1)) units.add(h1, h2);
      },
    });

    const tallies = new KeyedTable<Tally>();
    const pairs = new KeyCounts();
    let docIndex = 0;
    let docId = '';
    let unitId = '';
    let author: [number, number] | undefined;
    walkSignatures(corpus, {
      document(index, doc) {
        docIndex = index;
        docId = doc.docId;
      },
      unit(position, signed, a1, a2) {
        unitId = `${docId}#${position}`;
        author = signed ? [a1, a2] : undefined;
      },
      segment(_start, _end, content, length, h1, h2, sig) {
        if (!mine(h1) || units.get(h1, h2) < minVoices) return;
        let t = tallies.get(h1, h2);
        if (t === undefined) {
          const stems: [number, number][] = [];
          for (let k = 0; k < length; k += 1) stems.push([stemKey1(sig, content[k]!), stemKey2(sig, content[k]!)]);
          t = { voices: 0, units: 0, documents: 0, lastDocument: -1, authors: 0, example: unitId, stems };
          tallies.add(h1, h2, t);
        }
        t.units += 1; // the walk gives each phrase once per unit
        if (t.lastDocument !== docIndex) {
          t.lastDocument = docIndex;
          t.documents += 1;
        }
        if (author === undefined) t.voices += 1;
        else if (pairs.add(...hashPair(h1, h2, author, 3)) === 1) {
          t.voices += 1;
          t.authors += 1;
        }
      },
    });
    for (const [h1, h2, t] of tallies) {
      if (t.voices < minVoices || (t.documents < 2 && t.authors < 2)) continue;
      kept.push({ key: tallyKey(h1, h2), h1, h2, voices: t.voices, units: t.units, documents: t.documents, authors: t.authors, example: t.example, stems: t.stems, score: 0 });
    }
  }
  const scored = kept.map((k) => ({ ...k, score: Math.round(logLikelihood(k.voices, k.stems.flat(), counts) * 1000) / 1000 }));
  return scored;
}

function withoutSubsumed(kept: Iterable<KeptPhrase>): KeptPhrase[] {
  const byKey = new Map<number, KeptPhrase>();
  for (const k of kept) byKey.set(k.key, k);
  const subsumed = new Set<number>();
  for (const t of byKey.values()) {
    for (let len = 2; len < t.stems.length; len += 1) {
      for (let from = 0; from + len <= t.stems.length; from += 1) {
        const sub = tallyKey(...hashOfStems(t.stems.slice(from, from + len)));
        if (byKey.get(sub)?.voices === t.voices) subsumed.add(sub);
      }
    }
  }
  return [...byKey.values()].filter((k) => !subsumed.has(k.key));
}
export function objectMerge(kept: Iterable<KeptPhrase>, corpus: SignedCorpus, limit: number = DEFAULT_PHRASE_LIMIT): Phrase[] {
  const ranked = withoutSubsumed(kept).sort((a, b) => b.score - a.score);
  const last = ranked[Math.min(limit, ranked.length) - 1];
  const shown = last === undefined ? [] : ranked.filter((k) => k.score >= last.score);
  const variants = collectVariants(shown, [], corpus);
  const phrases: Phrase[] = shown.map((t) => {
    const forms = variants.get(t.h1, t.h2)?.forms ?? [];
    return {
      phrase: forms[0] ?? '', nDocuments: t.documents, nUnits: t.units, nAuthors: t.authors, frequency: t.voices,
      score: t.score, variants: forms, exampleUnitId: t.example,
    };
  });
  phrases.sort((a, b) => b.score - a.score || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
  return phrases.slice(0, limit);
}

/** Recurring phrases of signed documents by the object path. */
export function objectPhrases(corpus: SignedCorpus, options: { minVoices?: number; passes?: number; limit?: number } = {}): Phrase[] {
  return objectMerge(objectCount(corpus, options), corpus, options.limit);
}
