import { describe, expect, it } from 'vitest';
import { generateAnalysedDocuments } from '../../scripts/generate-analysed-documents.js';
import type { AnalysedDocument, AnalysedUnit, Stance, Unit } from '../../src/model.js';
import { SHIPPED_STANCES, shippedCategories } from '../builders/shipped-categories.js';
import { PAGES_IN_TABLE, monthOf } from '../../src/report/html/aggregate-report.js';
import { renderThread } from '../../src/report/html/render-thread.js';
import { renderHtmlReport, reportDocument, THREADS_SHOWN, type HtmlReportInput } from '../../src/report/html/write-html-report.js';

const XSS = '<script>alert(1)</script><img src=x onerror=alert(1)>';

function unit(docId: string, position: number, text: string, stances: Stance[], extra: Partial<Unit> = {}): AnalysedUnit {
  return {
    unit: { id: `${docId}#${position}`, docId, position, kind: position === 0 ? 'article' : 'comment', depth: 0, text, ...extra },
    lang: { code: 'fra', score: 0.9 }, nTokens: text.split(' ').length,
    stances: SHIPPED_STANCES.map((s) => ({ stance: s, score: stances.includes(s) ? 2 : 0, label: stances.includes(s) ? 1 : 0, hits: stances.includes(s) ? 1 : 0, evidence: stances.includes(s) ? `"${text.slice(0, 12)}" [${s}.cue]` : '' })),
    claims: [],
  };
}

function doc(id: string, units: AnalysedUnit[], extra: { title?: string; published?: string } = {}): AnalysedDocument {
  return { document: { id, file: `${id}.txt`, sha256: 'ab'.repeat(32), units: units.map((u) => u.unit), ...extra }, lang: { code: 'fra', score: 0.9 }, units };
}

function* asReportDocuments(documents: Iterable<AnalysedDocument>): Generator<ReturnType<typeof reportDocument>> {
  for (const d of documents) yield reportDocument(d);
}

function input(documents: Iterable<AnalysedDocument>, extra: Partial<HtmlReportInput> = {}): HtmlReportInput {
  return {
    documents: asReportDocuments(documents), toolVersion: '9.9.9', categories: shippedCategories(), lexicons: [{ path: 'stances/sceptical.fr.yaml', sha256: 'cd'.repeat(32), version: 3, entries: 12 }],
    diagnostics: [{ level: 'error', code: 'binary-file' }, { level: 'warning', code: 'comment-count-mismatch' }, { level: 'warning', code: 'comment-count-mismatch' }],
    claims: [], phrases: [], files: ['documents.csv', 'units.csv', 'stances.csv', 'claims.csv', 'manifest.json'], ...extra,
  };
}

/** An iterable that fails if the report reads it twice (the scale store streams documents once). */
function once<T>(items: readonly T[]): Iterable<T> {
  let used = false;
  return {
    [Symbol.iterator]() {
      if (used) throw new Error('documents traversed twice');
      used = true;
      return items[Symbol.iterator]();
    },
  };
}

const sample = [
  doc('a', [
    unit('a', 0, 'Un article.', ['sovereigntist'], { published: '2021-12-03', author: 'Rédaction' }),
    unit('a', 1, 'Encore des milliards dilapidés.', ['sceptical'], { published: '2021-12-04T10:00', author: 'paul' }),
    unit('a', 2, 'Réponse.', [], { published: '2022-01-02T10:00', author: 'marie', kind: 'reply', parentId: 'a#1', depth: 1 }),
  ], { title: 'Premier', published: '2021-12-03' }),
  doc('b', [unit('b', 0, 'Second article.', ['trust_state', 'sceptical'])], { title: 'Second' }),
];

