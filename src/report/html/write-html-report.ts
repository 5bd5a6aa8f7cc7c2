import type { LexiconFile } from '../../lexicon/load-lexicon.js';
import type { StanceCategory } from '../../lexicon/stance-category.js';
import type { AnalysedDocument, Diagnostic } from '../../model.js';
import type { ClaimRow, PHRASE_COLUMNS, Row } from '../columns.js';
import { writeFileAtomic } from '../write-atomic.js';
import { addFigures, createCorpusFigures, documentFigures, PAGES_IN_TABLE, type CorpusFigures, type DocumentFigures, type PageFigures, type StanceCounts } from './aggregate-report.js';
import { CHART_WIDTH, claimsChart, claimStanceChart, claimTimelineChart, monthsChart, overallChart, pagesChart, type ClaimSummary } from './render-charts.js';
import { renderThread } from './render-thread.js';
import { esc, stanceClass, stanceCss } from './html-text.js';

/**
 * One document as the report reads it: its figures, and its analysis only when its thread is shown
 * (the first few pages), so that the report reads no other analysis.
 */
export interface ReportDocument {
  readonly figures: DocumentFigures;
  readonly analysis: () => AnalysedDocument;
}

/** A document already analysed in memory, as the report reads it. */
export function reportDocument(doc: AnalysedDocument): ReportDocument {
  return { figures: documentFigures(doc), analysis: () => doc };
}

/** What report.html reads of the documents: their figures added up, and the threads it shows, rendered. */
export interface GatheredDocuments {
  readonly figures: CorpusFigures;
  readonly threads: readonly string[];
  /** The index (in document order) of each page whose thread is shown. */
  readonly threadIndexes: ReadonlySet<number>;
}

/** What the HTML report is built from. */
export interface HtmlReportInput {
  /** The documents in report order, traversed exactly once (a stream will do), or already gathered (gatherDocuments). */
  readonly documents: Iterable<ReportDocument> | GatheredDocuments;
  readonly toolVersion: string;
  /** The lexicon files of the run, as in the manifest (LexiconSet.files). */
  readonly lexicons: readonly LexiconFile[];
  /** The stance categories (LexiconSet.categories): the report's series, colours and columns, in order. */
  readonly categories: readonly StanceCategory[];
  /** The run's diagnostics (only level and code are read), to say what input was skipped. */
  readonly diagnostics: Iterable<Pick<Diagnostic, 'level' | 'code'>>;
  /** claims.csv rows (claimRows), by n_mentions descending. */
  readonly claims: Iterable<ClaimRow>;
  /** phrases.csv rows (phraseRows), by score descending; only the first PHRASES_SHOWN are read. */
  readonly phrases: Iterable<Row<typeof PHRASE_COLUMNS>>;
  /** The other files of the run, linked from the report ("documents.csv", "manifest.json"…). */
  readonly files: readonly string[];
}

/** Pages whose thread is shown in full, in document order; the rest are in the pages table. */
export const THREADS_SHOWN = 50;
/** Units shown in full threads, all pages together: keeps a corpus of huge threads readable. */
export const THREAD_UNITS_SHOWN = 3000;
/** Threads open when the report opens; the others are one click away. */
const THREADS_OPEN = 3;
/** Claims in the claim charts, most mentioned first. */
export const CLAIMS_SHOWN = 15;
/** Claims in the timeline (more stacked series would not be readable). */
const CLAIMS_IN_TIMELINE = 8;
/** Recurring phrases listed. */
export const PHRASES_SHOWN = 30;

