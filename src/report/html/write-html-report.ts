import { escapeUTF8 } from 'entities';
import type { AnalysedDocument } from '../../model.js';
import { STANCES } from '../../model.js';
import { writeFileAtomic } from '../write-atomic.js';

/** Figures the HTML report shows besides the documents themselves. */
export interface HtmlReportInput {
  readonly documents: readonly AnalysedDocument[];
  readonly toolVersion: string;
  readonly diagnostics: number;
}

const esc = (s: string | number | undefined): string => escapeUTF8(String(s ?? ''));

/** A self-contained HTML summary: corpus counts and stance shares. Every text shown is escaped. */
export function renderHtmlReport(input: HtmlReportInput): string {
  const units = input.documents.flatMap((d) => d.units);
  const rows = STANCES.map((s) => {
    const n = units.filter((u) => u.stances.some((v) => v.stance === s && v.label === 1)).length;
    return `<tr><td>${esc(s)}</td><td>${n}</td><td>${units.length ? ((100 * n) / units.length).toFixed(1) : '0.0'}%</td></tr>`;
  }).join('\n');
  const docs = input.documents
    .map((d) => `<li>${esc(d.document.title ?? d.document.id)} — ${d.units.length - 1} comments</li>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>controverse report</title></head>
<body>
<h1>controverse report</h1>
<p>${input.documents.length} documents, ${units.length} units, ${input.diagnostics} diagnostics. controverse ${esc(input.toolVersion)}.</p>
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
