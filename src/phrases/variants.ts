import { tokenSpans } from '../text/tokenise.js';
import { KeyedTable } from './hash-tables.js';
import type { KeptPhrase } from './phrase.js';
import { hashOfSurface, surfaceOf } from './segments.js';
import { walkSignatures, type SignedCorpus } from './walk-signatures.js';

/** Surface variants kept per phrase; more are counted under the ones already kept. */
const MAX_VARIANTS = 12;

/** Occurrences of a phrase whose surface form is read: enough to rank its variants, cheap on frequent ones. */
const VARIANT_SAMPLE = 500;

interface Forms {
  seen: number;
  readonly forms: string[];
  readonly counts: number[];
  /** Two 30-bit hashes of each form, which stand for it (see hashOfSurface). */
  readonly hashes: number[];
}

/**
 * The surface forms of some phrases, most frequent first (ties in code-unit order), from their
 * first VARIANT_SAMPLE occurrences in corpus order: the texts of the documents holding those are
 * read, no other.
 */
export function collectVariants(phrases: readonly KeptPhrase[], corpus: SignedCorpus): Map<number, string[]> {
  const wanted = new KeyedTable<Forms>(phrases.length);
  for (const p of phrases) wanted.add(p.h1, p.h2, { seen: 0, forms: [], counts: [], hashes: [] });
  if (phrases.length > 0) {
    let texts: (() => ReadonlyMap<number, string>) | undefined;
    let read: ReadonlyMap<number, string> | undefined;
    let position = 0;
    let unit: { text: string; spans: readonly number[] } | undefined;
    walkSignatures(corpus, {
      document(_index, doc) {
        texts = doc.unitTexts;
        read = undefined;
      },
      unit(p) {
        position = p;
        unit = undefined;
      },
      segment(start, end, _content, _length, h1, h2) {
        const f = wanted.get(h1, h2);
        if (f === undefined || f.seen >= VARIANT_SAMPLE) return;
        f.seen += 1;
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
  const variants = new Map<number, string[]>();
  for (const p of phrases) {
    const f = wanted.get(p.h1, p.h2)!;
    const order = f.forms.map((form, k) => [form, f.counts[k]!] as const);
    variants.set(p.key, order.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([form]) => form));
  }
  return variants;
}
