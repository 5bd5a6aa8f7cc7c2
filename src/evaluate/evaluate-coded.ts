import { unitClaims } from '../claims/unit-claims.js';
import { hasClaimWords } from '../claims/fitted-claims.js';
import type { LexiconSet } from '../lexicon/load-lexicon.js';
import type { Stance } from '../model.js';
import { seededRandom } from '../sampling/seeded-random.js';
import { plainCountLabels, plainCountLexicon } from '../stance/plain-count.js';
import { tagUnitStances } from '../stance/claim-stance-tags.js';
import { lexiconLabels, scoreStances } from '../stance/score-stances.js';
import { hasBigramWeights, hasContextWeights, hasWordWeights } from '../stance/fitted-weights.js';
import { codedContexts } from './coded-contexts.js';
import { unitWords } from '../stance/unit-words.js';
import { createStemmer } from '../text/stem-fr.js';
import { tokenise } from '../text/tokenise.js';
import { readCodedUnits, readSplit, unitOfCoded, type CodedUnit } from './read-coded.js';

export { hasTextColumn, readCodedUnits, readSplit, type CodedUnit } from './read-coded.js';

/**
 * Evaluation of hand-coded units that carry their own text (eval/stances/pages/*.tsv): each unit is
 * tagged as the pipeline tags it (tokenise → tagStances → scoreStances, findClaims), read as
 * French, with no ingestion and no segmentation, so the figures measure the lexicons alone.
 */

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

