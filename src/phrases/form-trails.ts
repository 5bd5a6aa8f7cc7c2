import type { FormTrail } from './variants.js';

/** Bytes for a trail whose documents are in corpus order: each one's gap to the previous as a varint, then its form, a byte each. */
function boundOf(trail: FormTrail): number {
  return 5 + 5 * trail.docs.length + trail.forms.length;
}

/**
 * Trails as a phrase state keeps them, one after the other: the count of occurrences (varint), the
 * gap from each occurrence's document to the previous one's (varint: mostly one byte, zero within a
 * document), then their forms. A sample's documents come in corpus order, so the gaps are never negative.
 */
export function packTrails(trails: readonly FormTrail[]): Uint8Array {
  const bytes = new Uint8Array(trails.reduce((n, t) => n + boundOf(t), 0));
  let at = 0;
  const varint = (value: number): void => {
    let v = value;
    while (v >= 0x80) {
      bytes[at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    bytes[at++] = v;
  };
  for (const { docs, forms } of trails) {
    varint(docs.length);
    let previous = 0;
    for (const doc of docs) {
      if (doc < previous) throw new Error(`a form trail's documents go back (${doc} after ${previous})`);
      varint(doc - previous);
      previous = doc;
    }
    bytes.set(forms, at);
    at += forms.length;
  }
  return bytes.subarray(0, at);
}

/** The `count` trails packTrails packed. */
export function unpackTrails(bytes: Uint8Array, count: number): FormTrail[] {
  let at = 0;
  const varint = (): number => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[at++]!;
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
  };
  const trails: FormTrail[] = [];
  for (let t = 0; t < count; t += 1) {
    const n = varint();
    const docs = new Uint32Array(n);
    let doc = 0;
    for (let k = 0; k < n; k += 1) {
      doc += varint();
      docs[k] = doc;
    }
    trails.push({ docs, forms: new Uint8Array(bytes.subarray(at, at + n)) });
    at += n;
  }
  return trails;
}