const pct = (n: number, of: number): string => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)} %`);
const num = (n: number): string => n.toLocaleString('en-US');

const CSS = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#fafafa}
body{max-width:${CHART_WIDTH + 60}px;margin:0 auto;padding:0 20px 60px;line-height:1.45}
h1{font-size:1.6rem;margin:24px 0 4px}h2{font-size:1.25rem;margin:36px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}h3{font-size:1.05rem;margin:20px 0 6px}
nav{font-size:.9rem;margin:6px 0 16px}nav a{margin-right:12px}
.muted{color:#656d76;font-size:.88rem;font-weight:normal}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(120px,1fr));gap:10px;margin:14px 0}
.card{background:#fff;border:1px solid #e1e4e8;border-radius:8px;padding:10px 12px}.card b{display:block;font-size:1.45rem}.card span{color:#656d76;font-size:.85rem}.card.wide{grid-column:span 2}.card.wide b{white-space:nowrap;font-size:1.05rem;line-height:2.1rem}
figure{margin:10px 0;background:#fff;border:1px solid #e1e4e8;border-radius:8px;padding:8px;overflow-x:auto}figcaption{font-size:.88rem;color:#656d76;margin:4px 6px}
table{border-collapse:collapse;font-size:.88rem;background:#fff;margin:8px 0}th,td{border:1px solid #e1e4e8;padding:3px 8px;text-align:left;vertical-align:top}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.row{display:flex;flex-wrap:wrap;gap:18px;align-items:flex-start}.row>*{margin:0}
.legend span{margin-right:14px}.legend i{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:4px;vertical-align:-1px}
details.thread{background:#fff;border:1px solid #e1e4e8;border-radius:8px;margin:10px 0;padding:6px 10px}details.thread>summary{cursor:pointer;padding:4px 0}
.thread ul{list-style:none;margin:0;padding-left:22px;border-left:1px dashed #d0d7de}.thread>ul{padding-left:0;border-left:0}
.unit{border-left:6px solid #9aa0a6;background:#fcfcfd;margin:6px 0;padding:4px 10px;border-radius:0 6px 6px 0}
.unit p{margin:4px 0;white-space:pre-wrap;overflow-wrap:anywhere}.unit .meta{font-size:.8rem;color:#656d76}
.chip{display:inline-block;color:#fff;border-radius:9px;padding:0 7px;font-size:.75rem}.claim{display:inline-block;border:1px solid #c9a227;color:#6b5510;border-radius:9px;padding:0 6px;font-size:.75rem}
.quote{font-size:.8rem;color:#656d76}.ev{font-size:.8rem}.ev summary{cursor:pointer;color:#0969da}.ev code{white-space:pre-wrap;overflow-wrap:anywhere}
details.body summary{cursor:pointer}
code{font-size:.85em}
`;

function card(value: string, label: string, wide = false): string {
  return `<div class="card${wide ? ' wide' : ''}"><b>${value}</b><span>${esc(label)}</span></div>`;
}

function legendHtml(categories: readonly StanceCategory[]): string {
  return `<p class="legend">${categories.map(({ name: s }) => `<span><i class="${stanceClass([s])} chip"></i>${esc(s)}</span>`).join('')}<span><i class="s-none chip" style="background:#9aa0a6"></i>no stance</span></p>`;
}

function stanceCells(c: StanceCounts, categories: readonly StanceCategory[]): string {
  return categories.map((s) => `<td class="n">${pct(c.byStance.get(s.name) ?? 0, c.units)}</td>`).join('');
}