describe('renderHtmlReport', () => {
  it('escapes every text that comes from the corpus, the lexicons or the claims', () => {
    const d = doc(`x${XSS}`, [unit(`x${XSS}`, 0, XSS, ['sceptical'], { author: XSS, published: '2021-01-01' }), unit(`x${XSS}`, 1, XSS, [], { author: XSS, quotesId: `x${XSS}#0` })], { title: XSS });
    const withClaim = { ...d, units: [d.units[0]!, { ...d.units[1]!, claims: [{ claimId: XSS, unitId: d.units[1]!.unit.id, span: { start: 0, end: 3 }, match: XSS, negated: false }] }] };
    const html = renderHtmlReport(input([withClaim], {
      lexicons: [{ path: XSS, sha256: 'ef'.repeat(32), version: 1, entries: 1 }],
      diagnostics: [{ level: 'error', code: XSS }],
      claims: [{ claim_id: XSS, label: XSS, n_mentions: 1, n_units: 1, n_documents: 1, n_authors: 1, first_published: XSS, top_variant: XSS }],
      phrases: [{ phrase: XSS, variants: XSS, n_documents: 2, n_units: 2, n_authors: 2, frequency: 2 }],
      files: [`${XSS}.csv`],
    })).join('');
    // No tag, and no event-handler attribute on any tag (attribute values are always double-quoted).
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).not.toMatch(/<[a-z][^\s>]*(?:\s+[^\s=>]+(?:="[^"]*")?)*\s+on[a-z]+=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('forbids scripts and network requests in the page itself', () => {
    const html = renderHtmlReport(input(sample)).join('');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org)/i);
  });

  it('reads the documents once, so they can be streamed from a store', () => {
    expect(() => renderHtmlReport(input(once(sample)))).not.toThrow();
  });

  it('counts pages, comments, authors, languages, dates and skipped input', () => {
    const html = renderHtmlReport(input(sample)).join('');
    expect(html).toMatch(/<b>2<\/b><span>pages<\/span>/);
    expect(html).toMatch(/<b>2<\/b><span>comments \(1 replies\)<\/span>/);
    expect(html).toMatch(/<b>3<\/b><span>named authors<\/span>/);
    expect(html).toContain('<b>2021-12-03 → 2022-01-02</b>');
    expect(html).toMatch(/<b>1<\/b><span>files or records skipped<\/span>/);
    expect(html).toContain('<td>warning: comment-count-mismatch</td><td class="n">2</td>');
    expect(html).toContain('<tr><td>fra</td><td class="n">4</td><td class="n">100.0 %</td></tr>');
  });

  it('draws the stance charts as static SVG with the shares of units', () => {
    const html = renderHtmlReport(input(sample)).join('');
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBe(3); // overall, per page, per month (no claims)
    expect(svgs[0]).toContain('50 % (2)'); // sceptical: 2 of 4 units
    expect(svgs[0]).toContain('25 % (1)'); // trust_state, sovereigntist, no stance
    expect(svgs[2]).toContain('2021-12');
    expect(svgs[2]).toContain('2022-01');
  });

  it('shows claims with their counts, timeline and stance mix, and the top phrases', () => {
    const a = sample[0]!;
    const claimed = { ...a, units: a.units.map((u, i) => (i === 1 ? { ...u, claims: [{ claimId: 'public_money_wasted', unitId: u.unit.id, span: { start: 0, end: 6 }, match: 'milliards dilapidés', negated: false }] } : u)) };
    const html = renderHtmlReport(input([claimed, sample[1]!], {
      claims: [{ claim_id: 'public_money_wasted', label: "Gaspillage d'argent public", n_mentions: 1, n_units: 1, n_documents: 1, n_authors: 1, first_published: '2021-12-04T10:00', last_published: '2021-12-04T10:00', top_variant: 'milliards dilapidés' }],
      phrases: [{ phrase: 'cloud souverain', n_documents: 2, n_units: 3, n_authors: 2, frequency: 3, score: 1.5, variants: 'cloud souverain | Cloud Souverain' }],
    })).join('');
    const claims = html.slice(html.indexOf('<section id="claims">'), html.indexOf('<section id="threads">'));
    expect(claims.match(/<svg/g)?.length).toBe(3);
    expect(claims).toContain('Gaspillage d&#39;argent public (1)'); // stance mix: 1 carrying unit
    expect(claims).toContain('2021-12');
    expect(claims).toContain('<td class="n">1</td><td class="n">1</td><td class="n">1</td><td class="n">1</td><td>2021-12-04 → 2021-12-04</td><td>milliards dilapidés</td>');
    expect(claims).toContain('<td>cloud souverain</td><td class="n">2</td><td class="n">3</td>');
  });

  it('links the CSVs and names the tool and lexicon versions', () => {
    const html = renderHtmlReport(input(sample)).join('');
    for (const f of ['documents.csv', 'units.csv', 'stances.csv', 'claims.csv', 'manifest.json']) expect(html).toContain(`<a href="${f}">${f}</a>`);
    expect(html).toContain('controverse 9.9.9');
    expect(html).toContain('<td>stances/sceptical.fr.yaml</td><td class="n">3</td>');
  });

  it('summarises a corpus of thousands of pages instead of showing every thread', () => {
    const pages = 3000;
    const html = renderHtmlReport(input(generateAnalysedDocuments({ pages, commentsPerPage: 5, stances: SHIPPED_STANCES }))).join('');
    expect((html.match(/<details class="thread"/g) ?? []).length).toBe(THREADS_SHOWN);
    expect((html.match(/<tr><td class="n">\d+<\/td><td>/g) ?? []).length).toBe(PAGES_IN_TABLE);
    expect(html).toContain(`Pages 1,001 to 3,000 are not listed here`);
    expect(html).toContain('<b>3,000</b><span>pages</span>');
    expect(Buffer.byteLength(html)).toBeLessThan(2_000_000);
  });
});

describe('renderThread', () => {
  it('nests a reply under the comment it answers and colours each unit by its stances', () => {
    const html = renderThread(sample[0]!, 0, true);
    expect(html).toMatch(/<li><div class="unit s-sceptical" id="u-0-1"[^>]*>.*?<ul><li><div class="unit s-none" id="u-0-2"/);
    expect(html).toContain('title="sceptical · score 2 · 1 hit: &quot;Encore des m&quot; [sceptical.cue]"');
    expect(html).toContain('<details class="ev"><summary>evidence</summary>');
  });

  it('stripes a unit that carries several stances', () => {
    expect(renderThread(sample[1]!, 1, false)).toContain('class="unit s-trust_state-sceptical"');
  });
});

describe('monthOf', () => {
  it('gives the month of ISO dates and nothing for other strings', () => {
    expect(monthOf('2021-12-25T08:12')).toBe('2021-12');
    expect(monthOf('2014-09-25')).toBe('2014-09');
    expect(monthOf('2014-09')).toBe('2014-09');
    expect(monthOf('25/09/2014')).toBeUndefined();
    expect(monthOf(undefined)).toBeUndefined();
  });
});
