import type { Phrase } from '../phrases/find-phrases.js';
import type { LexiconEntry } from '../lexicon/lexicon.js';
import type { AnalysedDocument, Diagnostic, Stance } from '../model.js';
import type { StanceCategory } from '../lexicon/stance-category.js';
import { stanceCountColumn, type CLAIM_MENTION_COLUMNS, type ClaimRow, type DIAGNOSTIC_COLUMNS, type DOCUMENT_COLUMNS, type PHRASE_COLUMNS, type Row, type STANCE_COLUMNS, type UNIT_COLUMNS } from './columns.js';

/** Characters of context on each side of a claim mention in the concordance. */
export const CONTEXT_CHARS = 60;

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** documents.csv rows, sorted by doc_id. */
export function* documentRows(docs: Iterable<AnalysedDocument>): Generator<Row<typeof DOCUMENT_COLUMNS>> {
  for (const { document: d, lang } of docs) {
    yield {
      doc_id: d.id, file: d.file, sha256: d.sha256, site: d.site, title: d.title, author: d.author, published: d.published,
      lang: lang.code, n_comments: d.units.length - 1, n_comments_declared: d.nCommentsDeclared,
    };
  }
}

/** units.csv rows in page order. */
export function* unitRows(docs: Iterable<AnalysedDocument>): Generator<Row<typeof UNIT_COLUMNS>> {
  for (const d of docs) {
    for (const { unit: u, lang, nTokens } of d.units) {
      yield {
        unit_id: u.id, doc_id: u.docId, position: u.position, kind: u.kind, author: u.author, published: u.published,
        parent_id: u.parentId, depth: u.depth, quotes_id: u.quotesId, lang: lang.code, lang_score: lang.score, n_tokens: nTokens, text: u.text,
      };
    }
  }
}

/** stances.csv rows: one per unit and stance category, in the categories' order (as analysed). */
export function* stanceRows(docs: Iterable<AnalysedDocument>): Generator<Row<typeof STANCE_COLUMNS>> {
  for (const d of docs) {
    for (const { unit, stances } of d.units) {
      for (const s of stances) {
        yield { unit_id: unit.id, doc_id: unit.docId, stance: s.stance, score: s.score, label: s.label, hits: s.hits, evidence: s.evidence };
      }
    }
  }
}

/**
 * One claim mention with what claims.csv needs of its unit, small enough to keep in the store beside
 * its document (claimMentions): claims.csv is then made without reading any analysis again.
 */
export interface MentionRecord {
  readonly claimId: string;
  readonly unitId: string;
  readonly docId: string;
  readonly match: string;
  /** A negated mention denies the claim: only counted in claims.csv `n_negated`. */
  readonly negated?: true;
  /** The unit's date, or its page's. */
  readonly published?: string;
  readonly author?: string;
  /** Stances the unit is tagged with (label 1 in stances.csv). */
  readonly stances: readonly Stance[];
  /**
   * The context of claim_mentions.csv on each side of the match, for the first mention of each
   * claim in its document that is not negated (the only one claims.csv can take as its example).
   */
  readonly context?: { readonly left: string; readonly right: string };
}

function context(text: string, start: number, end: number): { left: string; right: string } {
  return { left: text.slice(Math.max(0, start - CONTEXT_CHARS), start).trimStart(), right: text.slice(end, end + CONTEXT_CHARS).trimEnd() };
}

/**
 * The claim mentions of one document, negated ones included, in text order. Negated mentions ("ce
 * n'est pas un gaspillage d'argent public") deny the claim rather than make it: they are left out
 * of both claim reports and only counted in claims.csv `n_negated`.
 */
export function mentionRecords(d: AnalysedDocument): MentionRecord[] {
  const records: MentionRecord[] = [];
  const exampled = new Set<string>();
  for (const u of d.units) {
    if (u.claims.length === 0) continue;
    const stances = u.stances.flatMap((s) => (s.label === 1 ? [s.stance] : []));
    const published = u.unit.published ?? d.document.published;
    for (const m of u.claims) {
      const example = !m.negated && !exampled.has(m.claimId);
      if (example) exampled.add(m.claimId);
      records.push({
        claimId: m.claimId, unitId: m.unitId, docId: d.document.id, match: m.match, ...(m.negated ? { negated: true as const } : {}),
        ...(published === undefined ? {} : { published }), ...(u.unit.author === undefined ? {} : { author: u.unit.author }),
        stances, ...(example ? { context: context(u.unit.text, m.span.start, m.span.end) } : {}),
      });
    }
  }
  return records;
}

