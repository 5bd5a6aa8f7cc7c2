import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { ARTICLE_CLAIM, CONCEPT_PREFIX, LEXICON_SIGNALS } from '../claims/claim-signals.js';
import type { FittedClaim, FittedClaims } from '../claims/fitted-claims.js';
import type { ClaimConcepts } from '../claims/claim-concepts.js';
import type { Lexicon } from './lexicon.js';

/** The fitted claims' file in a lexicon folder, written by `controverse fit --claims` (apart from fitted.yaml, so that the two fits evolve apart). */
export const FITTED_CLAIMS_FILE = 'fitted-claims.yaml';
/** Format of the fitted claims file; a reader refuses another. */
export const FITTED_CLAIMS_FORMAT = 1;

const TOP_KEYS = new Set(['format', 'version', 'description', 'gold_sha256', 'gold_units', 'gold_split', 'lexicons_sha256', 'min_positives', 'lexicon_only', 'claims']);
const CLAIM_KEYS = new Set(['units', 'positives', 'regularisation', 'word_regularisation', 'cv_f1', 'lexicon_f1', 'groups', 'intercept', 'threshold', 'features', 'words']);

type Fail = (message: string) => Error;

function finite(v: unknown, where: string, fail: Fail): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw fail(`${where} must be a number`);
  return v;
}

function mapping(v: unknown, where: string, fail: Fail): Record<string, unknown> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw fail(`${where} must be a mapping`);
  return v as Record<string, unknown>;
}

/**
 * Parse the fitted claims (the text of FITTED_CLAIMS_FILE). Refuses a file of another format, a
 * claim or a concept the lexicons do not have, an unknown feature: stale weights would silently
 * decide something else.
 */
export function parseFittedClaims(text: string, claims: Lexicon, concepts: ClaimConcepts, fail: Fail): { fitted: FittedClaims; file: { path: string; sha256: string; version: number; entries: number } } {
  let root: unknown;
  try {
    root = parse(text, { uniqueKeys: true });
  } catch (error) {
    throw fail(`${FITTED_CLAIMS_FILE}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const r = mapping(root, FITTED_CLAIMS_FILE, fail);
  for (const k of Object.keys(r)) if (!TOP_KEYS.has(k)) throw fail(`${FITTED_CLAIMS_FILE}: unknown key "${k}" (expected one of ${[...TOP_KEYS].join(', ')})`);
  if (r.format !== FITTED_CLAIMS_FORMAT) throw fail(`${FITTED_CLAIMS_FILE}: "format" must be ${FITTED_CLAIMS_FORMAT} (this version of controverse reads that format)`);
  const version = r.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw fail(`${FITTED_CLAIMS_FILE}: "version" must be a positive integer`);
  const known = new Set<string>([...LEXICON_SIGNALS, ARTICLE_CLAIM, ...concepts.concepts.entries.map((e) => `${CONCEPT_PREFIX}${e.id}`)]);
  const byClaim = new Map<string, FittedClaim>();
  let entries = 0;
  for (const [claimId, node] of Object.entries(mapping(r.claims, `${FITTED_CLAIMS_FILE}: claims`, fail))) {
    const where = `${FITTED_CLAIMS_FILE}: claims.${claimId}`;
    if (!claims.byId.has(claimId)) throw fail(`${where}: not a claim of claims.fr.yaml; run "controverse fit --claims" again, or delete ${FITTED_CLAIMS_FILE}`);
    const m = mapping(node, where, fail);
    for (const k of Object.keys(m)) if (!CLAIM_KEYS.has(k)) throw fail(`${where}: unknown key "${k}" (expected one of ${[...CLAIM_KEYS].join(', ')})`);
    const features = new Map<string, number>();
    for (const [name, w] of Object.entries(mapping(m.features, `${where}.features`, fail))) {
      if (!known.has(name)) throw fail(`${where}.features: "${name}" is not a feature of these lexicons (lexicon.*, unit.article, ${ARTICLE_CLAIM}, or concept.NAME of a concept of claims.fr.yaml)`);
      features.set(name, finite(w, `${where}.features.${name}`, fail));
    }
    const words = new Map<string, number>();
    for (const [word, w] of Object.entries(mapping(m.words, `${where}.words`, fail))) {
      if (!/^[\p{Ll}\p{N}'’-]+$/u.test(word)) throw fail(`${where}.words: "${word}" is not a word stem (folded letters, digits, hyphens)`);
      words.set(word, finite(w, `${where}.words.${word}`, fail));
    }
    entries += features.size + words.size;
    byClaim.set(claimId, { intercept: finite(m.intercept, `${where}.intercept`, fail), threshold: finite(m.threshold, `${where}.threshold`, fail), features, words });
  }
  const fitted: FittedClaims = {
    version, source: FITTED_CLAIMS_FILE, goldSha256: String(r.gold_sha256 ?? ''), ...(typeof r.gold_split === 'string' ? { goldSplit: r.gold_split } : {}),
    lexiconsSha256: String(r.lexicons_sha256 ?? ''), claims: byClaim,
  };
  return { fitted, file: { path: FITTED_CLAIMS_FILE, sha256: createHash('sha256').update(text).digest('hex'), version, entries } };
}
