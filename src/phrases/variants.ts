import { tokenSpans } from '../text/tokenise.js';
import { KeyedTable } from './hash-tables.js';
import type { KeptPhrase } from './phrase.js';
import { hashOfSurface, surfaceOf } from './segments.js';
import { NO_SERIAL, walkSignatures, type SignedCorpus, type SignedDocument } from './walk-signatures.js';

/** Surface variants kept per phrase; more are counted under the ones already kept. */
const MAX_VARIANTS = 12;

/** Occurrences of a phrase whose surface form is read: enough to rank its variants, cheap on frequent ones. */
export const VARIANT_SAMPLE = 500;

/** The surface forms of one phrase met so far, with their counts. */
export class FormCounts {
  seen = 0;
  /** The serial of the document of the VARIANT_SAMPLE-th occurrence. */
  end = NO_SERIAL;
  readonly forms: string[] = [];
  readonly counts: number[] = [];
  /** Two 30-bit hashes of each form, which stand for it (see hashOfSurface). */
  private readonly hashes: number[] = [];

  /** Count one occurrence written `surface`; a new form past MAX_VARIANTS is not kept. */
  add(surface: string, times = 1): void {
    const [a, b] = hashOfSurface(surface);
    for (let k = 0; k < this.forms.length; k += 1) {
      if (this.hashes[2 * k] === a && this.hashes[2 * k + 1] === b) {
        this.counts[k]! += times;
        return;
      }
    }
    if (this.forms.length < MAX_VARIANTS) {
      this.forms.push(surface);
      this.counts.push(times);
      this.hashes.push(a, b);
    }
  }

  /** The forms, most frequent first (ties in code-unit order). */
  sampled(): SampledForms {
    const order = this.forms.map((form, k) => [form, this.counts[k]!] as const).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { forms: order.map(([form]) => form), counts: order.map(([, count]) => count), sampleEnd: this.end };
  }
}

/**
 * The forms of a phrase whose every occurrence was sampled (fewer than VARIANT_SAMPLE), with those
 * of occurrences added since; undefined when the forms kept could then depend on the order met
 * (more than MAX_VARIANTS in all).
 */
export function withFormsAdded(old: SampledForms, added: FormCounts): SampledForms | undefined {
  const all = new FormCounts();
  old.forms.forEach((form, k) => all.add(form, old.counts[k]!));
  added.forms.forEach((form, k) => all.add(form, added.counts[k]!));
  const distinct = new Set([...old.forms, ...added.forms]).size;
  return distinct > MAX_VARIANTS ? undefined : all.sampled();
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
 * The surface forms of a phrase, most frequent first (ties in code-unit order), their counts, and
 * where their sample ended: the serial of the document of the phrase's VARIANT_SAMPLE-th occurrence,
 * NO_SERIAL when it has fewer. A rerun reuses them while no document it changed comes before that end.
 */
export interface SampledForms {
  readonly forms: readonly string[];
  readonly counts: readonly number[];
  readonly sampleEnd: number;
}

/**
 * The surface forms of some phrases, from their first VARIANT_SAMPLE occurrences in corpus order:
 * the texts of the documents holding those are read, no other. Those `known` already are not
 * collected again (and the corpus is not walked when all are).
 */
export function collectVariants(phrases: readonly KeptPhrase[], corpus: SignedCorpus, known?: KeyedTable<SampledForms>): KeyedTable<SampledForms> {
  const wanted = new KeyedTable<FormCounts>(phrases.length);
  for (const p of phrases) {
    if (known?.get(p.h1, p.h2) === undefined && wanted.get(p.h1, p.h2) === undefined) wanted.add(p.h1, p.h2, new FormCounts());
  }
  if (wanted.size > 0) {
    const reader = new SurfaceReader();
    let serial = NO_SERIAL;
    walkSignatures(corpus, {
      document(_index, doc) {
        reader.document(doc);
        serial = doc.serial ?? NO_SERIAL;
      },
      unit(p) {
        reader.unit(p);
      },
      segment(start, end, _content, _length, h1, h2) {
        const f = wanted.get(h1, h2);
        if (f === undefined || f.seen >= VARIANT_SAMPLE) return;
        f.seen += 1;
        if (f.seen === VARIANT_SAMPLE) f.end = serial;
        f.add(reader.surface(start, end));
      },
    });
  }
  const variants = new KeyedTable<SampledForms>(phrases.length);
  for (const p of phrases) {
    if (variants.get(p.h1, p.h2) !== undefined) continue;
    const f = wanted.get(p.h1, p.h2);
    variants.add(p.h1, p.h2, f === undefined ? known!.get(p.h1, p.h2)! : f.sampled());
  }
  return variants;
}
