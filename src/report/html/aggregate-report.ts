import type { AnalysedDocument, AnalysedUnit, Stance } from '../../model.js';

/** Units counted, and how many of them carry each stance (a unit may carry several, or none). */
export interface StanceCounts {
  units: number;
  none: number;
  /** Units per stance category; a category no unit carries is absent (read it with `?? 0`). */
  readonly byStance: Map<Stance, number>;
}

/** One page as the report's tables and per-page chart show it. */
export interface PageFigures {
  /** 0-based rank of the page in the order the documents came. */
  readonly index: number;
  readonly id: string;
  readonly title?: string;
  readonly site?: string;
  readonly published?: string;
  readonly lang: string;
  readonly comments: number;
  readonly stances: StanceCounts;
}

/** What the units carrying one claim look like, beyond the counts of claims.csv. */
export interface ClaimFigures {
  /** Mentions per month ("2021-12"), by the date of the unit (or of its page). */
  readonly months: Map<string, number>;
  /** Units that carry the claim, and their stances. */
  readonly stances: StanceCounts;
}

/** How many pages the per-page chart shows: the ones with the most units. */
export const PAGES_IN_CHART = 25;
/** How many pages the pages table lists, in document order; the rest are in documents.csv. */
export const PAGES_IN_TABLE = 1000;

/** Everything the report shows about the corpus, gathered in one pass over the documents. */
export interface CorpusFigures {
  pages: number;
  units: number;
  comments: number;
  replies: number;
  undatedUnits: number;
  firstDate?: string;
  lastDate?: string;
  readonly authors: Set<string>;
  readonly languages: Map<string, number>;
  readonly sites: Map<string, number>;
  readonly overall: StanceCounts;
  readonly months: Map<string, StanceCounts>;
  readonly claims: Map<string, ClaimFigures>;
  /** The first PAGES_IN_TABLE pages, in document order. */
  readonly pageRows: PageFigures[];
  /** The PAGES_IN_CHART pages with the most units (kept sorted, largest first). */
  readonly largestPages: PageFigures[];
}

/** Empty stance counts. */
export function emptyStanceCounts(): StanceCounts {
  return { units: 0, none: 0, byStance: new Map() };
}

/** Stances a unit is tagged with (label 1), in the categories' order (that of its verdicts). */
export function unitStances(u: AnalysedUnit): Stance[] {
  return u.stances.flatMap((v) => (v.label === 1 ? [v.stance] : []));
}

function count(counts: StanceCounts, stances: readonly Stance[]): void {
  counts.units += 1;
  if (stances.length === 0) counts.none += 1;
  for (const s of stances) counts.byStance.set(s, (counts.byStance.get(s) ?? 0) + 1);
}

// "2021-12-25T08:12" and "2021-12" both give "2021-12"; anything else is not a date we can place.
const MONTH = /^(\d{4}-\d{2})(?:-\d{2})?(?:T|$)/;

/** "2021-12" for an ISO 8601 date, undefined when the date is missing or not ISO. */
export function monthOf(date: string | undefined): string | undefined {
  return date === undefined ? undefined : MONTH.exec(date)?.[1];
}

/** Start an empty set of figures. */
export function createCorpusFigures(): CorpusFigures {
  return {
    pages: 0, units: 0, comments: 0, replies: 0, undatedUnits: 0,
    authors: new Set(), languages: new Map(), sites: new Map(), overall: emptyStanceCounts(),
    months: new Map(), claims: new Map(), pageRows: [], largestPages: [],
  };
}

function keepLargest(list: PageFigures[], page: PageFigures): void {
  const last = list[list.length - 1];
  if (list.length >= PAGES_IN_CHART && last !== undefined && last.stances.units >= page.stances.units) return;
  let i = list.length;
  while (i > 0 && list[i - 1]!.stances.units < page.stances.units) i -= 1; // ties keep document order
  list.splice(i, 0, page);
  if (list.length > PAGES_IN_CHART) list.pop();
}

/** Stance counts as stored: the map's entries, in the order they were first counted. */
interface StoredStanceCounts {
  readonly units: number;
  readonly none: number;
  readonly byStance: readonly (readonly [Stance, number])[];
}

/**
 * One document's share of the report's figures: small, JSON-serialisable, kept in the store beside
 * the document so that the report adds these up instead of reading every analysis again. Every list
 * is in the order its keys were first met in the document, so adding them up in report order gives
 * the maps the same order as one pass over the analyses.
 */
export interface DocumentFigures {
  readonly id: string;
  readonly title?: string;
  readonly site?: string;
  readonly published?: string;
  readonly lang: string;
  /** Distinct named authors: the page's, then its units'. */
  readonly authors: readonly string[];
  readonly units: number;
  /** Units of kind comment, of kind reply, and units that are not the article (the page's comments). */
  readonly comments: number;
  readonly replies: number;
  readonly pageComments: number;
  readonly undatedUnits: number;
  readonly firstDate?: string;
  readonly lastDate?: string;
  readonly languages: readonly (readonly [string, number])[];
  /** The page's units and their stances (also its share of the corpus's). */
  readonly stances: StoredStanceCounts;
  readonly months: readonly (readonly [string, StoredStanceCounts])[];
  readonly claims: readonly (readonly [string, { readonly months: readonly (readonly [string, number])[]; readonly stances: StoredStanceCounts }])[];
}

