/** Hashes for phrase discovery: keys of two independent 32-bit halves. */

/** Two 32-bit hashes of a string (cyrb53's mixing, kept as two halves). */
export function hashString(s: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** Hashes of the pair (key, other) under a salt, so one Bloom filter can hold several kinds of pairs. */
export function hashPair(h1: number, h2: number, other: readonly [number, number], salt: number): [number, number] {
  let a = Math.imul(h1 ^ other[0], 0x85ebca6b) ^ salt;
  let b = Math.imul(h2 ^ other[1], 0xc2b2ae35) + salt;
  a ^= a >>> 15;
  b ^= b >>> 13;
  a = Math.imul(a ^ (b >>> 7), 0x27d4eb2f);
  b = Math.imul(b ^ (a >>> 11), 0x165667b1);
  return [(a ^ (a >>> 16)) >>> 0, (b ^ (b >>> 16)) >>> 0];
}