/** claim_mentions.csv rows (negated mentions are not mentions of the claim), in document then text order. */
export function* claimMentionRows(docs: Iterable<AnalysedDocument>): Generator<Row<typeof CLAIM_MENTION_COLUMNS>> {
  for (const d of docs) {
    for (const u of d.units) {
      for (const m of u.claims) {
        if (m.negated) continue;
        const { start, end } = m.span;
        const c = context(u.unit.text, start, end);
        yield { claim_id: m.claimId, unit_id: m.unitId, doc_id: d.document.id, match: m.match, start, end, left_context: c.left, right_context: c.right };
      }
    }
  }
}

/**
 * claims.csv rows: one per claim found at least once (not negated), by n_mentions descending then
 * claim_id, from every document's mentionRecords in report order. The stance split counts the
 * distinct units holding the claim that carry each stance (a unit may carry several, so the columns
 * can add up to more than n_units); `n_units_no_stance` counts those that carry none.
 */
export function claimRows(records: Iterable<MentionRecord>, claims: readonly LexiconEntry[], categories: readonly StanceCategory[]): ClaimRow[] {
  const labels = new Map(claims.map((c) => [c.id, c.label]));
  const byClaim = new Map<string, MentionRecord[]>();
  const negated = new Map<string, number>();
  for (const m of records) {
    if (m.negated) {
      negated.set(m.claimId, (negated.get(m.claimId) ?? 0) + 1);
      continue;
    }
    const list = byClaim.get(m.claimId) ?? [];
    list.push(m);
    byClaim.set(m.claimId, list);
  }
  const rows = [...byClaim.entries()].map(([claimId, list]) => {
    const dates = list.flatMap((m) => (m.published === undefined ? [] : [m.published])).sort(byString);
    const variants = new Map<string, number>();
    for (const m of list) {
      const v = m.match.toLowerCase();
      variants.set(v, (variants.get(v) ?? 0) + 1);
    }
    const top = [...variants.entries()].sort((a, b) => b[1] - a[1] || byString(a[0], b[0]))[0]![0];
    const example = list[0]!;
    const unitStances = new Map<string, readonly Stance[]>(list.map((m) => [m.unitId, m.stances]));
    const withStance = (s: Stance): number => [...unitStances.values()].filter((st) => st.includes(s)).length;
    const row: ClaimRow = {
      claim_id: claimId, label: labels.get(claimId), n_mentions: list.length,
      n_units: unitStances.size,
      n_documents: new Set(list.map((m) => m.docId)).size,
      n_authors: new Set(list.flatMap((m) => (m.author ? [m.author] : []))).size,
      first_published: dates[0], last_published: dates[dates.length - 1], top_variant: top,
      example_unit_id: example.unitId, example: `${example.context?.left ?? ''}[${example.match}]${example.context?.right ?? ''}`,
      ...Object.fromEntries(categories.map((c) => [stanceCountColumn(c.name), withStance(c.name)])),
      n_units_no_stance: [...unitStances.values()].filter((st) => st.length === 0).length,
      n_negated: negated.get(claimId) ?? 0,
    };
    return { claimId, mentions: list.length, row };
  });
  return rows.sort((a, b) => b.mentions - a.mentions || byString(a.claimId, b.claimId)).map((r) => r.row);
}

/** phrases.csv rows, already sorted by score by findPhrases. */
export function* phraseRows(phrases: Iterable<Phrase>): Generator<Row<typeof PHRASE_COLUMNS>> {
  for (const p of phrases) {
    yield { phrase: p.phrase, n_documents: p.nDocuments, n_units: p.nUnits, n_authors: p.nAuthors, frequency: p.frequency, score: p.score, variants: p.variants.join(' | '), example_unit_id: p.exampleUnitId };
  }
}

/** diagnostics.csv rows, sorted by file, line, code so reruns give the same file. */
export function diagnosticRows(diagnostics: readonly Diagnostic[]): Row<typeof DIAGNOSTIC_COLUMNS>[] {
  return [...diagnostics]
    .sort((a, b) => byString(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || byString(a.code, b.code) || byString(a.unitId ?? '', b.unitId ?? '') || byString(a.message, b.message))
    .map((d) => ({ level: d.level, code: d.code, doc_id: d.docId, unit_id: d.unitId, message: d.message, file: d.file, line: d.line }));
}
