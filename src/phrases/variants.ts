import { tokenSpans } from '../text/tokenise.js';
import { KeyedTable } from './hash-tables.js';
import { hashOfSurface, surfaceOf } from './segments.js';
import { NO_SERIAL, walkSignatures, type SignedCorpus, type SignedDocument } from './walk-signatures.js';

/** A phrase by its key. */
export interface KeyOf {
  readonly h1: number;
  readonly h2: number;
}

/** Surface variants kept per phrase; more are counted under the ones already kept. */
const MAX_VARIANTS = 12;

/** Occurrences of a phrase whose surface form is read: enough to rank its variants, cheap on frequent ones. */
export const VARIANT_SAMPLE = 500;

/** A form of the sample that is not kept (met past MAX_VARIANTS distinct forms): a trail does not know its text. */
export const DROPPED_FORM = 255;

/**
 * The occurrences of a phrase's sample, in corpus order: of each, its document (an index into the
 * corpus walked: PhraseState.serials of the count that made it) and its form (an index into
 * SampledForms.forms, DROPPED_FORM for one not kept). A rerun takes the forms of the occurrences in
 * documents it did not change from here instead of reading their text again.
 */
export interface FormTrail {
  readonly docs: Uint32Array;
  readonly forms: Uint8Array;
}

/** The surface forms of one phrase met so far, with their counts, and the trail of its sample. */
export class FormCounts {
  seen = 0;
  /** The serial of the document of the sample's last occurrence, once the sample is full. */
  end = NO_SERIAL;
  readonly forms: string[] = [];
  readonly counts: number[] = [];
  /** Two 30-bit hashes of each form, which stand for it (see hashOfSurface). */
  private readonly hashes: number[] = [];
  /** The document of each occurrence counted (its index in the walk), then its form's index in `forms` (DROPPED_FORM: not kept); grown as needed. */
  private docs = new Uint32Array(8);
  private formOf = new Uint8Array(8);

  /**
   * Count one occurrence of the sample, written `surface`, in the document of index `doc`; a new
   * form past MAX_VARIANTS is not kept. Its form's index in `forms`, -1 when not kept.
   */
  add(surface: string, doc: number): number {
    const [a, b] = hashOfSurface(surface);
    for (let k = 0; k < this.forms.length; k += 1) {
      if (this.hashes[2 * k] === a && this.hashes[2 * k + 1] === b) return this.addAt(k, doc);
    }
    if (this.forms.length === MAX_VARIANTS) return this.addAt(-1, doc);
    this.forms.push(surface);
    this.counts.push(0);
    this.hashes.push(a, b);
    return this.addAt(this.forms.length - 1, doc);
  }

  /** Count one occurrence of the form of index `k` in `forms` (-1: a form not kept), in the document of index `doc`. */
  addAt(k: number, doc: number): number {
    if (this.seen === this.docs.length) {
      const docs = new Uint32Array(2 * this.seen);
      docs.set(this.docs);
      this.docs = docs;
      const formOf = new Uint8Array(2 * this.seen);
      formOf.set(this.formOf);
      this.formOf = formOf;
    }
    this.docs[this.seen] = doc;
    this.formOf[this.seen] = k < 0 ? DROPPED_FORM : k;
    this.seen += 1;
    if (k >= 0) this.counts[k]! += 1;
    return k;
  }

  /** The forms, most frequent first (ties in code-unit order), with the trail of the sample. */
  sampled(): SampledForms {
    const order = this.forms.map((form, k) => k)
      .sort((a, b) => this.counts[b]! - this.counts[a]! || (this.forms[a]! < this.forms[b]! ? -1 : this.forms[a]! > this.forms[b]! ? 1 : 0));
    const rank = new Array<number>(order.length);
    order.forEach((k, r) => { rank[k] = r; });
    const trail = { docs: this.docs.slice(0, this.seen), forms: this.formOf.slice(0, this.seen).map((k) => (k === DROPPED_FORM ? k : rank[k]!)) };
    return { forms: order.map((k) => this.forms[k]!), counts: order.map((k) => this.counts[k]!), sampleEnd: this.end, trail };
  }
}

/**
 * A phrase's sample taken again by a rerun's walk, as collectVariants would take it from this corpus:
 * the form of an occurrence in a document walked as before is read from the old sample's trail, when
 * it holds it; the others' (a document new or changed, walked otherwise, past the old sample, or a
 * form the trail does not know) from their text. Made by Resamples once an occurrence met is not the
 * trail's next: the `followed` first occurrences of the trail were met before, in the same order.
 */
