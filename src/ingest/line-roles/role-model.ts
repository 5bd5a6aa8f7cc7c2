import type { SparseRow } from '../../fit/logistic.js';
import { fitSoftmax } from '../../fit/softmax.js';
import type { FeatureGroup } from './line-features.js';
import { LINE_ROLES, type LineRole } from './roles.js';

/**
 * The line-role model: an L2-regularised multinomial logistic regression (softmax) over the roles,
 * on the named line features of line-features.ts; a line's role is the one of highest score, its
 * probabilities the softmax of the scores. Shipped as data (line-role-model.json), trained by
 * `npm run train:reader` from the development set's gold.
 */
export interface LineRoleModel {
  /** Role → feature name → weight; absent features weigh 0. */
  readonly weights: Readonly<Record<LineRole, Readonly<Record<string, number>>>>;
  /** Role → next role (of the next non-blank line) → log-probability, counted on the training pages (add-one). */
  readonly transitions: Readonly<Record<LineRole, Readonly<Record<LineRole, number>>>>;
  /** The same weights by feature, every role's in LINE_ROLES order (`withFeatureTable`): read once for a model used on many pages. */
  readonly byFeature?: ReadonlyMap<string, Float64Array>;
}

/** The model with its weights also by feature, so that reading a page looks each feature up once. */
export function withFeatureTable(model: LineRoleModel): LineRoleModel {
  const byFeature = new Map<string, Float64Array>();
  LINE_ROLES.forEach((role, k) => {
    for (const [name, w] of Object.entries(model.weights[role])) {
      let row = byFeature.get(name);
      if (row === undefined) { row = new Float64Array(LINE_ROLES.length); byFeature.set(name, row); }
      row[k] = w;
    }
  });
  return { weights: model.weights, transitions: model.transitions, byFeature };
}

/** One page's lines for training: features of every line and its role (undefined lines are left out). */
export interface TrainingPage {
  readonly features: readonly (readonly string[])[];
  readonly roles: readonly (LineRole | undefined)[];
}

/** The penalty of the fit: chosen on the leave-one-kind-out figure of the development set. */
export const ROLE_LAMBDA = 0.003;
/** Iterations of each fit: enough for the weights to settle at 4 decimals, few enough for a 10-second training. */
export const ROLE_ITERATIONS = 200;

const round = (w: number): number => Math.round(w * 1e4) / 1e4;

/** Fit the model on labelled pages. Same pages → same weights (no randomness, fixed iteration count). */
export function trainRoleModel(pages: readonly TrainingPage[], lambda = ROLE_LAMBDA, iterations = ROLE_ITERATIONS): LineRoleModel {
  const names = new Set<string>();
  const kept: { features: readonly string[]; role: LineRole }[] = [];
  for (const p of pages) {
    p.roles.forEach((role, i) => {
      const features = p.features[i] ?? [];
      if (role === undefined || features.includes('blank')) return;
      kept.push({ features, role });
      for (const f of features) names.add(f);
    });
  }
  const index = new Map([...names].sort().map((n, k) => [n, k]));
  const rows: SparseRow[] = kept.map((r) => r.features.map((f) => [index.get(f)!, 1] as const));
  const penalised = [...index.keys()].map((n) => (n === 'bias' ? 0 : 1) as 0 | 1);
  const labels = kept.map((r) => LINE_ROLES.indexOf(r.role));
  const w = fitSoftmax({ rows, labels, classes: LINE_ROLES.length, features: index.size, penalised }, lambda, iterations);
  const weights = {} as Record<LineRole, Record<string, number>>;
  LINE_ROLES.forEach((role, c) => {
    const out: Record<string, number> = {};
    for (const [n, k] of index) { const v = round(w[c * index.size + k]!); if (v !== 0) out[n] = v; }
    weights[role] = out;
  });
  return { weights, transitions: transitionsOf(pages) };
}

/** Log-probabilities of the role of a non-blank line given the role of the one before it. */
function transitionsOf(pages: readonly TrainingPage[]): Record<LineRole, Record<LineRole, number>> {
  const counts = LINE_ROLES.map(() => LINE_ROLES.map(() => 1));
  for (const p of pages) {
    let prev: number | undefined;
    p.roles.forEach((role, i) => {
      if ((p.features[i] ?? []).includes('blank')) return;
      const k = role === undefined ? undefined : LINE_ROLES.indexOf(role);
      if (prev !== undefined && k !== undefined) counts[prev]![k]! += 1;
      prev = k;
    });
  }
  const out = {} as Record<LineRole, Record<LineRole, number>>;
  LINE_ROLES.forEach((a, i) => {
    const row = counts[i]!;
    const total = row.reduce((x, y) => x + y, 0);
    out[a] = Object.fromEntries(LINE_ROLES.map((b, j) => [b, round(Math.log(row[j]! / total))])) as Record<LineRole, number>;
  });
  return out;
}

/**
 * The most likely sequence of roles of the non-blank lines (Viterbi): each line's log-probability
 * from the model plus the log-probability of passing from the previous line's role to its own.
 */
