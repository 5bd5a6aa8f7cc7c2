import { KEYS_PER_PASS, PAIRS_PER_PASS, type CountedPhrases, type CountOptions } from './count-phrases.js';
import { KeyCounts, KeyedTable, KeyFilter, KeyIndex } from './hash-tables.js';
import { DEFAULT_MIN_VOICES } from './phrase.js';
import { RepeatLog, type PhraseState } from './phrase-state.js';
import type { WordCounts } from './score-phrases.js';
import { PHRASE_MAX_WORDS } from './segments.js';
import { PhraseTally, scoreOf } from './tally-phrases.js';
import { Resamples, SurfaceReader, VARIANT_SAMPLE, type SampledForms } from './variants.js';
import { UpdatedTallies } from './updated-tallies.js';
import { bareDocument, NO_SERIAL, RepeatTables, walkSignatures, type SignedCorpus, type SignedDocument } from './walk-signatures.js';

/** What changed since a PhraseState was made: the signatures to subtract and to add. */
export interface PhraseDelta {
  /** The documents of the state no longer in the corpus (removed, or changed: their old version), with their serials. */
  readonly retired: readonly { readonly serial: number; readonly signature: Uint32Array }[];
  /** The documents of the corpus the state did not count (new, or changed: their new version). */
  readonly added: readonly Uint32Array[];
}

/** Each phrase key of some signatures met, nothing skipped, given to `each`; of each signature, from its unit `from[i]` on (all by default). */
function forKeysOf(signatures: readonly Uint32Array[], each: (h1: number, h2: number) => void, from?: readonly number[]): void {
  const docs = signatures.map(bareDocument);
  let first = 0;
  let unit = 0;
  walkSignatures(() => docs, {
    document(index) {
      first = from?.[index] ?? 0;
      unit = -1;
    },
    unit() {
      unit += 1;
    },
    segment(_start, _end, _content, _length, h1, h2) {
      if (unit >= first) each(h1, h2);
    },
  }, new RepeatTables(), false);
}

/** Every phrase key of some signatures, nothing skipped, into `keys` (those `unless` accepts left out); of each, from its unit `from[i]` on (all by default). */
function addKeysOf(signatures: readonly Uint32Array[], keys: KeyCounts, unless?: (h1: number, h2: number) => boolean, from?: readonly number[]): void {
  forKeysOf(signatures, (h1, h2) => {
    if (unless === undefined || !unless(h1, h2)) keys.add(h1, h2);
  }, from);
}

/**
 * countSignedPhrases's result, from the state the last count left and what changed since, with one
 * walk over the signatures instead of two per pass. A phrase key none of whose units is in a
 * changed document keeps its tally: the units holding it are the same ones, in the same order.
 * Repeated text is where that could fail — a unit or sentence of an unchanged document skipped (or
 * walked) because a changed document held the same words before it — so the walk compares each
 * unchanged document's repeat tests with the state's, and counts again the keys of those that differ.
 * So: the keys of the changed documents, every one (repeated text not skipped), are tallied afresh
 * in the walk that also counts the words for the scores; the kept phrases of the state under any
 * other key are kept as they were, rescored. Undefined when the state cannot be used (another
 * minVoices, a retired document missing, too many keys changed): count from scratch. The state's
 * kept phrases become the result's (`previous` is used up).
 */