class Resample {
  private readonly counts = new FormCounts();
  /** The next occurrence of the old trail not yet passed. */
  private at = 0;
  /** The index in `counts.forms` of each old form met so far, -1 before. */
  private readonly known = new Int8Array(MAX_VARIANTS).fill(-1);
  /** Whether a form the old sample did not keep is kept now. */
  private foreign = false;

  /** `renumbered`: the index in this walk of each document of the old corpus, filled as the walk reaches it. */
  constructor(private readonly old: SampledForms, private readonly renumbered: Int32Array, followed: number) {
    // The occurrences followed: the same forms met in the same order, so those it did not keep are not kept.
    const { docs, forms } = old.trail;
    for (; this.at < followed; this.at += 1) {
      const doc = renumbered[docs[this.at]!]!;
      if (forms[this.at] === DROPPED_FORM) this.counts.addAt(-1, doc);
      else this.addOld(forms[this.at]!, doc);
    }
  }

  /** Occurrences in the sample so far. */
  get seen(): number {
    return this.counts.seen;
  }

  /** See Resamples.add. */
  add(doc: number, oldDoc: number, reader: SurfaceReader, start: number, end: number): void {
    const { docs, forms } = this.old.trail;
    let form = -1;
    if (oldDoc >= 0) {
      while (this.at < docs.length && docs[this.at]! < oldDoc) this.at += 1;
      if (this.at < docs.length && docs[this.at] === oldDoc) form = forms[this.at++]!;
    }
    if (form === DROPPED_FORM && !this.foreign && this.counts.forms.length === MAX_VARIANTS) {
      // A form the old sample did not keep, while every form kept now is one it kept: not kept either.
      this.counts.addAt(-1, doc);
    } else if (form < 0 || form === DROPPED_FORM) {
      const kept = this.counts.forms.length;
      const k = this.counts.add(reader.surface(start, end), doc);
      if (this.counts.forms.length > kept && !this.old.forms.includes(this.counts.forms[k]!)) this.foreign = true;
    } else this.addOld(form, doc);
  }

  sampled(sampleEnd: number): SampledForms {
    return { ...this.counts.sampled(), sampleEnd };
  }

  private addOld(form: number, doc: number): void {
    if (this.known[form]! >= 0) this.counts.addAt(this.known[form]!, doc);
    else this.known[form] = this.counts.add(this.old.forms[form]!, doc);
  }
}

/**
 * The samples of the phrases whose forms a rerun knows, taken again in its walk (see Resample),
 * each by its index in the list given. While the occurrences of a phrase met are its old trail's
 * next ones, in documents walked as before, they are only counted, by a cursor into one array that
 * holds every trail: most samples end before any document that changed, and a rerun's walk meets
 * millions of occurrences. From the first one that is not, a Resample takes the phrase over.
 */
export class Resamples {
  /** Every old trail's documents, one after the other: trail i is docs[starts[i]] to docs[starts[i + 1]]. */
  private readonly docs: Uint32Array;
  private readonly starts: Int32Array;
  /** While following, the next occurrence of trail i not yet passed (its index in `docs`); -1 once a Resample took over. */
  private readonly cursors: Int32Array;
  private readonly taken: (Resample | undefined)[];
  /** The serial of the document of each sample's last occurrence, once full. */
  private readonly ends: Uint32Array;

  /**
   * `renumbered`: the index in this walk of each document of the old corpus, filled as the walk
   * reaches it; `sample`: the occurrences a sample holds.
   */
  constructor(private readonly olds: readonly SampledForms[], private readonly renumbered: Int32Array, private readonly sample: number) {
    this.starts = new Int32Array(olds.length + 1);
    olds.forEach((o, i) => { this.starts[i + 1] = this.starts[i]! + o.trail.docs.length; });
    this.docs = new Uint32Array(this.starts[olds.length]!);
    olds.forEach((o, i) => this.docs.set(o.trail.docs, this.starts[i]));
    this.cursors = this.starts.slice(0, olds.length);
    this.taken = new Array<Resample | undefined>(olds.length).fill(undefined);
    this.ends = new Uint32Array(olds.length).fill(NO_SERIAL);
  }

