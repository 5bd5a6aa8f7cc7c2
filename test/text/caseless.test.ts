import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUBSCRIPTION_WORD } from '../../src/ingest/layouts/inferred-thread.js';
import { mayBeReplyCue, mayBeReplyHeader } from '../../src/ingest/layouts/line-cues.js';
import { caseless, IU_WORD_CHAR } from '../../src/text/caseless.js';

// The patterns the reader writes with caseless, as they were written with the iu flags.
const PATTERNS: readonly [string, RegExp][] = [
  [`${caseless('hier|aujourd|yesterday|today|instant|maintenant')}|(?<!${IU_WORD_CHAR})${caseless('now')}(?!${IU_WORD_CHAR})`, /hier|aujourd|yesterday|today|instant|maintenant|\bnow\b/iu],
  [caseless(String.raw`©|\(c\)|crédit|photo|illustration|cookie`), /©|\(c\)|crédit|photo|illustration|cookie/iu],
  [caseless(String.raw`(?:en poursuivant|pour poursuivre|en continuant)\s+(?:votre|la)\s+navigation|(?:ce site|nous) utilis(?:e|ons) des cookies|nos partenaires et nous`),
    /(?:en poursuivant|pour poursuivre|en continuant)\s+(?:votre|la)\s+navigation|(?:ce site|nous) utilis(?:e|ons) des cookies|nos partenaires et nous/iu],
  [SUBSCRIPTION_WORD.source, /\b(?:subscrib\w*|abonn\w*|newsletter|inscrivez|sign up)\b/iu],
];

// The gates of the reply cues (line-cues.ts), on trimmed lines, as the patterns they replaced.
const GATES: readonly [(t: string) => boolean, RegExp][] = [
  [mayBeReplyCue, /^(?:level|niveau|#|↪|↳|↩|en\s|réponse|répondre|in\s|replying|reply)|(?:écrit|wrote)\s*:?\s*↑?$/iu],
  [mayBeReplyHeader, /^(?:↳|↪|réponse|reply|answer)|(?:répondu|replied)$/iu],
];

// Pieces of lines: the patterns' words in any case, the characters iu folds onto ASCII letters (ſ, the
// Kelvin sign), accented capitals, digits, separators and word characters around "now".
const piece = fc.constantFrom(
  'hier', 'HIER', 'Aujourd', 'yeſterday', 'ToDay', 'inſtant', 'INSTANT', 'maintenant', 'now', 'NOW', 'nOw', 'know', 'nowhere', 'ſnow', 'now\u212a', '_now',
  '©', '(c)', '(C)', 'crédit', 'CRÉDIT', 'credit', 'Photo', 'illuſtration', 'cookie', 'COOKIE', 'coo\u212aie', 'en poursuivant', 'votre', 'navigation',
  'nous', 'utilisons', 'des cookies', 'Nos partenaires et nous', ' ', '  ', '\t', '\u00a0', 'é', 'É', 'ı', 'İ', '3', 'a', 'K', '·', '’',
  'subscriber', 'SUBSCRIBE', 'ſubſcribe', 'abonné', 'Abonnez', 'newsletter', 'inscrivez', 'sign up', 'SIGN UP', 'x', '_', 'é', '\u212a', 'ſ',
  'Level', 'NIVEAU', '#', '↪', '↳', '↩', 'En', 'in', 'RÉPONSE', 'répondre', 'Replying', 'reply', 'a écrit', 'ÉCRIT', 'wrote', ':', '↑', 'answer', 'répondu', 'REPLIED',
);

describe('caseless', () => {
  it('matches every line as the pattern written with the i flag does', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), (line) => {
        for (const [source, iu] of PATTERNS) expect(new RegExp(source, 'u').test(line)).toBe(iu.test(line));
        for (const [gate, iu] of GATES) expect(gate(line.trim())).toBe(iu.test(line.trim()));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('gives each letter the class of every character of the basic plane that iu folds onto it', () => {
    for (const letter of 'abcdefghijklmnopqrstuvwxyzéèàçùâêîôûëïüœ') {
      const rewritten = new RegExp(`^${caseless(letter)}$`, 'u');
      const folded = new RegExp(`^${letter}$`, 'iu');
      for (let cp = 0; cp < 0x10000; cp += 1) {
        const c = String.fromCharCode(cp);
        if (rewritten.test(c) !== folded.test(c)) throw new Error(`"${letter}" and U+${cp.toString(16)}`);
      }
    }
  });

  it('refuses what it cannot rewrite exactly', () => {
    for (const source of ['[a-z]', String.raw`\bnow`, String.raw`\w+`, String.raw`\u017f`, String.raw`\p{L}`, '(?<name>x)', 'ß']) expect(() => caseless(source)).toThrow(/caseless/u);
  });
});
