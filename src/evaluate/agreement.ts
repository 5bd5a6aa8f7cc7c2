import type { Stance } from '../model.js';
import { seededRandom } from '../sampling/seeded-random.js';
import { RunOutputError } from '../stance/read-run-output.js';
import { BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED, ci, f2, figures, intervalOf, type Interval } from './evaluate-coded.js';
import type { CodedUnit } from './read-coded.js';

/**
 * Agreement between two coders of the same units (inter-coder reliability): per stance the F1 of
 * one coder against the other (symmetric) and Cohen's κ, per (unit, claim) the F1, each with a 95 %
 * bootstrap interval over units. It is the ceiling of any figure of the tool against one coder: the
 * tool cannot be measured more finely than the coders agree.
 */

/** One unit as both coders coded it. */
export interface CodedPair {
  readonly first: CodedUnit;
  readonly second: CodedUnit;
}

/** The units both codings hold (by page and position, same text), in the first coding's order; and how many each holds alone. */
export function pairCodings(first: readonly CodedUnit[], second: readonly CodedUnit[]): { pairs: CodedPair[]; onlyFirst: number; onlySecond: number } {
  const key = (u: CodedUnit): string => `${u.docId}#${u.position}`;
  const seconds = new Map(second.map((u) => [key(u), u]));
  const pairs: CodedPair[] = [];
  for (const u of first) {
    const other = seconds.get(key(u));
    if (other === undefined) continue;
    if (other.text.trim() !== u.text.trim()) {
      throw new RunOutputError(`${other.source}: unit ${key(u)} has another text than in ${u.source}`, 'the two codings must code the same units: same doc_id, unit and text');
    }
    pairs.push({ first: u, second: other });
  }
  if (pairs.length === 0) throw new RunOutputError('the two codings have no unit in common (matched by doc_id and unit)', 'code the same pages, keeping doc_id and unit');
  return { pairs, onlyFirst: first.length - pairs.length, onlySecond: second.length - pairs.length };
}

/** Agreement on one stance: how often each coder set it, how often both did, F1 and Cohen's κ. */
export interface StanceAgreement {
  readonly stance: Stance;
  readonly first: number;
  readonly second: number;
  readonly both: number;
  readonly f1: number;
  readonly f1Interval: Interval;
  readonly kappa: number;
  readonly kappaInterval: Interval;
}

export interface Agreement {
  readonly units: number;
  readonly pages: number;
  readonly stances: readonly StanceAgreement[];
  readonly macroF1: number;
  readonly macroInterval: Interval;
  /** Per (unit, claim): claims the first coder gave, the second gave, both gave. */
  readonly claims: { readonly first: number; readonly second: number; readonly both: number; readonly f1: number; readonly f1Interval: Interval };
}

/** A 2×2 table of two coders' binary codes: both 1, first only, second only, both 0. */
interface Table { n11: number; n10: number; n01: number; n00: number }

/** F1 of one coder against the other (the first as reference; the figure is symmetric); 1 when neither ever says 1. */
const f1Of = (t: Table): number => figures({ tp: t.n11, fp: t.n01, fn: t.n10 }).f1;

/** Cohen's κ: observed agreement beyond what the two coders' rates give by chance; 1 when they agree on a constant code. */
export function cohensKappa(t: Table): number {
  const n = t.n11 + t.n10 + t.n01 + t.n00;
  if (n === 0) return 1;
  const observed = (t.n11 + t.n00) / n;
  const first = (t.n11 + t.n10) / n;
  const second = (t.n11 + t.n01) / n;
  const chance = first * second + (1 - first) * (1 - second);
  return chance === 1 ? (observed === 1 ? 1 : 0) : (observed - chance) / (1 - chance);
}

function tableOf(codes: readonly (readonly [0 | 1, 0 | 1])[], sample: readonly number[]): Table {
  const t: Table = { n11: 0, n10: 0, n01: 0, n00: 0 };
  for (const i of sample) {
    const [a, b] = codes[i]!;
    if (a === 1 && b === 1) t.n11 += 1;
    else if (a === 1) t.n10 += 1;
    else if (b === 1) t.n01 += 1;
    else t.n00 += 1;
  }
  return t;
}

