/** Records passed between the stages. Plain readonly data: every stage returns new values. */

/** Corpus-relative path without extension ("000_de8b060ac039dc55"), or `path#record-id`. */
export type DocId = string;
/** `${DocId}#${position}`, position 0 = article body. */
export type UnitId = string;

/** Character offsets into Unit.text, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type UnitKind = 'article' | 'comment' | 'reply';

export interface Unit {
  readonly id: UnitId;
  readonly docId: DocId;
  readonly position: number;
  readonly kind: UnitKind;
  readonly author?: string;
  /** ISO 8601 in the page's local time: "2021-12-25T08:12" or "2014-09-25". */
  readonly published?: string;
  readonly parentId?: UnitId;
  readonly depth: number;
  readonly quotesId?: UnitId;
  /** The unit's own words, after clean-up; never rewritten later. */
  readonly text: string;
}

export interface Document {
  readonly id: DocId;
  /** Path relative to the corpus root, with `/` separators. */
  readonly file: string;
  readonly sha256: string;
  readonly site?: string;
  readonly url?: string;
  readonly title?: string;
  readonly author?: string;
  readonly published?: string;
  /** Language declared by a structured export; a hint the detector may overrule. */
  readonly langHint?: string;
  /** Count announced by the page itself ("Commentaires (10)"). */
  readonly nCommentsDeclared?: number;
  readonly units: readonly Unit[];
}

/**
 * A stance category's name: the `stance:` of a file of the lexicon folder's `stances/`
 * ("trust_state", "sceptical", "sovereigntist" as shipped). The categories of a run travel with
 * its loaded lexicons (LexiconSet.categories), in their order.
 */
export type Stance = string;

/** ISO 639-3 code or 'und', with the detector's confidence in [0,1]. */
export interface LanguageGuess {
  readonly code: string;
  readonly score: number;
}

export interface Token {
  readonly index: number;
  readonly span: Span;
  readonly surface: string;
  /** Lower-cased, accent-folded, apostrophes unified: what lexicons match against. */
  readonly norm: string;
}

export interface StanceTag {
  readonly unitId: UnitId;
  readonly stance: Stance;
  readonly entryId: string;
  readonly span: Span;
  readonly weight: number;
  /** The cue is negated and does not count for its stance (shown as NOT in the evidence). */
  readonly negated: boolean;
  /** The negation cue in scope ("pas", "jamais"), also when the entry keeps or redirects its stance. */
  readonly negationSpan?: Span;
  /**
   * Why a found cue does not count: reported speech in quotation marks, praise read as irony, or a
   * topic word (kind `topic`) alone in a unit that takes no position.
   */
  readonly discount?: 'quoted' | 'ironic' | 'alone';
  /** Multiplier from an intensifier right before the cue ("vraiment souverain"); 1 when absent. */
  readonly intensity?: number;
  readonly intensifierSpan?: Span;
  /** Set when this tag comes from a negated cue whose entry says what its negation signals. */
  readonly viaNegation?: boolean;
}

/** A stance's verdict for one unit: the row of stances.csv. */
export interface StanceVerdict {
  readonly stance: Stance;
  readonly score: number;
  readonly label: 0 | 1;
  readonly hits: number;
  readonly evidence: string;
}

export interface ClaimMention {
  readonly claimId: string;
  readonly unitId: UnitId;
  readonly span: Span;
  readonly match: string;
  readonly negated: boolean;
}

export type DiagnosticLevel = 'error' | 'warning' | 'info';

/** Something the run could not read or decided to skip: data, not an exception. */
export interface Diagnostic {
  readonly level: DiagnosticLevel;
  readonly code: string;
  /** Corpus-relative file the diagnostic is about, when any. */
  readonly file?: string;
  /** 1-based line in that file, when it applies. */
  readonly line?: number;
  readonly docId?: DocId;
  readonly unitId?: UnitId;
  readonly message: string;
}

/** Everything the analysis learnt about one unit. */
export interface AnalysedUnit {
  readonly unit: Unit;
  readonly lang: LanguageGuess;
  readonly nTokens: number;
  readonly stances: readonly StanceVerdict[];
  readonly claims: readonly ClaimMention[];
}

/** One document after every per-document stage: what the reports are built from. */
export interface AnalysedDocument {
  readonly document: Document;
  readonly lang: LanguageGuess;
  readonly units: readonly AnalysedUnit[];
}

/** What one corpus file gave: its documents (possibly none) and what went wrong. */
export interface FileAnalysis {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly documents: readonly AnalysedDocument[];
  readonly diagnostics: readonly Diagnostic[];
}
