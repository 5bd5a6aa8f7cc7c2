import { DROPPED_FORM, type FormTrail } from './variants.js';

/** Forms a trail can name (DROPPED_FORM aside): a phrase keeps at most a dozen. */
const FORMS = 15;

/** Bytes a trail can take at most: a varint of its length, then one per occurrence (five at most). */
function boundOf(trail: FormTrail): number {
  return 5 + 5 * trail.docs.length;
}

/**
 * Trails as a phrase state keeps them, one after the other: the count of occurrences, then one
 * varint per occurrence: the gap from its document to the previous one's times FORMS + 1, plus its
 * form (FORMS for DROPPED_FORM). A sample's documents come in corpus order, close together for a
 * frequent phrase, so most occurrences take a byte.
 */
export function packTrails(trails: readonly FormTrail[]): Uint8Array {
  const bytes = new Uint8Array(trails.reduce((n, t) => n + boundOf(t), 0));
  let at = 0;
  const varint = (value: number): void => {
    let v = value;
    while (v >= 0x80) {
      bytes[at++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    bytes[at++] = v;
  };
  for (const { docs, forms } of trails) {
    varint(docs.length);
    let previous = 0;
    docs.forEach((doc, k) => {
      if (doc < previous) throw new Error(`a form trail's documents go back (${doc} after ${previous})`);
      const form = forms[k]!;
      if (form >= FORMS && form !== DROPPED_FORM) throw new Error(`a form trail names form ${form}: at most ${FORMS} are kept`);
      varint((doc - previous) * (FORMS + 1) + (form === DROPPED_FORM ? FORMS : form));
      previous = doc;
    });
  }
  return bytes.subarray(0, at);
}

/** The `count` trails packTrails packed. */
export function unpackTrails(bytes: Uint8Array, count: number): FormTrail[] {
  let at = 0;
  const varint = (): number => {
    let value = 0;
    for (let scale = 1; ; scale *= 0x80) {
      const b = bytes[at++]!;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
    }
  };
  const trails: FormTrail[] = [];
  for (let t = 0; t < count; t += 1) {
    const n = varint();
    const docs = new Uint32Array(n);
    const forms = new Uint8Array(n);
    let doc = 0;
    for (let k = 0; k < n; k += 1) {
      const v = varint();
      const form = v % (FORMS + 1);
      doc += (v - form) / (FORMS + 1);
      docs[k] = doc;
      forms[k] = form === FORMS ? DROPPED_FORM : form;
    }
    trails.push({ docs, forms });
  }
  return trails;
}
