import type { Diagnostic } from '../../model.js';
import type { ParsedPage } from '../page.js';
import type { LineCueSet } from './line-cues.js';

/** What a layout's reading of a page gives: the page and the reading's diagnostics. */
export type LayoutReading = { page: ParsedPage; diagnostics: Omit<Diagnostic, 'file' | 'docId'>[] };

/** A recogniser + parser for one kind of scraped page text. */
export interface PageLayout {
  readonly name: string;
  /** True when the text shows this layout's cues ("Répondre" bullets, "X a écrit :"…). Never looks at the file name. */
  recognise(text: string, lines: readonly string[]): boolean;
  /** `lines` is `splitLines(text)`, split once by the caller and shared by every layout tried. */
  parse(text: string, lines: readonly string[]): LayoutReading;
  /** Recognise and parse in one pass, for layouts whose recognising is the parsing: undefined when not recognised. */
  read?(text: string, lines: readonly string[]): LayoutReading | undefined;
  /** The same layout reading with another cue set (a page's memo, leave-one-kind-out); absent for the site layouts, which read no cues. */
  withCues?(cues: LineCueSet): PageLayout;
}

/**
 * A generic layout made from its reader: it recognises a page when the reader reads it, and parses
 * an unread page as one article unit (with `unread`'s diagnostics).
 */
export function layoutOfReader(
  name: string,
  readPage: (lines: readonly string[], cues: LineCueSet) => LayoutReading | undefined,
  cues: LineCueSet,
  unread: LayoutReading['diagnostics'] = [],
): PageLayout {
  return {
    name,
    recognise: (_text, lines) => readPage(lines, cues) !== undefined,
    read: (_text, lines) => readPage(lines, cues),
    parse: (text, lines) => readPage(lines, cues) ?? { page: { body: text, comments: [] }, diagnostics: unread },
    withCues: (other) => layoutOfReader(name, readPage, other, unread),
  };
}
