import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPhraseWords, packSignature, PhraseSigner, signatureUnpacker, unpackSignature, type SignedUnitInput } from '../../src/phrases/find-phrases.js';

const words = loadPhraseWords(path.resolve('lexicons'));

// Sentences long enough to carry a sentence hash (8 words or more), short ones, breaks and signed
// and unsigned voices: every part of the layout.
const units: SignedUnitInput[] = [
  { position: 0, text: 'Le gouvernement a encore dépensé des milliards pour un cloud qui ne fonctionne pas. Bref.' },
  { position: 1, author: 'Zoé', text: 'Encore des milliards dilapidés, pour rien : la souveraineté numérique attendra ; comme toujours !' },
  { position: 2, text: 'Oui.' },
  { position: 7, author: 'marc', text: 'Le gouvernement a encore dépensé des milliards pour un cloud qui ne fonctionne pas. « Quelle honte » (disait-il).' },
];

describe('packSignature', () => {
  it('gives back every word of a signature, in fewer bytes', () => {
    const signature = new PhraseSigner(words).sign(units);
    const packed = packSignature(signature);
    expect(unpackSignature(packed)).toEqual(signature);
    expect(packed.length).toBeLessThan(0.6 * signature.byteLength); // hashes keep their 4 bytes, most other words take 1
  });

  it('gives back signatures of any size into one array reused, as it grows', () => {
    const signer = new PhraseSigner(words);
    const signatures = [[units[2]!], units, [], units.slice(0, 2), Array.from({ length: 400 }, (_, i) => ({ ...units[i % 4]!, position: i })), [units[3]!]].map((us) => signer.sign(us));
    const unpack = signatureUnpacker();
    const buffers = new Set<ArrayBufferLike>();
    for (const signature of signatures) {
      const got = unpack(packSignature(signature));
      expect([...got]).toEqual([...signature]);
      buffers.add(got.buffer);
    }
    expect(buffers.size).toBe(2); // the first array, then one grown for the 400 units
  });

  it('gives back the signature of no unit', () => {
    const signature = new PhraseSigner(words).sign([]);
    expect(unpackSignature(packSignature(signature))).toEqual(signature);
  });

  it('gives back the signatures of any French-like text', () => {
    const word = fc.constantFrom('le', 'cloud', 'souverain', 'milliards', 'de', 'gouvernement', 'dépensé', 'Europe', 'pas', 'ne', 'très', '2024', 'l’État');
    const mark = fc.constantFrom(' ', ' ', ' ', ', ', '. ', ' ? ', ' ; ', ' : ', '… ', ' (', ') ', ' « ', ' » ');
    const text = fc.array(fc.tuple(word, mark), { maxLength: 60 }).map((parts) => parts.map(([w, m]) => w + m).join(''));
    const unit = fc.record({ text, author: fc.option(fc.constantFrom('Zoé', 'marc', ' '), { nil: undefined }), position: fc.nat(500) });
    fc.assert(fc.property(fc.array(unit, { maxLength: 6 }), (us) => {
      const signature = new PhraseSigner(words).sign(us);
      expect(unpackSignature(packSignature(signature))).toEqual(signature);
    }));
  });

  it('refuses words that do not follow the layout, and damaged or unknown bytes', () => {
    const signature = new PhraseSigner(words).sign(units);
    expect(() => packSignature(signature.subarray(0, signature.length - 1))).toThrow(/shorter than its layout/u);
    const longer = new Uint32Array(signature.length + 1);
    longer.set(signature);
    expect(() => packSignature(longer)).toThrow(/longer than its layout/u);
    const packed = packSignature(signature);
    expect(() => unpackSignature(Buffer.concat([Buffer.from([9]), packed.subarray(1)]))).toThrow(/unknown format/u);
  });
});
