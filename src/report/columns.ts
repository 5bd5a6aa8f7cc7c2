/** The columns of every CSV report, in order: the public output contract (docs/contract.md, v1). */

import type { StanceCategory } from '../lexicon/stance-category.js';

export const DOCUMENT_COLUMNS = ['doc_id', 'file', 'sha256', 'site', 'title', 'author', 'published', 'lang', 'n_comments', 'n_comments_declared'] as const;

export const UNIT_COLUMNS = ['unit_id', 'doc_id', 'position', 'kind', 'author', 'published', 'parent_id', 'depth', 'quotes_id', 'lang', 'lang_score', 'n_tokens', 'text'] as const;

export const STANCE_COLUMNS = ['unit_id', 'doc_id', 'stance', 'score', 'label', 'hits', 'evidence'] as const;

/** claims.csv's contract columns; claimColumns adds the stance split after them. */
export const CLAIM_COLUMNS = [
  'claim_id', 'label', 'n_mentions', 'n_units', 'n_documents', 'n_authors', 'first_published', 'last_published', 'top_variant', 'example_unit_id', 'example',
] as const;

/**
 * Every column of claims.csv: the contract's, then the stance split (`n_units_<stance>` per
 * category, in the categories' order; `n_units_no_stance`) and `n_negated` (adding at the end is
 * allowed). With the shipped categories: n_units_trust_state, n_units_sceptical, n_units_sovereigntist.
 */
export function claimColumns(categories: readonly StanceCategory[]): readonly string[] {
  return [...CLAIM_COLUMNS, ...categories.map((c) => stanceCountColumn(c.name)), 'n_units_no_stance', 'n_negated'];
}

/** claims.csv's column counting the units of a claim that carry this stance. */
export function stanceCountColumn(stance: string): string {
  return `n_units_${stance}`;
}

/** A claims.csv row: the contract's cells, and the stance split by column name. */
export type ClaimRow = Row<typeof CLAIM_COLUMNS> & Row<readonly string[]>;

export const CLAIM_MENTION_COLUMNS = ['claim_id', 'unit_id', 'doc_id', 'match', 'start', 'end', 'left_context', 'right_context'] as const;

export const PHRASE_COLUMNS = ['phrase', 'n_documents', 'n_units', 'n_authors', 'frequency', 'score', 'variants', 'example_unit_id'] as const;

/** `file` and `line` come after the contract's columns (adding at the end is allowed). */
export const DIAGNOSTIC_COLUMNS = ['level', 'code', 'doc_id', 'unit_id', 'message', 'file', 'line'] as const;

/** A CSV row: column name → cell. Missing or undefined cells are written empty (unknown). */
export type Row<C extends readonly string[]> = { readonly [K in C[number]]?: string | number | undefined };
