// The aggregation report.html made in one pass over every analysis, kept as the oracle of the
// per-document figures (documentFigures + addFigures) that replaced it: same figures, same map order.
import type { AnalysedDocument, Stance } from '../../src/model.js';
import { emptyStanceCounts, monthOf, PAGES_IN_CHART, PAGES_IN_TABLE, unitStances, type CorpusFigures, type PageFigures, type StanceCounts } from '../../src/report/html/aggregate-report.js';

function count(counts: StanceCounts, stances: readonly Stance[]): void {
  counts.units += 1;
  if (stances.length === 0) counts.none += 1;
  for (const s of stances) counts.byStance.set(s, (counts.byStance.get(s) ?? 0) + 1);
}

function keepLargest(list: PageFigures[], page: PageFigures): void {
  const last = list[list.length - 1];
  if (list.length >= PAGES_IN_CHART && last !== undefined && last.stances.units >= page.stances.units) return;
  let i = list.length;
  while (i > 0 && list[i - 1]!.stances.units < page.stances.units) i -= 1; // ties keep document order
  list.splice(i, 0, page);
  if (list.length > PAGES_IN_CHART) list.pop();
}

/** Add one document to the figures, from its analysis: report.html's aggregation before the figures were kept per document. */
export function addDocumentOracle(figures: CorpusFigures, doc: AnalysedDocument): void {
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