const storedCounts = (c: StanceCounts): StoredStanceCounts => ({ units: c.units, none: c.none, byStance: [...c.byStance] });

function addCounts(to: StanceCounts, from: StoredStanceCounts): void {
  to.units += from.units;
  to.none += from.none;
  for (const [s, n] of from.byStance) to.byStance.set(s, (to.byStance.get(s) ?? 0) + n);
}

function addTo<K>(map: Map<K, number>, key: K, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** The figures of one document (see DocumentFigures). Memory grows with its authors, months and claims, not with units. */
export function documentFigures(doc: AnalysedDocument): DocumentFigures {
  const d = doc.document;
  const authors = new Set<string>();
  const languages = new Map<string, number>();
  const page = emptyStanceCounts();
  const months = new Map<string, StanceCounts>();
  const claims = new Map<string, ClaimFigures>();
  let comments = 0;
  let replies = 0;
  let undatedUnits = 0;
  let firstDate: string | undefined;
  let lastDate: string | undefined;
  if (d.author) authors.add(d.author);
  for (const u of doc.units) {
    const stances = unitStances(u);
    if (u.unit.kind === 'comment') comments += 1;
    if (u.unit.kind === 'reply') replies += 1;
    if (u.unit.author) authors.add(u.unit.author);
    addTo(languages, u.lang.code, 1);
    count(page, stances);
    const date = u.unit.published ?? d.published;
    const month = monthOf(date);
    if (month === undefined || date === undefined) {
      undatedUnits += 1;
    } else {
      if (firstDate === undefined || date < firstDate) firstDate = date;
      if (lastDate === undefined || date > lastDate) lastDate = date;
      let m = months.get(month);
      if (m === undefined) months.set(month, (m = emptyStanceCounts()));
      count(m, stances);
    }
    const carried = new Set<string>();
    for (const mention of u.claims) {
      if (mention.negated) continue; // "ce n'est pas du gaspillage" is not a mention (as in claims.csv)
      let c = claims.get(mention.claimId);
      if (c === undefined) claims.set(mention.claimId, (c = { months: new Map(), stances: emptyStanceCounts() }));
      if (month !== undefined) addTo(c.months, month, 1);
      if (!carried.has(mention.claimId)) count(c.stances, stances);
      carried.add(mention.claimId);
    }
  }
  return {
    id: d.id, title: d.title, site: d.site, published: d.published, lang: doc.lang.code, authors: [...authors],
    units: doc.units.length, comments, replies, pageComments: doc.units.filter((u) => u.unit.kind !== 'article').length, undatedUnits, firstDate, lastDate,
    languages: [...languages], stances: storedCounts(page), months: [...months].map(([m, c]) => [m, storedCounts(c)]),
    claims: [...claims].map(([id, c]) => [id, { months: [...c.months], stances: storedCounts(c.stances) }]),
  };
}

/** Add one document's figures (documentFigures) to the corpus's, in report order. */
export function addFigures(figures: CorpusFigures, doc: DocumentFigures): void {
  figures.pages += 1;
  for (const a of doc.authors) figures.authors.add(a);
  if (doc.site) addTo(figures.sites, doc.site, 1);
  figures.units += doc.units;
  figures.comments += doc.comments;
  figures.replies += doc.replies;
  figures.undatedUnits += doc.undatedUnits;
  if (doc.firstDate !== undefined && (figures.firstDate === undefined || doc.firstDate < figures.firstDate)) figures.firstDate = doc.firstDate;
  if (doc.lastDate !== undefined && (figures.lastDate === undefined || doc.lastDate > figures.lastDate)) figures.lastDate = doc.lastDate;
  for (const [code, n] of doc.languages) addTo(figures.languages, code, n);
  addCounts(figures.overall, doc.stances);
  for (const [month, c] of doc.months) {
    let m = figures.months.get(month);
    if (m === undefined) figures.months.set(month, (m = emptyStanceCounts()));
    addCounts(m, c);
  }
  for (const [id, c] of doc.claims) {
    let f = figures.claims.get(id);
    if (f === undefined) figures.claims.set(id, (f = { months: new Map(), stances: emptyStanceCounts() }));
    for (const [month, n] of c.months) addTo(f.months, month, n);
    addCounts(f.stances, c.stances);
  }
  const page = emptyStanceCounts();
  addCounts(page, doc.stances);
  const row: PageFigures = {
    index: figures.pages - 1, id: doc.id, title: doc.title, site: doc.site, published: doc.published, lang: doc.lang,
    comments: doc.pageComments, stances: page,
  };
  if (figures.pageRows.length < PAGES_IN_TABLE) figures.pageRows.push(row);
  keepLargest(figures.largestPages, row);
}
