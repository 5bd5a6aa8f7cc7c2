import type { ParsedComment, ParsedPage } from './page.js';

/**
 * Two readings of one text copy, the line-role model's and the generic cues': which one explains
 * the page better, and the cues' header metadata on the model's units.
 */

/** Header slots (author, date) of a page's comments filled, and left empty. */
function attribution(page: ParsedPage): { filled: number; empty: number } {
  let filled = 0;
  for (const c of page.comments) {
    if (c.author !== undefined) filled += 1;
    if (c.published !== undefined) filled += 1;
  }
  return { filled, empty: 2 * page.comments.length - filled };
}

/**
 * True when `other` explains the page strictly better than `first`: its comments more often carry
 * what a comment header gives (an author, a date), or as often with fewer comments lacking one. A
 * comment a reading attaches to nobody, or leaves undated, is a header it missed or a split in the
 * wrong place.
 */
export function explainsBetter(other: ParsedPage, first: ParsedPage): boolean {
  const a = attribution(other);
  const b = attribution(first);
  return a.filled > b.filled || (a.filled === b.filled && a.empty < b.empty);
}

/**
 * True when a reading's comment headers are read alike: at least two comments, every one with an
 * author, and every one dated or none (a page of relative dates, "il y a 3 h", gives none). Such a
 * reading leaves the model nothing to mend (see `explainsBetter`): its reading is not needed.
 */
export function headersConsistent(page: ParsedPage): boolean {
  const dated = page.comments.filter((c) => c.published !== undefined).length;
  return page.comments.length >= 2 && page.comments.every((c) => c.author !== undefined) && (dated === 0 || dated === page.comments.length);
}

/** Words of a unit's opening that identify it in both readings. */
const KEY_WORDS = 8;

/** A text's words, lower-cased, white space of any kind and length between them dropped. */
const foldedWords = (text: string): string[] => text.toLowerCase().split(/\s+/u).filter((w) => w !== '');

const keyOf = (text: string): string => foldedWords(text).slice(0, KEY_WORDS).join(' ');

/**
 * The model's units with the cues' metadata where both readings start a unit with the same words:
 * the model decides where units begin and end; the cues, which read a header line by line
 * (name over handle, name above the date, "X a écrit :", "Réponse à X"), give its author, date and
 * the unit it answers when that unit is one of both readings too.
 */
export function withCueMetadata(byModel: ParsedPage, byCues: ParsedPage): ParsedPage {
  const cueIndexOf = new Map<string, number>();
  const repeated = new Set<string>();
  byCues.comments.forEach((c, k) => {
    const key = keyOf(c.text);
    if (cueIndexOf.has(key)) repeated.add(key);
    cueIndexOf.set(key, k);
  });
  for (const key of repeated) cueIndexOf.delete(key);
  const cueOf = byModel.comments.map((c) => cueIndexOf.get(keyOf(c.text)));
  const modelIndexOf = new Map<number, number>();
  cueOf.forEach((k, j) => { if (k !== undefined) modelIndexOf.set(k, j); });
  const comments = byModel.comments.map((c, j): ParsedComment => {
    const k = cueOf[j];
    const cue = k === undefined ? undefined : byCues.comments[k];
    if (cue === undefined) return c;
    const parentIndex = cue.parentIndex === undefined ? undefined : modelIndexOf.get(cue.parentIndex);
    const quotesIndex = cue.quotesIndex === undefined || cue.quotesIndex === -1 ? cue.quotesIndex : modelIndexOf.get(cue.quotesIndex);
    return {
      text: c.text,
      author: cue.author ?? c.author,
      published: cue.published ?? c.published,
      parentIndex: cue.parentIndex === undefined || parentIndex === undefined ? c.parentIndex : parentIndex,
      quotesIndex: quotesIndex ?? c.quotesIndex,
    };
  });
  const sameArticle = keyOf(byModel.body) === keyOf(byCues.body);
  return {
    ...byModel,
    author: sameArticle ? (byCues.author ?? byModel.author) : byModel.author,
    published: sameArticle ? (byCues.published ?? byModel.published) : byModel.published,
    comments,
  };
}

/**
 * A reading's units with the author, date and parent a template record gives them where they lack
 * one: the record whose text starts with the unit's words, or whose first words open the unit (the
 * parent when the record it answers is placed too). The reading's boundaries are kept; a unit the
 * template cannot place keeps what it had.
 */
export function withRecordMetadata(page: ParsedPage, byTemplate: ParsedPage): ParsedPage {
  const records = byTemplate.comments.map((c) => ({ key: keyOf(c.text), words: foldedWords(c.text).join(' ') }));
  const used = new Set<number>();
  const recordOf = page.comments.map((c) => {
    const key = keyOf(c.text);
    const words = foldedWords(c.text).join(' ');
    const k = records.findIndex((r, j) => !used.has(j) && key !== '' && (r.words.startsWith(key) || words.startsWith(r.key)));
    if (k === -1) return undefined;
    used.add(k);
    return k;
  });
  const unitOf = new Map<number, number>();
  recordOf.forEach((k, j) => { if (k !== undefined) unitOf.set(k, j); });
  const comments = page.comments.map((c, j): ParsedComment => {
    const k = recordOf[j];
    const record = k === undefined ? undefined : byTemplate.comments[k];
    if (record === undefined) return c;
    const parent = record.parentIndex === undefined ? undefined : unitOf.get(record.parentIndex);
    return {
      ...c,
      author: c.author ?? record.author,
      published: c.published ?? record.published,
      parentIndex: c.parentIndex ?? (parent !== undefined && parent < j ? parent : undefined),
    };
  });
  return { ...page, comments };
}
