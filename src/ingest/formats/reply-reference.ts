/**
 * A reply link written in a record's text instead of a field: a first line holding a short marker
 * and an earlier record's id (">>481502398", as imageboards and the research tools over them write
 * it), then, optionally, lines starting with ">" quoting the record answered. The link is read only
 * when the id is one the export itself holds, so a text that merely starts with ">" is untouched. A
 * link without a label opening the text, its address naming an earlier record's id, is a quote of it.
 */

export interface ReplyReference {
  /** The id named on the first line. */
  readonly id: string;
  /** The text without the link line and the quote lines after it. */
  readonly text: string;
  /** True when quote lines (">…") followed the link. */
  readonly quoted: boolean;
}

const LINK_LINE = /^[ \t]*[^\p{L}\p{N}\s]{1,3}([\p{L}\p{N}_-]+)[ \t]*(?:\r?\n|$)/u;
const QUOTE_LINE = /^[ \t]*>(?!>)[^\n]*(?:\r?\n|$)/u;

/** A link without a label opening the text ("[ ](https://…/channel/x?msg=ID) words"): a quoted message, as chat servers write a quote reply. */
const EMPTY_LABEL_LINK = /^[ \t]*\[\s*\]\((\S+?)\)[ \t]*/u;

/** The reply link at the start of `text`, when `isKnownId` holds for the id it names; undefined otherwise. */
export function replyReferenceOf(text: string, isKnownId: (id: string) => boolean): ReplyReference | undefined {
  // The id is one of the address's parts (a path segment, a query value).
  const quoting = EMPTY_LABEL_LINK.exec(text);
  const quotedId = quoting?.[1]?.split(/[/?&=#]/u).reverse().find((part) => part !== '' && isKnownId(part));
  if (quoting !== null && quotedId !== undefined) return { id: quotedId, text: text.slice(quoting[0].length).trim(), quoted: true };
  const link = LINK_LINE.exec(text);
  if (link === null || link[1] === undefined || !isKnownId(link[1])) return undefined;
  let rest = text.slice(link[0].length);
  let quoted = false;
  for (let quote = QUOTE_LINE.exec(rest); quote !== null && quote[0].trim() !== ''; quote = QUOTE_LINE.exec(rest)) {
    quoted = true;
    rest = rest.slice(quote[0].length);
  }
  return { id: link[1], text: rest.trim(), quoted };
}