  /**
   * The next occurrence of phrase i met, in the document of index `doc` of this walk (whose serial
   * is `serial`), tokens start..end of the unit `reader` is at; `oldDoc`: that document's index in
   * the old corpus when it has been walked as before up to here, else -1. Nothing once its sample is full.
   */
  add(i: number, doc: number, oldDoc: number, serial: number, reader: SurfaceReader, start: number, end: number): void {
    const at = this.cursors[i]!;
    if (at >= 0) {
      const followed = at - this.starts[i]!;
      if (followed >= this.sample) return;
      if (oldDoc >= 0 && at < this.starts[i + 1]! && this.docs[at] === oldDoc) {
        this.cursors[i] = at + 1;
        if (followed + 1 === this.sample) this.ends[i] = serial;
        return;
      }
      this.cursors[i] = -1;
      this.taken[i] = new Resample(this.olds[i]!, this.renumbered, followed);
    }
    const taken = this.taken[i]!;
    if (taken.seen >= this.sample) return;
    taken.add(doc, oldDoc, reader, start, end);
    if (taken.seen === this.sample) this.ends[i] = serial;
  }

  /** Phrase i's sample taken. */
  sampled(i: number): SampledForms {
    const old = this.olds[i]!;
    const at = this.cursors[i]!;
    if (at === this.starts[i + 1]) {
      // The old sample, occurrence for occurrence.
      return { ...old, sampleEnd: this.ends[i]!, trail: { docs: Uint32Array.from(old.trail.docs, (d) => this.renumbered[d]!), forms: old.trail.forms } };
    }
    const taken = this.taken[i] ?? new Resample(old, this.renumbered, at - this.starts[i]!);
    return taken.sampled(this.ends[i]!);
  }
}

/** Reads the surface of segments of the document being walked, its text read (and its units tokenised) once, when first asked. */
export class SurfaceReader {
  private texts: (() => ReadonlyMap<number, string>) | undefined;
  private read: ReadonlyMap<number, string> | undefined;
  private position = 0;
  private current: { text: string; spans: readonly number[] } | undefined;

  document(doc: SignedDocument): void {
    this.texts = doc.unitTexts;
    this.read = undefined;
  }

  unit(position: number): void {
    this.position = position;
    this.current = undefined;
  }

  /** The surface form of tokens start..end of the unit being walked. */
  surface(start: number, end: number): string {
    this.read ??= this.texts!();
    if (this.current === undefined) {
      const text = this.read.get(this.position) ?? '';
      this.current = { text, spans: tokenSpans(text) };
    }
    return surfaceOf(this.current.text.slice(this.current.spans[2 * start], this.current.spans[2 * end + 1]));
  }
}

/**
 * The surface forms of a phrase, most frequent first (ties in code-unit order), their counts, where
 * their sample ended (the serial of the document of the phrase's VARIANT_SAMPLE-th occurrence,
 * NO_SERIAL when it has fewer), and the sample's trail.
 */
export interface SampledForms {
  readonly forms: readonly string[];
  readonly counts: readonly number[];
  readonly sampleEnd: number;
  readonly trail: FormTrail;
}

/**
 * The surface forms of some phrases, from their first `sample` occurrences in corpus order: the
 * texts of the documents holding those are read, no other. Those `known` already are not collected
 * again; when every phrase `needed` is known the corpus is not walked at all, and the phrases `wanted`
 * besides (kept for a later run) get the forms known of them only. When it is walked, they get theirs too.
 */
export function collectVariants(
  needed: readonly KeyOf[], wanted: readonly KeyOf[], corpus: SignedCorpus, known?: KeyedTable<SampledForms>, sample: number = VARIANT_SAMPLE,
): KeyedTable<SampledForms> {
  const missing = (p: KeyOf): boolean => known?.get(p.h1, p.h2) === undefined;
  const collecting = new KeyedTable<FormCounts>(needed.length + wanted.length);
  if (needed.some(missing)) {
    for (const p of [...needed, ...wanted]) {
      if (missing(p) && collecting.get(p.h1, p.h2) === undefined) collecting.add(p.h1, p.h2, new FormCounts());
    }
    const reader = new SurfaceReader();
    let serial = NO_SERIAL;
    let at = 0;
    walkSignatures(corpus, {
      document(index, doc) {
        reader.document(doc);
        serial = doc.serial ?? NO_SERIAL;
        at = index;
      },
      unit(p) {
        reader.unit(p);
      },
      segment(start, end, _content, _length, h1, h2) {
        const f = collecting.get(h1, h2);
        if (f === undefined || f.seen >= sample) return;
        f.add(reader.surface(start, end), at);
        if (f.seen === sample) f.end = serial;
      },
    });
  }
  const variants = new KeyedTable<SampledForms>(needed.length + wanted.length);
  for (const p of [...needed, ...wanted]) {
    if (variants.get(p.h1, p.h2) !== undefined) continue;
    const forms = collecting.get(p.h1, p.h2)?.sampled() ?? known?.get(p.h1, p.h2);
    if (forms !== undefined) variants.add(p.h1, p.h2, forms);
  }
  return variants;
}