function glance(f: CorpusFigures, skipped: { byLevel: Map<string, number>; byCode: Map<string, number> }): string {
  const langs = [...f.languages.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const codes = [...skipped.byCode.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const errors = skipped.byLevel.get('error') ?? 0;
  const range = f.firstDate === undefined ? 'no dates' : `${esc(f.firstDate.slice(0, 10))} → ${esc(f.lastDate!.slice(0, 10))}`;
  return `<section id="glance"><div class="cards">
${card(num(f.pages), 'pages')}${card(num(f.comments + f.replies), `comments (${num(f.replies)} replies)`)}${card(num(f.authors.size), 'named authors')}${card(num(langs.length), 'languages')}${card(range, 'date range', true)}${card(num(errors), 'files or records skipped')}
</div>
<div class="row"><table><thead><tr><th>language</th><th class="n">units</th><th class="n">share</th></tr></thead><tbody>
${langs.slice(0, 12).map(([code, n]) => `<tr><td>${esc(code)}</td><td class="n">${num(n)}</td><td class="n">${pct(n, f.units)}</td></tr>`).join('\n')}
${langs.length > 12 ? `<tr><td colspan="3" class="muted">${langs.length - 12} more languages in units.csv</td></tr>` : ''}
</tbody></table>
${codes.length === 0 ? '<p>Nothing skipped: no diagnostics.</p>' : `<table><thead><tr><th>diagnostic</th><th class="n">count</th></tr></thead><tbody>
${[...skipped.byLevel.entries()].map(([level, n]) => `<tr><td><b>${esc(level)}</b></td><td class="n">${num(n)}</td></tr>`).join('\n')}
${codes.slice(0, 15).map(([code, n]) => `<tr><td>${esc(code)}</td><td class="n">${num(n)}</td></tr>`).join('\n')}
</tbody></table>`}</div>
<p class="muted">${num(f.units)} units (article bodies and comments); ${num(f.undatedUnits)} without a usable date.${f.sites.size ? ` ${num(f.sites.size)} sites.` : ''} Every skipped file or record is listed with its reason in <a href="diagnostics.csv">diagnostics.csv</a>.</p>
</section>`;
}

function pageTable(f: CorpusFigures, threadIndexes: ReadonlySet<number>, categories: readonly StanceCategory[]): string {
  const row = (p: PageFigures): string => `<tr><td class="n">${p.index + 1}</td><td>${threadIndexes.has(p.index) ? `<a href="#page-${p.index}">${esc(p.title ?? p.id)}</a>` : esc(p.title ?? p.id)}<br><span class="muted">${esc(p.id)}</span></td><td>${esc(p.published?.slice(0, 10))}</td><td class="n">${num(p.comments)}</td>${stanceCells(p.stances, categories)}</tr>`;
  return `<table><thead><tr><th class="n">#</th><th>page</th><th>published</th><th class="n">comments</th>${categories.map((s) => `<th class="n">${esc(s.name)}</th>`).join('')}</tr></thead><tbody>
${f.pageRows.map(row).join('\n')}
</tbody></table>
${f.pages > PAGES_IN_TABLE ? `<p class="muted">Pages ${num(PAGES_IN_TABLE + 1)} to ${num(f.pages)} are not listed here: see <a href="documents.csv">documents.csv</a> and <a href="stances.csv">stances.csv</a>.</p>` : ''}`;
}

function claimTableHtml(rows: readonly ClaimRow[]): string {
  const cells = (r: ClaimRow): string => [
    `<td>${esc(r.label || r.claim_id)}<br><span class="muted">${esc(r.claim_id)}</span></td>`,
    ...[r.n_mentions, r.n_units, r.n_documents, r.n_authors].map((n) => `<td class="n">${esc(n)}</td>`),
    `<td>${esc(String(r.first_published ?? '').slice(0, 10))} → ${esc(String(r.last_published ?? '').slice(0, 10))}</td>`,
    `<td>${esc(r.top_variant)}</td>`,
  ].join('');
  return `<table><thead><tr><th>claim</th><th class="n">mentions</th><th class="n">units</th><th class="n">pages</th><th class="n">authors</th><th>first → last</th><th>most frequent form</th></tr></thead><tbody>
${rows.map((r) => `<tr>${cells(r)}</tr>`).join('\n')}
</tbody></table>`;
}

function claimSection(claims: readonly ClaimSummary[], rows: readonly ClaimRow[], phrases: readonly Row<typeof PHRASE_COLUMNS>[], categories: readonly StanceCategory[]): string {
  const totalClaims = claims.length;
  const shown = claims.slice(0, CLAIMS_SHOWN);
  const claimPart = shown.length === 0
    ? '<p>No claim of the claims lexicon was found.</p>'
    : `<figure>${claimsChart(shown)}<figcaption>Mentions, pages and named authors of each claim (claims.csv)${totalClaims > shown.length ? `; the ${shown.length} most mentioned of ${totalClaims}` : ''}.</figcaption></figure>
${shown.some((c) => (c.figures?.months.size ?? 0) > 0)
    ? `<figure>${claimTimelineChart(shown.slice(0, CLAIMS_IN_TIMELINE))}<figcaption>Mentions per month, by the date of the comment (or of its page when the comment has none).</figcaption></figure>`
    : '<p>No mention of a claim carries a date: no timeline.</p>'}
<figure>${claimStanceChart(shown, categories)}<figcaption>Stances of the units that carry each claim: share of those units tagged with each stance (number of units in brackets).</figcaption></figure>
${claimTableHtml(rows)}`;
  const phrasePart = phrases.length === 0
    ? '<p>No phrase recurs across pages or authors.</p>'
    : `<table><thead><tr><th>phrase</th><th class="n">pages</th><th class="n">units</th><th class="n">authors</th><th class="n">times</th><th>variants</th></tr></thead><tbody>
${phrases.map((p) => `<tr><td>${esc(p.phrase)}</td><td class="n">${esc(p.n_documents)}</td><td class="n">${esc(p.n_units)}</td><td class="n">${esc(p.n_authors)}</td><td class="n">${esc(p.frequency)}</td><td class="muted">${esc(p.variants)}</td></tr>`).join('\n')}
</tbody></table>`;
  return `<section id="claims"><h2>Recurring claims</h2>${claimPart}<h3>Top recurring phrases</h3><p class="muted">Found without a lexicon (phrases.csv): candidates to promote to claims.</p>${phrasePart}</section>`;
}

function method(input: HtmlReportInput): string {
  return `<section id="method"><h2>How these figures were made</h2>
<p>controverse ${esc(input.toolVersion)}. A unit is an article body or a comment. A unit carries a stance when its score reaches the stance's threshold (column <code>label</code> of stances.csv); a unit may carry several stances or none, so shares do not add up to 100 %. Evidence lists each matched passage with its lexicon entry; negated matches are marked. Claim mentions that are negated are not counted. Dates are those of the comment, or of its page when the comment has none.</p>
<table><thead><tr><th>lexicon</th><th class="n">version</th><th class="n">entries</th><th>sha256</th></tr></thead><tbody>
${input.lexicons.map((l) => `<tr><td>${esc(l.path)}</td><td class="n">${esc(l.version)}</td><td class="n">${esc(l.entries)}</td><td><code>${esc(l.sha256.slice(0, 16))}…</code></td></tr>`).join('\n')}
</tbody></table>
<p>Files of this run: ${input.files.map((f) => `<a href="${esc(encodeURI(f))}">${esc(f)}</a>`).join(' · ')}</p>
</section>`;
}

/** Read the documents, in report order, once: their figures added up, and the first few threads rendered. */
export function gatherDocuments(documents: Iterable<ReportDocument>): GatheredDocuments {
  const figures = createCorpusFigures();
  const threads: string[] = [];
  const threadIndexes = new Set<number>();
  let threadUnits = 0;
  for (const doc of documents) {
    addFigures(figures, doc.figures);
    const index = figures.pages - 1;
    if (threads.length < THREADS_SHOWN && (threads.length === 0 || threadUnits + doc.figures.units <= THREAD_UNITS_SHOWN)) {
      threads.push(renderThread(doc.analysis(), index, threads.length < THREADS_OPEN));
      threadIndexes.add(index);
      threadUnits += doc.figures.units;
    }
  }
  return { figures, threads, threadIndexes };
}

/**
 * The report as HTML chunks: one self-contained page (inline CSS, static SVG charts, no script;
 * the Content-Security-Policy forbids scripts and network requests). Every corpus text is escaped.
 */
export function renderHtmlReport(input: HtmlReportInput): string[] {
  const { figures, threads, threadIndexes } = Symbol.iterator in input.documents ? gatherDocuments(input.documents) : input.documents;
  const skipped = { byLevel: new Map<string, number>(), byCode: new Map<string, number>() };
  for (const d of input.diagnostics) {
    skipped.byLevel.set(d.level, (skipped.byLevel.get(d.level) ?? 0) + 1);
    skipped.byCode.set(`${d.level}: ${d.code}`, (skipped.byCode.get(`${d.level}: ${d.code}`) ?? 0) + 1);
  }
  const claimTable = [...input.claims];
  const claims: ClaimSummary[] = claimTable.map((r) => ({
    id: String(r.claim_id), label: String(r.label ?? ''), mentions: Number(r.n_mentions ?? 0), pages: Number(r.n_documents ?? 0), authors: Number(r.n_authors ?? 0),
    figures: figures.claims.get(String(r.claim_id)),
  }));
  const phrases: Row<typeof PHRASE_COLUMNS>[] = [];
  for (const p of input.phrases) {
    if (phrases.length >= PHRASES_SHOWN) break;
    phrases.push(p);
  }
  const f = figures;
  const hidden = f.pages - threads.length;
  return [
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>controverse report: ${num(f.pages)} pages</title>
<style>${CSS}
${stanceCss(input.categories)}</style></head>
<body>
<h1>controverse report</h1>
<p class="muted">${num(f.pages)} pages · ${num(f.units)} units · controverse ${esc(input.toolVersion)}</p>
<nav><a href="#glance">At a glance</a><a href="#stances">Stances</a><a href="#claims">Claims</a><a href="#threads">Threads</a><a href="#pages">Pages</a><a href="#method">Method</a></nav>
`,
    glance(f, skipped),
    `<section id="stances"><h2>Stances</h2>${legendHtml(input.categories)}
<figure>${overallChart(f.overall, input.categories)}<figcaption>Share of all ${num(f.overall.units)} units carrying each stance (number of units in brackets).</figcaption></figure>
${f.largestPages.length === 0 ? '' : `<figure>${pagesChart(f.largestPages, input.categories)}<figcaption>Share of units carrying each stance, per page${f.pages > f.largestPages.length ? `: the ${f.largestPages.length} pages with the most units (units in brackets); every page is in the table below` : ' (units in brackets)'}.</figcaption></figure>`}
${f.months.size === 0 ? '<p>No unit carries a date: no timeline.</p>' : `<figure>${monthsChart(f.months, input.categories)}<figcaption>Units per month (grey bars, right axis) and the share of them carrying each stance (lines).</figcaption></figure>`}
</section>`,
    claimSection(claims, claimTable, phrases, input.categories),
    `<section id="threads"><h2>Threads</h2>
<p class="muted">Each unit is coloured by its stances (left border; striped when it carries several). Hover a unit for its evidence, or open "evidence".${hidden > 0 ? ` The first ${num(threads.length)} pages are shown in full; the other ${num(hidden)} are summarised in the table below and complete in units.csv and stances.csv.` : ''}</p>
${legendHtml(input.categories)}
`,
    ...threads.map((t) => `${t}\n`),
    `</section>
<section id="pages"><h2>Pages</h2>
${pageTable(f, threadIndexes, input.categories)}
</section>
`,
    method(input),
    '\n</body></html>\n',
  ];
}

/** Write report.html atomically. */
export function writeHtmlReport(file: string, input: HtmlReportInput): void {
  writeFileAtomic(file, renderHtmlReport(input));
}
