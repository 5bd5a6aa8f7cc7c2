import { tokenSpans } from '../text/tokenise.js';
import { KeyedTable } from './hash-tables.js';
import type { KeptPhrase } from './phrase.js';
import { hashOfSurface, surfaceOf } from './segments.js';
import { NO_SERIAL, walkSignatures, type SignedCorpus } from './walk-signatures.js';

/** Surface variants kept per phrase; more are counted under the ones already kept. */
const MAX_VARIANTS = 12;

/** Occurrences of a phrase whose surface form is read: enough to rank its variants, cheap on frequent ones. */
export const VARIANT_SAMPLE = 500;

interface Forms {
  seen: number;
  /** The serial of the document of the VARIANT_SAMPLE-th occurrence. */
  end: number;
  readonly forms: string[];
  readonly counts: number[];
  /** Two 30-bit hashes of each form, which stand for it (see hashOfSurface). */
  readonly hashes: number[];
}

/**
 * The surface forms of a phrase, most frequent first (ties in code-unit order), and where their
 * sample ended: the serial of the document of the phrase's VARIANT_SAMPLE-th occurrence, NO_SERIAL
 * when it has fewer. A rerun reuses them while no document it changed comes before that end.
 */
export interface SampledForms {
  readonly forms: readonly string[];
  readonly sampleEnd: number;
}

/**
 * The surface forms of some phrases, from their first VARIANT_SAMPLE occurrences in corpus order:
 * the texts of the documents holding those are read, no other. Those `known` already are not
 * collected again (and the corpus is not walked when all are).
 */
export function collectVariants(phrases: readonly KeptPhrase[], corpus: SignedCorpus, known?: KeyedTable<SampledForms>): KeyedTable<SampledForms> {
  const wanted = new KeyedTable<Forms>(phrases.length);
  for (const p of phrases) {
    if (known?.get(p.h1, p.h2) === undefined && wanted.get(p.h1, p.h2) === undefined) wanted.add(p.h1, p.h2, { seen: 0, end: NO_SERIAL, forms: [], counts: [], hashes: [] });
  }
  if (wanted.size > 0) {
    let texts: (() => ReadonlyMap<number, string>) | undefined;
    let read: ReadonlyMap<number, string> | undefined;
    let serial = NO_SERIAL;
    let position = 0;
    let unit: { text: string; spans: readonly number[] } | undefined;
    walkSignatures(corpus, {
      document(_index, doc) {
        texts = doc.unitTexts;
        read = undefined;
        serial = doc.serial ?? NO_SERIAL;
      },
      unit(p) {
        position = p;
        unit = undefined;
      },
      segment(start, end, _content, _length, h1, h2) {
        const f = wanted.get(h1, h2);
        if (f === undefined || f.seen >= VARIANT_SAMPLE) return;
        f.seen += 1;
        if (f.seen === VARIANT_SAMPLE) f.end = serial;
        read ??= texts!();
        if (unit === undefined) {
          const text = read.get(position) ?? '';
          unit = { text, spans: tokenSpans(text) };
        }
        const surface = surfaceOf(unit.text.slice(unit.spans[2 * start], unit.spans[2 * end + 1]));
        const [a, b] = hashOfSurface(surface);
        for (let k = 0; k < f.forms.length; k += 1) {
          if (f.hashes[2 * k] === a && f.hashes[2 * k + 1] === b) {
            f.counts[k]! += 1;
            return;
          }
        }
        if (f.forms.length < MAX_VARIANTS) {
          f.forms.push(surface);
          f.counts.push(1);
          f.hashes.push(a, b);
        }
      },
    });
  }
  const variants = new KeyedTable<SampledForms>(phrases.length);
  for (const p of phrases) {
    if (variants.get(p.h1, p.h2) !== undefined) continue;
    const f = wanted.get(p.h1, p.h2);
    if (f === undefined) {
      variants.add(p.h1, p.h2, known!.get(p.h1, p.h2)!);
      continue;
    }
    const order = f.forms.map((form, k) => [form, f.counts[k]!] as const);
    variants.add(p.h1, p.h2, { forms: order.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([form]) => form), sampleEnd: f.end });
  }
  return variants;
}