/** Tag every coded unit as the pipeline does (as French, with the fitted weights when the lexicons carry them), and with the plain dictionary count. */
export function predictCoded(units: readonly CodedUnit[], lexicons: LexiconSet): CodedPrediction[] {
  const stances = lexicons.categories.map((c) => c.name);
  const plain = plainCountLexicon(lexicons.stances);
  // One stemmer (and its cache) for the fitted stance words and the fitted claim words.
  const stemmer = hasWordWeights(lexicons.fitted) || hasClaimWords(lexicons.fittedClaims) ? createStemmer() : undefined;
  const stem = hasWordWeights(lexicons.fitted) ? stemmer : undefined;
  const bigrams = hasBigramWeights(lexicons.fitted);
  const claimStem = hasClaimWords(lexicons.fittedClaims) ? stemmer : undefined;
  const tag = (u: CodedUnit, article: ReadonlySet<string> | undefined) => {
    const unit = unitOfCoded(u);
    const tokens = tokenise(u.text);
    const found = unitClaims(unit, tokens, lexicons, { ...(claimStem === undefined ? {} : { stem: claimStem }), ...(article === undefined ? {} : { articleClaims: article }) });
    return { tokens, mentions: found.claims, held: found.held, tags: tagUnitStances(unit, tokens, found.lexicon, lexicons) };
  };
  // Fitted claims may weigh the claims of the page's article body (position 0), as `run` does: the
  // units at position 0 are tagged first, each once.
  const tagged = new Array<ReturnType<typeof tag>>(units.length);
  const articleClaims = new Map<string, ReadonlySet<string>>();
  units.forEach((u, i) => {
    if (u.position !== 0) return;
    const t = tag(u, undefined);
    tagged[i] = t;
    if (u.kind === 'article' && lexicons.fittedClaims !== undefined) articleClaims.set(u.docId, t.held);
  });
  units.forEach((u, i) => {
    if (u.position !== 0) tagged[i] = tag(u, articleClaims.get(u.docId));
  });
  // A fitted context reads the lexicon labels of each unit's article and previous unit in the sample.
  const contexts = hasContextWeights(lexicons.fitted) ? codedContexts(units, tagged.map((t) => lexiconLabels(t.tags, lexicons.categories)), stances) : undefined;
  return units.map((u, i) => {
    const { tokens, mentions, tags } = tagged[i]!;
    const words = stem === undefined ? undefined : unitWords(tokens, stem, { bigrams, text: u.text });
    const context = contexts === undefined ? undefined : Object.fromEntries(stances.map((s, k) => [s, contexts[i]![k]!]));
    const verdicts = scoreStances(u.text, tags, lexicons.categories, lexicons.fitted, words, context);
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

/** Precision, recall and F1 of counts (1 when there is nothing to find and nothing was found). */
export function figures(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? (c.fn === 0 ? 1 : 0) : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? (c.fp === 0 ? 1 : 0) : c.tp / (c.tp + c.fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** The counts of the units a sample draws (a unit drawn twice counts twice). */
export function sum(perUnit: readonly Counts[], sample: readonly number[]): Counts {
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

/** The 95 % percentile interval of bootstrap draws (0–0 when there are none). */
export function intervalOf(draws: readonly number[]): Interval {
  const sorted = [...draws].sort((a, b) => a - b);
  return { low: percentile(sorted, 0.025), high: percentile(sorted, 0.975) };
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
  const scored = tables.map((t, k): Scored => {
    const c = sum(t, all);
    return { ...c, ...figures(c), f1Interval: intervalOf(draws[k]!) };
  });
  const named = (from: number): (Scored & { stance: Stance })[] => stances.map((stance, k) => ({ stance, ...scored[from + k]! }));
  return {
    units: units.length,
    pages: new Set(units.map((u) => u.docId)).size,
    stances: named(0),
    macroF1: macro(scored.map((s) => s.f1), 0),
    macroInterval: intervalOf(macroDraws[0]),
    plain: named(n),
    plainMacroF1: macro(scored.map((s) => s.f1), n),
    plainMacroInterval: intervalOf(macroDraws[1]),
    claims: scored[2 * n]!,
  };
}

/**
 * Macro-F1 of predictions `a` minus that of `b` on the same units, with a 95 % paired bootstrap
 * interval (the same resamples for both): whether fitted weights beat the lexicon weights by more
 * than the sample's noise.
 */
export function macroDifference(units: readonly CodedUnit[], a: readonly CodedPrediction[], b: readonly CodedPrediction[], stances: readonly Stance[], resamples = BOOTSTRAP_RESAMPLES, seed = BOOTSTRAP_SEED): { difference: number; interval: Interval } {
  const binary = (want: 0 | 1, got: 0 | 1): Counts => ({ tp: want & got, fp: got & (1 - want), fn: want & (1 - got) });
  const tablesOf = (p: readonly CodedPrediction[]): Counts[][] => stances.map((s) => units.map((u, i) => binary(u.labels[s] ?? 0, p[i]!.labels[s] ?? 0)));
  const ta = tablesOf(a);
  const tb = tablesOf(b);
  const macro = (tables: Counts[][], sample: readonly number[]): number => tables.reduce((m, t) => m + figures(sum(t, sample)).f1, 0) / Math.max(1, stances.length);
  return pairedDifference(units.length, (sample) => macro(ta, sample) - macro(tb, sample), resamples, seed);
}

/**
 * A statistic of the differences between two predictions of the same `n` units, on all of them and
 * on `resamples` bootstrap resamples of units (seeded): the difference and its 95 % interval.
 */
export function pairedDifference(n: number, differenceOn: (sample: readonly number[]) => number, resamples = BOOTSTRAP_RESAMPLES, seed = BOOTSTRAP_SEED): { difference: number; interval: Interval } {
  const all = Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(seed);
  const draws: number[] = [];
  for (let k = 0; k < resamples && n > 0; k += 1) {
    const sample = all.map(() => Math.floor(random() * n));
    draws.push(differenceOn(sample));
  }
  return { difference: differenceOn(all), interval: intervalOf(draws) };
}

/** Read, tag and score in one call: what `controverse evaluate` and `npm run eval:coded` print. */
export function evaluateCoded(goldPath: string, lexicons: LexiconSet, split?: { readonly file: string; readonly name: string } | ReadonlySet<string>): { units: CodedUnit[]; predictions: CodedPrediction[]; evaluation: CodedEvaluation } {
  const stances = lexicons.categories.map((c) => c.name);
  const pages = split !== undefined && 'file' in split ? readSplit(split.file, split.name) : split;
  const units = readCodedUnits(goldPath, stances, pages);
  const predictions = predictCoded(units, lexicons);
  return { units, predictions, evaluation: scoreCoded(units, predictions, stances) };
}

/** A figure as printed: two decimals. */
export const f2 = (x: number): string => x.toFixed(2);
/** An interval as printed: `[0.51, 0.59]`. */
export const ci = (i: Interval): string => `[${f2(i.low)}, ${f2(i.high)}]`;

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
