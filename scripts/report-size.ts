/**
 * Size of report.html for a generated corpus: `npm run bench:report -- 50000 20` (pages, average
 * comments per page; defaults 50,000 and 20). Writes out/report-bench.html; prints pages, units,
 * bytes and seconds.
 */
import { statSync } from 'node:fs';
import { loadLexicons } from '../src/lexicon/load-lexicon.js';
import { claimRows, mentionRecords } from '../src/report/build-rows.js';
import { reportDocument, writeHtmlReport } from '../src/report/html/write-html-report.js';
import { generateAnalysedDocuments } from './generate-analysed-documents.js';

const pages = Number(process.argv[2] ?? 50_000);
const commentsPerPage = Number(process.argv[3] ?? 20);
const { categories } = loadLexicons('lexicons');
const generate = (): Generator<ReturnType<typeof generateAnalysedDocuments> extends Generator<infer D> ? D : never> =>
  generateAnalysedDocuments({ pages, commentsPerPage, firstComment: '<script>alert(1)</script>', stances: categories.map((c) => c.name) });
// The generator repeats itself, so claims.csv rows can come from a first pass, as run.ts does.
const claims = claimRows((function* records() {
  for (const d of generate()) yield* mentionRecords(d);
})(), [], categories);
let units = 0;
const documents = (function* counted() {
  for (const d of generate()) {
    units += d.units.length;
    yield reportDocument(d);
  }
})();
const started = process.hrtime.bigint();
const file = 'out/report-bench.html';
writeHtmlReport(file, {
  documents, toolVersion: 'bench', lexicons: [], categories, diagnostics: [{ level: 'error', code: 'binary-file' }], files: ['documents.csv', 'units.csv'],
  claims, phrases: [{ phrase: 'milliards dilapidés', n_documents: 3, n_units: 4, n_authors: 3, frequency: 4, score: 1, variants: 'milliards dilapidés' }],
});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`${pages} pages, ${units} units → ${file}: ${statSync(file).size} bytes (${(statSync(file).size / 1024 / 1024).toFixed(2)} MiB), rendered in ${seconds.toFixed(1)} s`);
