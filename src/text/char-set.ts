/**
 * A few punctuation characters, and whether a stretch of text holds one: what the stages ask of
 * the text between two tokens ("does a clause end here?"). Same answer as a regular expression of
 * the one character class over `text.slice(from, to)`, without the slice: the characters must be
 * single UTF-16 code units (no surrogate pairs), so testing code units is testing characters.
 */
export class CharSet {
  private readonly member: Uint8Array;

  constructor(chars: string) {
    const codes = [...chars].map((c) => {
      if (c.length !== 1) throw new Error(`CharSet: "${c}" is not one UTF-16 code unit`);
      return c.charCodeAt(0);
    });
    this.member = new Uint8Array(Math.max(0, ...codes) + 1);
    for (const c of codes) this.member[c] = 1;
  }

  /** True when one of the characters occurs in text[from, to). */
  anyIn(text: string, from: number, to: number): boolean {
    const { member } = this;
    for (let k = from; k < to; k += 1) if (member[text.charCodeAt(k)] === 1) return true;
    return false;
  }
}
