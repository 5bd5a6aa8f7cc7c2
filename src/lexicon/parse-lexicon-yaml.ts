import { isScalar, Lexer, parseDocument, visit, type Document, type LineCounter } from 'yaml';
import { jsonNestsDeeperThan } from '../ingest/formats/nesting.js';

/** Deepest nesting of YAML flow collections (`[…]`, `{…}`) a lexicon file may have; counted as in JSON. */
export const MAX_LEXICON_NESTING = 64;

/** Longest line of a lexicon file, in characters. The shipped files stay under 700. */
export const MAX_LEXICON_LINE = 10_000;

/** Anchors (`&a`), aliases (`*a`) and tags (`!t`) a lexicon file may hold together; the shipped files use none. */
export const MAX_LEXICON_YAML_MARKS = 100;

/** Lines holding neither a letter nor a digit (`,`, `""`, `{}`, `-`…); the shipped files have two at most. */
export const MAX_LEXICON_WORDLESS_LINES = 1_000;

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Why a lexicon file's text would make the YAML parser crawl, or undefined. The parser is
 * superlinear on runs of unclosed flow collections ('"[' x 100 000, 200 KB: 35 s) and on long
 * runs of anchors, aliases and tags ('"!' or '& ' x 100 000: 130–228 s), and spends tens of
 * microseconds on each syntax error ('[' then ',\n' x 100 000: 13 s). One linear pass each, before parsing.
 */
export function hostileYamlShape(text: string): string | undefined {
  if (jsonNestsDeeperThan(text, MAX_LEXICON_NESTING)) return `"[" and "{" nested more than ${MAX_LEXICON_NESTING} deep`;
  let wordless = 0;
  let line = 1;
  for (let start = 0; start < text.length; line += 1) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (end - start > MAX_LEXICON_LINE) return `line ${line} is ${end - start} characters long, over the limit of ${MAX_LEXICON_LINE}`;
    const content = text.slice(start, end);
    if (content.trim() !== '' && !WORD_CHARACTER.test(content)) {
      wordless += 1;
      if (wordless > MAX_LEXICON_WORDLESS_LINES) return `more than ${MAX_LEXICON_WORDLESS_LINES} lines without a letter or a digit`;
    }
    start = end + 1;
  }
  let marks = 0;
  for (const token of new Lexer().lex(text)) {
    // The lexer gives an anchor, alias or tag as one token starting with its indicator.
    const first = token[0];
    if (first === '&' || first === '*' || first === '!') {
      marks += 1;
      if (marks > MAX_LEXICON_YAML_MARKS) return `more than ${MAX_LEXICON_YAML_MARKS} YAML anchors, aliases and tags (&, *, !)`;
    }
  }
  return undefined;
}

/** A parsed lexicon file and its first error (offset into the text), if any. */
export interface ParsedLexiconYaml {
  readonly doc: Document.Parsed;
  readonly error?: { readonly offset: number; readonly message: string };
}

/**
 * parseDocument without its two quadratic steps: each error message quotes its whole line (one
 * long line with many errors), and unique keys are checked pair by pair (25 000 keys in one map:
 * 15 s). Keys are checked here with a set per map instead; the message is yaml's own.
 */
export function parseLexiconYaml(text: string, lineCounter: LineCounter): ParsedLexiconYaml {
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const first = doc.errors[0];
  if (first !== undefined) return { doc, error: { offset: first.pos[0], message: first.message } };
  let duplicate: number | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) {
          duplicate = isScalar(pair.key) ? pair.key.range?.[0] ?? 0 : 0;
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return duplicate === undefined ? { doc } : { doc, error: { offset: duplicate, message: 'Map keys must be unique' } };
}
