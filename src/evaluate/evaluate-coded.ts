import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { findClaims } from '../claims/find-claims.js';
import type { LexiconSet } from '../lexicon/load-lexicon.js';
import type { Stance, Unit, UnitKind } from '../model.js';
import { seededRandom } from '../sampling/seeded-random.js';
import { plainCountLabels, plainCountLexicon } from '../stance/plain-count.js';
import { RunOutputError } from '../stance/read-run-output.js';
import { tagUnitStances } from '../stance/claim-stance-tags.js';
import { scoreStances } from '../stance/score-stances.js';
import { tokenise } from '../text/tokenise.js';

/**
 * Evaluation of hand-coded units that carry their own text (eval/stances/pages/*.tsv): each unit is
 * tagged as the pipeline tags it (tokenise → tagStances → scoreStances, findClaims), read as
 * French, with no ingestion and no segmentation, so the figures measure the lexicons alone.
 */

/** One coded unit with its text, its gold stance labels and its gold claim ids. */
export interface CodedUnit {
  readonly docId: string;
  readonly position: number;
  readonly kind: UnitKind;
  readonly text: string;
  readonly labels: Readonly<Record<Stance, 0 | 1>>;
  readonly claims: readonly string[];
  readonly note: string;
  /** `file:line`, for messages. */
  readonly source: string;
}

/** What the lexicons (and the plain count) give one coded unit. */
export interface CodedPrediction {
  readonly labels: Readonly<Record<Stance, 0 | 1>>;
  readonly evidence: Readonly<Record<Stance, string>>;
  readonly plain: Readonly<Record<Stance, 0 | 1>>;
  /** Claim ids with at least one mention that is not negated (the guide does not code a denied claim). */
  readonly claims: readonly string[];
}

/** An F1 with its 95 % bootstrap interval. */
export interface Interval { readonly low: number; readonly high: number }

export interface Counts { readonly tp: number; readonly fp: number; readonly fn: number }

export interface Scored extends Counts {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly f1Interval: Interval;
}

export interface CodedEvaluation {
  readonly units: number;
  readonly pages: number;
  readonly stances: readonly (Scored & { readonly stance: Stance })[];
  readonly macroF1: number;
  readonly macroInterval: Interval;
  readonly plain: readonly (Scored & { readonly stance: Stance })[];
  readonly plainMacroF1: number;
  readonly plainMacroInterval: Interval;
  /** Per (unit, claim) pair. */
  readonly claims: Scored;
}

/** Bootstrap resamples of the units: enough for two decimals of a 95 % interval. */
export const BOOTSTRAP_RESAMPLES = 1000;
/** Fixed so that the same gold and lexicons print the same intervals. */
export const BOOTSTRAP_SEED = 20261206;

const KINDS: readonly UnitKind[] = ['article', 'comment', 'reply'];

function tsvFiles(goldPath: string): string[] {
  if (!existsSync(goldPath)) throw new RunOutputError(`${goldPath}: gold file or folder not found`);
  if (!statSync(goldPath).isDirectory()) return [goldPath];
  return readdirSync(goldPath).filter((f) => f.endsWith('.tsv')).sort().map((f) => path.join(goldPath, f));
}

