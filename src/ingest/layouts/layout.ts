import type { Diagnostic } from '../../model.js';
import type { ParsedPage } from '../page.js';

/** A recogniser + parser for one kind of scraped page text. */
export interface PageLayout {
  readonly name: string;
  /** True when the text shows this layout's cues ("Répondre" bullets, "X a écrit :"…). Never looks at the file name. */
  recognise(text: string, lines: readonly string[]): boolean;
  /** `lines` is `splitLines(text)`, split once by the caller and shared by every layout tried. */
  parse(text: string, lines: readonly string[]): { page: ParsedPage; diagnostics: Omit<Diagnostic, 'file' | 'docId'>[] };
  /** Recognise and parse in one pass, for layouts whose recognising is the parsing: undefined when not recognised. */
  read?(text: string, lines: readonly string[]): { page: ParsedPage; diagnostics: Omit<Diagnostic, 'file' | 'docId'>[] } | undefined;
}