export function recountSignedPhrases(corpus: SignedCorpus, previous: PhraseState, delta: PhraseDelta, options: CountOptions = {}): CountedPhrases | undefined {
  const minVoices = options.minVoices ?? DEFAULT_MIN_VOICES;
  const keysPerPass = Math.max(1, options.keysPerPass ?? KEYS_PER_PASS);
  if (previous.minVoices !== minVoices) return undefined;
  const changed = new KeyCounts();
  addKeysOf(delta.retired.map((r) => r.signature), changed);
  addKeysOf(delta.added, changed);
  if (changed.size > keysPerPass) return undefined;
  // The changed keys the state kept, with their example in no retired document, are brought up to
  // date from the changed documents (UpdatedTallies); the others are tallied afresh over the corpus.
  const updated = new UpdatedTallies(previous.kept, previous.serials, changed, new Set(delta.retired.map((r) => r.serial)));
  if (!updated.prepare(previous, delta.retired, delta.added)) return undefined;
  // One probe per segment in the walks: a changed key → its index r among them; kindOf[r]: 0 when
  // it is tallied afresh, 1 + its update's index when updated; resampleOf[r]: see `resamples` below.
  const changedIndex = new KeyIndex(changed.size);
  const kindOf: number[] = [];
  /** Passes over most segments of keys that did not change before `changedIndex` is probed. */
  const mayHaveChanged = new KeyFilter(changed.size);
  const noteChanged = (h1: number, h2: number): void => {
    if (changedIndex.get(h1, h2) >= 0) return;
    changedIndex.add(h1, h2, kindOf.length);
    kindOf.push(updated.of(h1, h2) + 1);
    mayHaveChanged.add(h2);
  };
  forKeysOf(delta.retired.map((r) => r.signature), noteChanged);
  forKeysOf(delta.added, noteChanged);
  /** Whether a changed key is tallied afresh (not updated). */
  const afresh = (h1: number, h2: number): boolean => {
    const r = changedIndex.get(h1, h2);
    return r >= 0 && kindOf[r] === 0;
  };
  const pairsPerPass = Math.max(1, options.pairsPerPass ?? PAIRS_PER_PASS);
  // The changed keys are tallied in shares (h1 mod `shares`, the first in the walk below, the others
  // after it), as many as their (phrase, author) pairs need: estimated by the named authors the state
  // counted for them (a pair each), and one for each key. A share that holds more pairs all the same is split in two.
  let pairsExpected = changed.size - updated.size;
  for (let row = 0; row < previous.kept.length; row += 1) {
    if (afresh(previous.kept.h1(row), previous.kept.h2(row))) pairsExpected += previous.kept.counts(row).authors;
  }
  const shares = Math.max(1, Math.ceil(pairsExpected / pairsPerPass));
  let firstFull = false;

  const oldIndex = new Map<number, number>();
  previous.serials.forEach((serial, index) => oldIndex.set(serial, index));
  // The surface forms known are sampled again in the walk (Resample): from the old sample's trail in
  // the documents walked as before, from the text in the others (a key that did not change too: a
  // document walked otherwise can move its occurrences). A changed key's resample is found from its
  // index among the changed keys, another's from `unchangedKnown`.
  const sample = options.variantSample ?? VARIANT_SAMPLE;
  const resampleOf = new Int32Array(kindOf.length).fill(-1);
  const unchangedKnown = new KeyIndex();
  const mayBeUnchangedKnown = new KeyFilter(previous.variants?.size ?? 0);
  const olds: SampledForms[] = [];
  for (const [h1, h2, v] of previous.variants ?? []) {
    const r = changedIndex.get(h1, h2);
    if (r >= 0) resampleOf[r] = olds.length;
    else {
      unchangedKnown.add(h1, h2, olds.length);
      mayBeUnchangedKnown.add(h2);
    }
    olds.push(v);
  }
  /** The index in this walk of each document of the old corpus, once walked (-1: gone). */
  const renumbered = new Int32Array(previous.serials.length).fill(-1);
  const resamples = new Resamples(olds, renumbered, sample);
  /** Whether the document being walked is new, or walked otherwise than before from here on. */
  let isNew = false;
  let rewalked = false;
  let serial = NO_SERIAL;
  const reader = new SurfaceReader();

  const words = new KeyCounts();
  const counts: WordCounts = { words, total: 0, segmentsOfLength: new Array<number>(PHRASE_MAX_WORDS + 1).fill(0) };
  const docIds: string[] = [];
  const log = new RepeatLog();
  const repeats = new RepeatTables();
  const tally = new PhraseTally();
  const tallying = tally.visitor(() => true);
  /** Unchanged documents whose repeated text was not walked as before: their signatures, copied. */
  const touched: Uint32Array[] = [];
  /** The unit of each where the first test that differs is: the units before it were walked as before. */
  const touchedFrom: number[] = [];
  let current: SignedDocument | undefined;
  let docIndex = 0;
  let position = 0;
  let author: [number, number] | undefined;
  /** Whether the unit walked is of an unchanged document and by none of the changed documents' authors (or unsigned). */
  let passedOver = false;
  let currentAt = -1;
  let was = -1;
  let wasEnd = 0;
  let differs = false;
  const walk = walkSignatures(corpus, {
    document(index, doc) {
      docIds.push(doc.docId);
      log.document(doc.serial);
      tallying.document!(index, doc);
      current = doc;
      docIndex = index;
      const old = doc.serial === undefined ? undefined : oldIndex.get(doc.serial);
      isNew = old === undefined;
      rewalked = false;
      serial = doc.serial ?? NO_SERIAL;
      reader.document(doc);
      currentAt = old ?? -1;
      if (old !== undefined) renumbered[old] = index;
      was = old === undefined ? -1 : previous.repeatStarts[old]!;
      wasEnd = old === undefined ? -1 : old + 1 < previous.serials.length ? previous.repeatStarts[old + 1]! : previous.repeats.length;
      differs = false;
    },
    unit(at, signed, a1, a2) {
      tallying.unit!(at, signed, a1, a2);
      reader.unit(at);
      position = at;
      author = signed ? [a1, a2] : undefined;
      passedOver = !isNew && !updated.concerns(signed, a1, a2);
    },
    repeat(skipped, unit) {
      log.push(skipped);
      if (was < 0 || differs) return;
      // Equal tests so far give the same layout of tests: the first that differs is a real change.
      if (was >= wasEnd || previous.repeats[was] !== (skipped ? 1 : 0)) {
        differs = true;
        touched.push(current!.signature.slice());
        touchedFrom.push(unit);
        rewalked = true;
      }
      was += 1;
    },
    word(k1, k2) {
      words.add(k1, k2);
      counts.total += 1;
    },
    segment(start, end, content, length, h1, h2, sig) {
      counts.segmentsOfLength[length]! += 1;
      const r = mayHaveChanged.mayHold(h2) ? changedIndex.get(h1, h2) : -1;
      let check = -1;
      if (r >= 0) {
        const kind = kindOf[r]!;
        if (kind > 0) {
          if (isNew) updated.added(kind - 1, h1, h2, docIndex, position, author);
          else if (!passedOver) updated.unchanged(kind - 1, h1, h2, author!);
        } else if (!firstFull && h1 % shares === 0) {
          tallying.segment(start, end, content, length, h1, h2, sig);
          if (tally.pairCount > pairsPerPass && shares <= 0xffffffff) firstFull = true;
        }
        check = resampleOf[r]!;
      } else if (mayBeUnchangedKnown.mayHold(h2)) check = unchangedKnown.get(h1, h2);
      if (check >= 0) resamples.add(check, docIndex, isNew || rewalked ? -1 : currentAt, serial, reader, start, end);
    },
  }, repeats);

  // The keys of touched documents not tallied yet (rare: the same words with other breaks or
  // sentence ends than in a changed document): tallied in the next share's walk, or one more walk.
  const more = new KeyCounts();
  addKeysOf(touched, more, afresh, touchedFrom);
  const moreTally = new PhraseTally();
  const moreVisitor = more.size > 0 ? moreTally.visitor((h1, h2) => more.get(h1, h2) > 0) : undefined;
  // The walks below take the repeat tests' outcomes from the walk above instead of hashing again.
  const logged = log.finish();

  const newIndex = new Map<number, number>();
  logged.serials.forEach((serial, index) => newIndex.set(serial, index));
  // The state's kept phrases of keys that did not change stay, in place (no second copy of a
  // million rows), rescored and with their examples' documents numbered anew; the new tallies follow.
  const kept = previous.kept;
  const updatedDocument = updated.apply(kept, previous.serials, (serial) => newIndex.get(serial) ?? -1, minVoices);
  if (updated.missed) return undefined;
  let lost = false;
  kept.retain((row) => {
    const h1 = kept.h1(row);
    const h2 = kept.h2(row);
    if (more.get(h1, h2) > 0) return -1;
    const u = updated.of(h1, h2);
    if (u >= 0) return updatedDocument[u]!;
    if (changed.get(h1, h2) > 0) return -1;
    const document = newIndex.get(previous.serials[kept.example(row)[0]]!);
    if (document === undefined) lost = true; // its example is gone though its key did not change: not a state of this corpus
    return document ?? -1;
  }, (row) => scoreOf(kept.voices(row), kept.stemKeys(row), counts));
  if (lost) return undefined;
  // The changed keys' shares: the first, tallied in the walk above unless it held too many pairs, then the others.
  const todo: { of: number; is: number }[] = [];
  if (firstFull) todo.push({ of: 2 * shares, is: 0 }, { of: 2 * shares, is: shares });
  else tally.keep(kept, minVoices, counts);
  for (let is = 1; is < shares; is += 1) todo.push({ of: shares, is });
  let walks = 1;
  let also = moreVisitor;
  for (let share = todo.shift(); share !== undefined; share = todo.shift()) {
    const { of, is } = share;
    tally.clear();
    const visitor = tally.visitor((h1, h2) => h1 % of === is && afresh(h1, h2));
    const other = also;
    also = undefined;
    let full = false;
    walkSignatures(corpus, {
      document(index, doc) {
        visitor.document?.(index, doc);
        other?.document?.(index, doc);
      },
      unit(position, signed, a1, a2) {
        visitor.unit?.(position, signed, a1, a2);
        other?.unit?.(position, signed, a1, a2);
      },
      segment(start, end, content, length, h1, h2, sig) {
        other?.segment(start, end, content, length, h1, h2, sig);
        if (full) return;
        visitor.segment(start, end, content, length, h1, h2, sig);
        if (tally.pairCount > pairsPerPass && of <= 0xffffffff) full = true;
      },
    }, repeats, true, logged.repeats);
    walks += 1;
    if (full) todo.unshift({ of: 2 * of, is }, { of: 2 * of, is: is + of });
    else tally.keep(kept, minVoices, counts);
  }
  if (also !== undefined) {
    walkSignatures(corpus, also, repeats, true, logged.repeats);
    walks += 1;
  }
  moreTally.keep(kept, minVoices, counts);
  kept.trim();
  const knownForms = new KeyedTable<SampledForms>(olds.length);
  let k = 0;
  for (const [h1, h2] of previous.variants ?? []) knownForms.add(h1, h2, resamples.sampled(k++));
  return {
    kept, docIds, state: { minVoices, ...logged, kept }, knownForms,
    stats: {
      ...walk, floor: minVoices, passes: walks, keysPeak: changed.size + more.size, trackedPeak: tally.rows.length + moreTally.rows.length,
      counterBytes: tally.bytes + moreTally.bytes + changed.bytes + more.bytes + words.bytes + updated.bytes + changedIndex.bytes,
      updated: updated.size,
    },
  };
}