function readTsv(file: string): Record<string, string>[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/u, '');
  try {
    return parse(text, { columns: true, delimiter: '\t', skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
  } catch (error) {
    throw new RunOutputError(`${file}: not a tab-separated file with a header: ${(error as Error).message}`);
  }
}

/** True when the first TSV of `goldPath` (a file or a folder of them) has a `text` column. */
export function hasTextColumn(goldPath: string): boolean {
  const first = tsvFiles(goldPath)[0];
  if (first === undefined) return false;
  const header = (readFileSync(first, 'utf8').replace(/^\uFEFF/u, '').split('\n', 1)[0] ?? '').replace(/\r$/u, '').split('\t');
  return header.map((c) => c.trim().replace(/^"(.*)"$/u, '$1')).includes('text');
}

/** Pages of one split from a split file (`doc_id	split`). */
export function readSplit(splitFile: string, split: string): Set<string> {
  if (!existsSync(splitFile)) throw new RunOutputError(`${splitFile}: split file not found`);
  const rows = readTsv(splitFile);
  const pages = new Set(rows.filter((r) => (r.split ?? '').trim() === split).map((r) => (r.doc_id ?? '').trim()));
  if (pages.size === 0) throw new RunOutputError(`${splitFile}: no page in split "${split}"`, `splits in the file: ${[...new Set(rows.map((r) => r.split))].join(', ')}`);
  return pages;
}

/**
 * Read coded units from a TSV or a folder of TSVs (`doc_id unit kind text`, a 0/1 column per stance,
 * `claims` `;`-separated, `note`), keeping only the pages of `pages` when given.
 */
export function readCodedUnits(goldPath: string, stances: readonly Stance[], pages?: ReadonlySet<string>): CodedUnit[] {
  const units: CodedUnit[] = [];
  for (const file of tsvFiles(goldPath)) {
    readTsv(file).forEach((r, k) => {
      const source = `${file}:${k + 2}`;
      const docId = (r.doc_id ?? r.file ?? '').trim().replace(/\.[^./]+$/u, '');
      if (docId === '') throw new RunOutputError(`${source}: column "doc_id" is missing or empty`);
      if (pages !== undefined && !pages.has(docId)) return;
      if (r.text === undefined) throw new RunOutputError(`${source}: column "text" is missing`);
      const labels: Record<Stance, 0 | 1> = {};
      for (const s of stances) {
        const v = (r[s] ?? '').trim();
        if (v !== '0' && v !== '1') throw new RunOutputError(`${source}: column "${s}" must be 0 or 1, got "${v}"`);
        labels[s] = v === '1' ? 1 : 0;
      }
      const kind = (r.kind ?? 'comment').trim() as UnitKind;
      units.push({
        docId, position: Number((r.unit ?? String(k)).trim()), kind: KINDS.includes(kind) ? kind : 'comment', text: r.text, labels,
        claims: (r.claims ?? '').split(';').map((c) => c.trim()).filter((c) => c !== ''), note: r.note ?? '', source,
      });
    });
  }
  return units;
}

/** Tag every coded unit as the pipeline does (as French), and with the plain dictionary count. */
export function predictCoded(units: readonly CodedUnit[], lexicons: LexiconSet): CodedPrediction[] {
  const stances = lexicons.categories.map((c) => c.name);
  const plain = plainCountLexicon(lexicons.stances);
  return units.map((u) => {
    const unit: Unit = { id: `${u.docId}#${u.position}`, docId: u.docId, position: u.position, kind: u.kind, depth: 0, text: u.text };
    const tokens = tokenise(u.text);
    const mentions = findClaims(unit, tokens, lexicons.claims, lexicons.claimConcepts);
    const verdicts = scoreStances(u.text, tagUnitStances(unit, tokens, mentions, lexicons), lexicons.categories);
    const labels: Record<Stance, 0 | 1> = {};
    const evidence: Record<Stance, string> = {};
    for (const v of verdicts) {
      labels[v.stance] = v.label;
      evidence[v.stance] = v.evidence;
    }
    const claims = [...new Set(mentions.filter((m) => !m.negated).map((m) => m.claimId))].sort();
    return { labels, evidence, plain: plainCountLabels(u.text, plain, stances).labels, claims };
  });
}

function figures(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? (c.fn === 0 ? 1 : 0) : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? (c.fp === 0 ? 1 : 0) : c.tp / (c.tp + c.fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

function sum(perUnit: readonly Counts[], sample: readonly number[]): Counts {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const i of sample) {
    const c = perUnit[i]!;
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  return { tp, fp, fn };
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))] ?? 0;
}

/**
 * Precision, recall and F1 per stance (lexicons and plain count), macro-F1, claims per (unit, claim),
 * each F1 with a 95 % percentile bootstrap interval over units (fixed seed).
 */
