import { escapeUTF8 } from 'entities';
import type { AnalysedDocument } from '../../model.js';
import { STANCES } from '../../model.js';
import { writeFileAtomic } from '../write-atomic.js';

/** Figures the HTML report shows besides the documents themselves. */
export interface HtmlReportInput {
  /** Streamed from the store; may be iterated more than once, each pass reads the store again. */
  readonly documents: Iterable<AnalysedDocument>;
  readonly toolVersion: string;
  readonly diagnostics: number;
}

const esc = (s: string | number | undefined): string => escapeUTF8(String(s ?? ''));

/** A self-contained HTML summary: corpus counts and stance shares. Every text shown is escaped. */
export function renderHtmlReport(input: HtmlReportInput): string {
  // One pass over the documents: they are streamed from the store, never all in memory.
  const tagged = new Map(STANCES.map((s) => [s, 0]));
  const items: string[] = [];
  let nUnits = 0;
  for (const d of input.documents) {
    nUnits += d.units.length;
    for (const u of d.units) for (const v of u.stances) if (v.label === 1) tagged.set(v.stance, (tagged.get(v.stance) ?? 0) + 1);
    items.push(`<li>${esc(d.document.title ?? d.document.id)} — ${d.units.length - 1} comments</li>`);
  }
  const rows = STANCES.map((s) => {
    const n = tagged.get(s) ?? 0;
    return `<tr><td>${esc(s)}</td><td>${n}</td><td>${nUnits ? ((100 * n) / nUnits).toFixed(1) : '0.0'}%</td></tr>`;
  }).join('\n');
  const docs = items.join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>controverse report</title></head>
<body>
<h1>controverse report</h1>
<p>${items.length} documents, ${nUnits} units, ${input.diagnostics} diagnostics. controverse ${esc(input.toolVersion)}.</p>
<table><thead><tr><th>stance</th><th>units</th><th>share</th></tr></thead><tbody>
${rows}
</tbody></table>
<ul>
${docs}
</ul>
</body></html>
`;
}

/** Write report.html atomically. */
export function writeHtmlReport(file: string, input: HtmlReportInput): void {
  writeFileAtomic(file, [renderHtmlReport(input)]);
}
