import { describe, expect, it } from 'vitest';
import { generateAnalysedDocuments } from '../../scripts/generate-analysed-documents.js';
import type { AnalysedDocument } from '../../src/model.js';
import { addFigures, createCorpusFigures, documentFigures, PAGES_IN_TABLE, type CorpusFigures, type DocumentFigures } from '../../src/report/html/aggregate-report.js';
import { gatherDocuments, renderHtmlReport, type ReportDocument } from '../../src/report/html/write-html-report.js';
import { SHIPPED_STANCES, shippedCategories } from '../builders/shipped-categories.js';
import { addDocumentOracle } from './corpus-figures-oracle.js';

// Every map and set as its entries in order: equal only when the same keys came in the same order.
const canonical = (f: CorpusFigures): string => JSON.stringify(f, (_k, v: unknown) => (v instanceof Map || v instanceof Set ? [...v] : v));

const docs: AnalysedDocument[] = [...generateAnalysedDocuments({ pages: PAGES_IN_TABLE + 40, commentsPerPage: 6, stances: SHIPPED_STANCES })];

// echarts' SVG renderer numbers its style classes by a counter of the process: each id is renamed by first appearance.
function sameIds(html: string): string {
  const ids = new Map<string, number>();
  return html.replace(/zr\d+-[a-z]+-?\d+/gu, (id) => `zr-${ids.get(id) ?? ids.set(id, ids.size).size - 1}`);
}

// Figures as the store keeps them: JSON text, parsed back.
const stored = (d: AnalysedDocument): DocumentFigures => JSON.parse(JSON.stringify(documentFigures(d))) as DocumentFigures;

describe('report figures kept per document', () => {
  it('add up, in report order, to the figures of one pass over every analysis (maps in the same order)', () => {
    expect(docs.some((d) => d.units.some((u) => u.claims.length > 0))).toBe(true);
    const oracle = createCorpusFigures();
    for (const d of docs) addDocumentOracle(oracle, d);
    const summed = createCorpusFigures();
    for (const d of docs) addFigures(summed, stored(d));
    expect(canonical(summed)).toBe(canonical(oracle));
    expect(summed.claims.size).toBeGreaterThan(0);
    expect(summed.largestPages.length).toBeGreaterThan(0);
  });

  it('give the same report.html as the analyses, gathered beforehand or not, reading only the analyses of the threads shown', () => {
    let read = 0;
    const fromStore: ReportDocument[] = docs.map((d) => ({ figures: stored(d), analysis: () => ((read += 1), d) }));
    const input = { toolVersion: '1', categories: shippedCategories(), lexicons: [], diagnostics: [], claims: [], phrases: [], files: [] };
    const html = renderHtmlReport({ ...input, documents: fromStore }).join('');
    expect(read).toBeLessThan(docs.length / 10);
    expect(read).toBeGreaterThan(0);
    const inMemory = renderHtmlReport({ ...input, documents: docs.map((d) => ({ figures: documentFigures(d), analysis: () => d })) }).join('');
    expect(sameIds(html)).toBe(sameIds(inMemory));
    const gathered = renderHtmlReport({ ...input, documents: gatherDocuments(docs.map((d) => ({ figures: stored(d), analysis: () => d }))) }).join('');
    expect(sameIds(gathered)).toBe(sameIds(html));
  });
});
