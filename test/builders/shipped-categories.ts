import path from 'node:path';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';
import type { StanceCategory } from '../../src/lexicon/stance-category.js';

/** The stance categories of the shipped lexicons, in their order (trust_state, sceptical, sovereigntist). */
export function shippedCategories(): readonly StanceCategory[] {
  return loadLexicons(path.resolve('lexicons')).categories;
}

/** Their names, in order. */
export const SHIPPED_STANCES: readonly string[] = ['trust_state', 'sceptical', 'sovereigntist'];