/** Claims per (unit, claim) of one unit: the first coder's, the second's, both's. */
function claimCounts(p: CodedPair): readonly [number, number, number] {
  const second = new Set(p.second.claims);
  const first = new Set(p.first.claims);
  return [first.size, second.size, [...first].filter((c) => second.has(c)).length];
}

function claimF1(counts: readonly (readonly [number, number, number])[], sample: readonly number[]): number {
  let total = 0;
  let both = 0;
  for (const i of sample) {
    const [a, b, ab] = counts[i]!;
    total += a + b;
    both += ab;
  }
  return total === 0 ? 1 : (2 * both) / total;
}

/** The agreement of the two codings on every stance and on claims, with bootstrap intervals over units (fixed seed). */
export function measureAgreement(pairs: readonly CodedPair[], stances: readonly Stance[], resamples = BOOTSTRAP_RESAMPLES, seed = BOOTSTRAP_SEED): Agreement {
  const codes = stances.map((s) => pairs.map((p): [0 | 1, 0 | 1] => [p.first.labels[s] ?? 0, p.second.labels[s] ?? 0]));
  const claims = pairs.map(claimCounts);
  const all = pairs.map((_, i) => i);
  const f1Draws: number[][] = stances.map(() => []);
  const kappaDraws: number[][] = stances.map(() => []);
  const macroDraws: number[] = [];
  const claimDraws: number[] = [];
  const random = seededRandom(seed);
  for (let b = 0; b < resamples && pairs.length > 0; b += 1) {
    const sample = all.map(() => Math.floor(random() * pairs.length));
    let macro = 0;
    codes.forEach((c, k) => {
      const t = tableOf(c, sample);
      const f1 = f1Of(t);
      f1Draws[k]!.push(f1);
      kappaDraws[k]!.push(cohensKappa(t));
      macro += f1;
    });
    macroDraws.push(macro / Math.max(1, stances.length));
    claimDraws.push(claimF1(claims, sample));
  }
  const perStance = stances.map((stance, k): StanceAgreement => {
    const t = tableOf(codes[k]!, all);
    return {
      stance, first: t.n11 + t.n10, second: t.n11 + t.n01, both: t.n11,
      f1: f1Of(t), f1Interval: intervalOf(f1Draws[k]!), kappa: cohensKappa(t), kappaInterval: intervalOf(kappaDraws[k]!),
    };
  });
  const sum = (k: 0 | 1 | 2): number => claims.reduce((a, c) => a + c[k], 0);
  return {
    units: pairs.length,
    pages: new Set(pairs.map((p) => p.first.docId)).size,
    stances: perStance,
    macroF1: perStance.reduce((a, s) => a + s.f1, 0) / Math.max(1, stances.length),
    macroInterval: intervalOf(macroDraws),
    claims: { first: sum(0), second: sum(1), both: sum(2), f1: claimF1(claims, all), f1Interval: intervalOf(claimDraws) },
  };
}


/** The agreement as a plain-text table. */
export function formatAgreement(title: string, a: Agreement): string[] {
  const lines = [
    `${title}: ${a.units} units, ${a.pages} pages coded by both (95 % bootstrap intervals over units, ${BOOTSTRAP_RESAMPLES} resamples)`,
    `  ${'stance'.padEnd(14)} ${'1st'.padStart(4)} ${'2nd'.padStart(4)} ${'both'.padStart(4)}  ${'F1'.padStart(5)} ${'F1 95 % CI'.padEnd(13)} ${'kappa'.padStart(5)} kappa 95 % CI`,
  ];
  for (const s of a.stances) {
    lines.push(`  ${s.stance.padEnd(14)} ${String(s.first).padStart(4)} ${String(s.second).padStart(4)} ${String(s.both).padStart(4)}  ${f2(s.f1).padStart(5)} ${ci(s.f1Interval).padEnd(13)} ${f2(s.kappa).padStart(5)} ${ci(s.kappaInterval)}`);
  }
  lines.push(`  ${'macro-F1'.padEnd(14)} ${''.padStart(14)}  ${f2(a.macroF1).padStart(5)} ${ci(a.macroInterval)}`);
  const c = a.claims;
  lines.push(`  ${'claims'.padEnd(14)} ${String(c.first).padStart(4)} ${String(c.second).padStart(4)} ${String(c.both).padStart(4)}  ${f2(c.f1).padStart(5)} ${ci(c.f1Interval).padEnd(13)} (per unit and claim)`);
  return lines;
}