export function bestRoles(model: LineRoleModel, guesses: readonly (RoleGuess | undefined)[]): (LineRole | undefined)[] {
  const at = guesses.flatMap((g, i) => (g === undefined ? [] : [i]));
  const r = LINE_ROLES.length;
  const roles: (LineRole | undefined)[] = guesses.map(() => undefined);
  if (at.length === 0) return roles;
  const move = new Float64Array(r * r);
  for (let a = 0; a < r; a += 1) for (let b = 0; b < r; b += 1) move[a * r + b] = model.transitions[LINE_ROLES[a]!][LINE_ROLES[b]!];
  // back[t * r + b]: the role of line t - 1 on the best path to role b at line t.
  const back = new Int8Array(at.length * r);
  let score = new Float64Array(r);
  let next = new Float64Array(r);
  at.forEach((i, t) => {
    const p = guesses[i]!.probabilities;
    if (t === 0) { for (let b = 0; b < r; b += 1) score[b] = Math.log(Math.max(p[b]!, 1e-9)); return; }
    for (let b = 0; b < r; b += 1) {
      let best = 0;
      let bestScore = Number.NEGATIVE_INFINITY;
      for (let a = 0; a < r; a += 1) {
        const v = score[a]! + move[a * r + b]!;
        if (v > bestScore) { bestScore = v; best = a; }
      }
      next[b] = bestScore + Math.log(Math.max(p[b]!, 1e-9));
      back[t * r + b] = best;
    }
    [score, next] = [next, score];
  });
  let k = 0;
  for (let b = 1; b < r; b += 1) if (score[b]! > score[k]!) k = b;
  for (let t = at.length - 1; t >= 0; t -= 1) {
    roles[at[t]!] = LINE_ROLES[k]!;
    k = back[t * r + k]!;
  }
  return roles;
}

/** A line's role and the probability the model gives it. */
export interface RoleGuess {
  readonly role: LineRole;
  readonly probability: number;
  /** Probability of every role, in LINE_ROLES order. */
  readonly probabilities: readonly number[];
}

/** The role of each non-blank line (undefined for a blank line), from its named features. */
export function classifyLines(model: LineRoleModel, features: readonly (readonly string[])[]): (RoleGuess | undefined)[] {
  return classifyGroups(model, features.map((f) => (f.length === 1 && f[0] === 'blank' ? undefined : [{ prefix: '', cues: f }])));
}

/**
 * The role of each non-blank line from its groups of features. The scores of a group are summed
 * once per page: lines share their neighbours' and the page's repeated lines' groups.
 */
export function classifyGroups(model: LineRoleModel, lines: readonly (readonly FeatureGroup[] | undefined)[]): (RoleGuess | undefined)[] {
  return groupClassifier(model)(lines);
}

/**
 * `classifyGroups` for one page read in parts (the confidence bound reads sixteen lines at a time):
 * the weights and group sums looked up for one part serve the next ones.
 */
export function groupClassifier(model: LineRoleModel): (lines: readonly (readonly FeatureGroup[] | undefined)[]) => (RoleGuess | undefined)[] {
  const r = LINE_ROLES.length;
  // Each (prefix, cue) pair's weights are looked up once per page, each group's sum once per page.
  const cueWeights = new Map<string, Map<string, Float64Array>>();
  const byPrefix = new Map<string, Map<readonly string[], Float64Array>>();
  const weightsOf = (prefix: string, c: string): Float64Array => {
    let cache = cueWeights.get(prefix);
    if (cache === undefined) { cache = new Map(); cueWeights.set(prefix, cache); }
    let out = cache.get(c);
    if (out === undefined) {
      const name = prefix === '' ? c : `${prefix}:${c}`;
      out = model.byFeature === undefined ? LINE_ROLES.reduce((row, role, k) => { row[k] = model.weights[role][name] ?? 0; return row; }, new Float64Array(r)) : (model.byFeature.get(name) ?? new Float64Array(r));
      cache.set(c, out);
    }
    return out;
  };
  const scoresOf = (g: FeatureGroup): Float64Array => {
    let cache = byPrefix.get(g.prefix);
    if (cache === undefined) { cache = new Map(); byPrefix.set(g.prefix, cache); }
    let out = cache.get(g.cues);
    if (out === undefined) {
      out = new Float64Array(r);
      for (const c of g.cues) { const w = weightsOf(g.prefix, c); for (let k = 0; k < r; k += 1) out[k]! += w[k]!; }
      cache.set(g.cues, out);
    }
    return out;
  };
  const scores = new Float64Array(r);
  const exp = new Float64Array(r);
  return (lines) => lines.map((groups) => {
    if (groups === undefined) return undefined;
    scores.fill(0);
    for (const g of groups) { const w = scoresOf(g); for (let k = 0; k < r; k += 1) scores[k]! += w[k]!; }
    let top = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < r; k += 1) if (scores[k]! > top) top = scores[k]!;
    let sum = 0;
    for (let k = 0; k < r; k += 1) { exp[k] = Math.exp(scores[k]! - top); sum += exp[k]!; }
    const probabilities: number[] = [];
    for (let k = 0; k < r; k += 1) probabilities.push(exp[k]! / sum);
    let best = 0;
    for (let k = 1; k < r; k += 1) if (scores[k]! > scores[best]!) best = k;
    return { role: LINE_ROLES[best]!, probability: probabilities[best]!, probabilities };
  });
}
