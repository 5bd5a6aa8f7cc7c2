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

/** Add one document to the figures. Memory grows with authors, months and claims, not with units. */
export function addDocument(figures: CorpusFigures, doc: AnalysedDocument): void {
  const d = doc.document;
  const page = emptyStanceCounts();
  figures.pages += 1;
  if (d.author) figures.authors.add(d.author);
  if (d.site) figures.sites.set(d.site, (figures.sites.get(d.site) ?? 0) + 1);
  for (const u of doc.units) {
    const stances = unitStances(u);
    figures.units += 1;
    if (u.unit.kind === 'comment') figures.comments += 1;
    if (u.unit.kind === 'reply') figures.replies += 1;
    if (u.unit.author) figures.authors.add(u.unit.author);
    figures.languages.set(u.lang.code, (figures.languages.get(u.lang.code) ?? 0) + 1);
    count(figures.overall, stances);
    count(page, stances);
    const date = u.unit.published ?? d.published;
    const month = monthOf(date);
    if (month === undefined || date === undefined) {
      figures.undatedUnits += 1;
    } else {
      if (figures.firstDate === undefined || date < figures.firstDate) figures.firstDate = date;
      if (figures.lastDate === undefined || date > figures.lastDate) figures.lastDate = date;
      let m = figures.months.get(month);
      if (m === undefined) figures.months.set(month, (m = emptyStanceCounts()));
      count(m, stances);
    }
    const carried = new Set<string>();
    for (const mention of u.claims) {
      if (mention.negated) continue; // "ce n'est pas du gaspillage" is not a mention (as in claims.csv)
      let c = figures.claims.get(mention.claimId);
      if (c === undefined) figures.claims.set(mention.claimId, (c = { months: new Map(), stances: emptyStanceCounts() }));
      if (month !== undefined) c.months.set(month, (c.months.get(month) ?? 0) + 1);
      if (!carried.has(mention.claimId)) count(c.stances, stances);
      carried.add(mention.claimId);
    }
  }
  const row: PageFigures = {
    index: figures.pages - 1, id: d.id, title: d.title, site: d.site, published: d.published, lang: doc.lang.code,
    comments: doc.units.filter((u) => u.unit.kind !== 'article').length, stances: page,
  };
  if (figures.pageRows.length < PAGES_IN_TABLE) figures.pageRows.push(row);
  keepLargest(figures.largestPages, row);
}