export function scoreCoded(units: readonly CodedUnit[], predictions: readonly CodedPrediction[], stances: readonly Stance[], resamples = BOOTSTRAP_RESAMPLES, seed = BOOTSTRAP_SEED): CodedEvaluation {
  const binary = (want: 0 | 1, got: 0 | 1): Counts => ({ tp: want & got, fp: got & (1 - want), fn: want & (1 - got) });
  // One table of per-unit counts per measure: [stance…, plain stance…, claims].
  const tables: Counts[][] = [
    ...stances.map((s) => units.map((u, i) => binary(u.labels[s] ?? 0, predictions[i]!.labels[s] ?? 0))),
    ...stances.map((s) => units.map((u, i) => binary(u.labels[s] ?? 0, predictions[i]!.plain[s] ?? 0))),
    units.map((u, i) => {
      const got = new Set(predictions[i]!.claims);
      const tp = u.claims.filter((c) => got.has(c)).length;
      return { tp, fp: got.size - tp, fn: u.claims.length - tp };
    }),
  ];
  const all = units.map((_, i) => i);
  const n = stances.length;
  const macro = (f1s: readonly number[], from: number): number => f1s.slice(from, from + n).reduce((a, b) => a + b, 0) / Math.max(1, n);
  const draws: number[][] = tables.map(() => []);
  const macroDraws: [number[], number[]] = [[], []];
  const random = seededRandom(seed);
  for (let b = 0; b < resamples && units.length > 0; b += 1) {
    const sample = all.map(() => Math.floor(random() * units.length));
    const f1s = tables.map((t) => figures(sum(t, sample)).f1);
    f1s.forEach((f, k) => draws[k]!.push(f));
    macroDraws[0].push(macro(f1s, 0));
    macroDraws[1].push(macro(f1s, n));
  }
  const interval = (xs: number[]): Interval => {
    const sorted = [...xs].sort((a, b) => a - b);
    return { low: percentile(sorted, 0.025), high: percentile(sorted, 0.975) };
  };
  const scored = tables.map((t, k): Scored => {
    const c = sum(t, all);
    return { ...c, ...figures(c), f1Interval: interval(draws[k]!) };
  });
  const named = (from: number): (Scored & { stance: Stance })[] => stances.map((stance, k) => ({ stance, ...scored[from + k]! }));
  return {
    units: units.length,
    pages: new Set(units.map((u) => u.docId)).size,
    stances: named(0),
    macroF1: macro(scored.map((s) => s.f1), 0),
    macroInterval: interval(macroDraws[0]),
    plain: named(n),
    plainMacroF1: macro(scored.map((s) => s.f1), n),
    plainMacroInterval: interval(macroDraws[1]),
    claims: scored[2 * n]!,
  };
}

/** Read, tag and score in one call: what `controverse evaluate` and `npm run eval:coded` print. */
export function evaluateCoded(goldPath: string, lexicons: LexiconSet, split?: { readonly file: string; readonly name: string }): { units: CodedUnit[]; predictions: CodedPrediction[]; evaluation: CodedEvaluation } {
  const stances = lexicons.categories.map((c) => c.name);
  const units = readCodedUnits(goldPath, stances, split === undefined ? undefined : readSplit(split.file, split.name));
  const predictions = predictCoded(units, lexicons);
  return { units, predictions, evaluation: scoreCoded(units, predictions, stances) };
}

const f2 = (x: number): string => x.toFixed(2);
const ci = (i: Interval): string => `[${f2(i.low)}, ${f2(i.high)}]`;

/** The evaluation as a plain-text table: lexicons and plain count side by side, then claims. */
export function formatCodedEvaluation(title: string, e: CodedEvaluation): string[] {
  const lines = [
    `${title}: ${e.units} units, ${e.pages} pages (95 % bootstrap intervals over units, ${BOOTSTRAP_RESAMPLES} resamples)`,
    `  ${'stance'.padEnd(14)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)} ${'F1 95 % CI'.padEnd(13)}  tp  fp  fn | plain count  P     R    F1`,
  ];
  e.stances.forEach((s, k) => {
    const p = e.plain[k]!;
    lines.push(`  ${s.stance.padEnd(14)} ${f2(s.precision).padStart(5)} ${f2(s.recall).padStart(5)} ${f2(s.f1).padStart(5)} ${ci(s.f1Interval).padEnd(13)} ${[s.tp, s.fp, s.fn].map((x) => String(x).padStart(3)).join(' ')} |          ${f2(p.precision).padStart(5)} ${f2(p.recall).padStart(5)} ${f2(p.f1).padStart(5)}`);
  });
  lines.push(`  ${'macro-F1'.padEnd(14)} ${''.padStart(11)} ${f2(e.macroF1).padStart(5)} ${ci(e.macroInterval).padEnd(13)} ${''.padStart(11)} | ${''.padStart(20)} ${f2(e.plainMacroF1).padStart(5)} ${ci(e.plainMacroInterval)}`);
  const c = e.claims;
  lines.push(`  ${'claims'.padEnd(14)} ${f2(c.precision).padStart(5)} ${f2(c.recall).padStart(5)} ${f2(c.f1).padStart(5)} ${ci(c.f1Interval).padEnd(13)} ${[c.tp, c.fp, c.fn].map((x) => String(x).padStart(3)).join(' ')}   (per unit and claim)`);
  return lines;
}
