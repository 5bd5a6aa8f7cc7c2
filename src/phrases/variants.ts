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
 * form the trail does not know) from their text. While the occurrences met are the trail's, one after
 * the other, they are only counted: most samples end before any document that changed.
 */
export class Resample {
  private readonly counts = new FormCounts();
  /** The next occurrence of the old trail not yet passed. */
  private at = 0;
  /** Whether every occurrence met so far is the trail's next (none counted in `counts` yet). */
  private following = true;
  /** The serial of the document of the sample's last occurrence, once the sample is full. */
  end = NO_SERIAL;
  /** The index in `counts.forms` of each old form met so far, -1 before. */
  private readonly known = new Int8Array(MAX_VARIANTS).fill(-1);
  /** Whether a form the old sample did not keep is kept now. */
  private foreign = false;

  /** `renumbered`: the index in this walk of each document of the old corpus, filled as the walk reaches it. */
  constructor(private readonly old: SampledForms, private readonly renumbered: Int32Array) {}

  /** Occurrences in the sample so far. */
  get seen(): number {
    return this.following ? this.at : this.counts.seen;
  }

  /**
   * The next occurrence of the phrase met, in the document of index `doc` of this walk, tokens
   * start..end of the unit `reader` is at; `oldDoc`: that document's index in the old corpus when it
   * has been walked as before up to here, else -1.
   */
  add(doc: number, oldDoc: number, reader: SurfaceReader, start: number, end: number): void {
    const { docs, forms } = this.old.trail;
    if (this.following) {
      if (oldDoc >= 0 && this.at < docs.length && docs[this.at] === oldDoc) {
        this.at += 1;
        return;
      }
      this.countFollowed();
    }
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

  /** The sample taken. */
  sampled(): SampledForms {
    const { docs, forms } = this.old.trail;
    if (this.following && this.at === docs.length) {
      // The old sample, occurrence for occurrence.
      return { ...this.old, sampleEnd: this.end, trail: { docs: Uint32Array.from(docs, (d) => this.renumbered[d]!), forms } };
    }
    if (this.following) this.countFollowed();
    const sampled = this.counts.sampled();
    return { ...sampled, sampleEnd: this.end };
  }

  /** Count the occurrences followed so far, the old trail's first `at`: the same forms met in the same order, so those it did not keep are not kept. */
  private countFollowed(): void {
    this.following = false;
    const { docs, forms } = this.old.trail;
    for (let k = 0; k < this.at; k += 1) {
      const doc = this.renumbered[docs[k]!]!;
      if (forms[k] === DROPPED_FORM) this.counts.addAt(-1, doc);
      else this.addOld(forms[k]!, doc);
    }
  }

  private addOld(form: number, doc: number): void {
    if (this.known[form]! >= 0) this.counts.addAt(this.known[form]!, doc);
    else this.known[form] = this.counts.add(this.old.forms[form]!, doc);
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
