import type { AnalysedDocument, AnalysedUnit } from '../../model.js';
import { unitStances } from './aggregate-report.js';
import { esc, stanceClass } from './html-text.js';

/** Units of one thread shown in full; a longer thread shows its first ones and a count of the rest. */
export const UNITS_PER_THREAD = 300;
/** Characters of a unit's text shown; the whole text is in units.csv. */
export const TEXT_CHARS = 2000;
/** Characters of the article body shown before "read more". */
const ARTICLE_PREVIEW_CHARS = 280;

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

function anchor(docIndex: number, position: number): string {
  return `u-${docIndex}-${position}`;
}

/** The stance verdicts that matched something, as the hover text and the evidence list. */
function evidence(u: AnalysedUnit): { title: string; html: string } {
  const matched = u.stances.filter((v) => v.hits > 0);
  if (matched.length === 0) return { title: 'no stance cue', html: '' };
  const lines = matched.map((v) => `${v.stance}${v.label === 1 ? '' : ' (below threshold)'} · score ${v.score} · ${v.hits} hit${v.hits === 1 ? '' : 's'}: ${v.evidence}`);
  const items = matched
    .map((v) => `<li><span class="chip ${stanceClass([v.stance])}">${esc(v.stance)}</span>${v.label === 1 ? '' : ' <em>below threshold</em>'} score ${esc(v.score)}, ${esc(v.hits)} hit${v.hits === 1 ? '' : 's'}: <code>${esc(v.evidence)}</code></li>`)
    .join('');
  return { title: lines.join('\n'), html: `<details class="ev"><summary>evidence</summary><ul>${items}</ul></details>` };
}

/** One chip per claim the unit carries ("public_money_wasted ×2"); negated mentions are not claims. */
function claimChips(u: AnalysedUnit): string[] {
  const counts = new Map<string, number>();
  for (const c of u.claims) if (!c.negated) counts.set(c.claimId, (counts.get(c.claimId) ?? 0) + 1);
  return [...counts].map(([id, n]) => `<span class="claim">${esc(id)}${n > 1 ? ` ×${n}` : ''}</span>`);
}

function renderUnit(u: AnalysedUnit, docIndex: number, shown: ReadonlySet<number>, positions: ReadonlyMap<string, number>): string {
  const stances = unitStances(u);
  const ev = evidence(u);
  const unit = u.unit;
  const meta = [
    `<b>${esc(unit.author ?? (unit.kind === 'article' ? 'article' : 'anonymous'))}</b>`,
    unit.published ? `<time>${esc(unit.published)}</time>` : '',
    `<span class="lang">${esc(u.lang.code)}</span>`,
    `<span class="pos">#${unit.position}</span>`,
    ...stances.map((s) => `<span class="chip ${stanceClass([s])}">${esc(s)}</span>`),
    ...claimChips(u),
  ].filter((x) => x !== '').join(' ');
  const quoted = unit.quotesId === undefined ? undefined : positions.get(unit.quotesId);
  const quote = quoted === undefined ? '' : `<div class="quote">quotes ${shown.has(quoted) ? `<a href="#${anchor(docIndex, quoted)}">#${quoted}</a>` : `#${quoted}`}</div>`;
  const text = unit.kind === 'article' && unit.text.length > ARTICLE_PREVIEW_CHARS
    ? `<details class="body"><summary>${esc(cut(unit.text, ARTICLE_PREVIEW_CHARS))}</summary><p>${esc(cut(unit.text, TEXT_CHARS))}</p></details>`
    : `<p>${esc(cut(unit.text, TEXT_CHARS))}</p>`;
  return `<div class="unit ${stanceClass(stances)}" id="${anchor(docIndex, unit.position)}" data-unit-id="${esc(unit.id)}" title="${esc(ev.title)}"><div class="meta">${meta}</div>${quote}${text}${ev.html}</div>`;
}

/**
 * One page's thread as nested lists: the article, then each comment under the unit it answers.
 * Every text comes from the corpus and is escaped.
 */
export function renderThread(doc: AnalysedDocument, docIndex: number, open: boolean): string {
  const units = doc.units.slice(0, UNITS_PER_THREAD);
  const positions = new Map(doc.units.map((u) => [u.unit.id, u.unit.position]));
  const shown = new Set(units.map((u) => u.unit.position));
  const children = new Map<string, AnalysedUnit[]>();
  const roots: AnalysedUnit[] = [];
  for (const u of units) {
    const parent = u.unit.parentId;
    // A reply whose parent is not shown (or unknown) hangs from the top of the thread.
    if (parent !== undefined && shown.has(positions.get(parent) ?? -1) && parent !== u.unit.id) {
      const list = children.get(parent) ?? [];
      list.push(u);
      children.set(parent, list);
    } else {
      roots.push(u);
    }
  }
  const tree = (list: readonly AnalysedUnit[]): string =>
    `<ul>${list.map((u) => `<li>${renderUnit(u, docIndex, shown, positions)}${children.has(u.unit.id) ? tree(children.get(u.unit.id)!) : ''}</li>`).join('')}</ul>`;
  const d = doc.document;
  const rest = doc.units.length - units.length;
  const comments = doc.units.filter((u) => u.unit.kind !== 'article').length;
  const head = [d.site, d.author, d.published].filter((x) => x).map((x) => esc(x)).join(' · ');
  return `<details class="thread" data-doc-id="${esc(d.id)}" id="page-${docIndex}"${open ? ' open' : ''}><summary><b>${esc(d.title ?? d.id)}</b> <span class="muted">${d.title === undefined ? '' : `${esc(d.id)} · `}${comments} comment${comments === 1 ? '' : 's'}${head ? ` · ${head}` : ''}</span></summary>${tree(roots)}${rest > 0 ? `<p class="muted">${rest} more units of this page are in units.csv and stances.csv.</p>` : ''}</details>`;
}
