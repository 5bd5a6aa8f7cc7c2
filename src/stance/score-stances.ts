import type { StanceTag, StanceVerdict } from '../model.js';
import type { StanceCategory } from '../lexicon/stance-category.js';
import { CONTEXT, fittedScore, hasContextWeights, hasWordWeights, stanceFeatures, wordContributions, type FittedWeights, type StanceContext } from './fitted-weights.js';
import { counts } from './tag-stances.js';

/**
 * Score at which a stance label is set. One ordinary cue (weight 1) is enough: a comment rarely
 * says the same thing twice, and recall on two-line comments matters. Weak cues (weight 0.5: words
 * with common neutral uses, such as "américain" or "dépendance") need a second cue or an
 * intensifier; lexicon weights are written against this value.
 */
export const LABEL_THRESHOLD = 1;

/** One tag as shown in the evidence: `"passage" [entry.id]`, marked when it does not count or is intensified. */
export function describeTag(text: string, t: StanceTag): string {
  const passage = `"${text.slice(t.span.start, t.span.end)}" [${t.entryId}]`;
  const negator = t.negationSpan === undefined ? '' : `"${text.slice(t.negationSpan.start, t.negationSpan.end)}"`;
  if (t.negated) return `NOT ${passage} (negated by ${negator})`;
  if (t.discount === 'quoted') return `QUOTED ${passage}`;
  if (t.discount === 'ironic') return `IRONIC ${passage}`;
  if (t.discount === 'alone') return `ALONE ${passage}`;
  const notes: string[] = [];
  if (t.viaNegation === true) notes.push(`negated by ${negator}`);
  else if (t.negationSpan !== undefined) notes.push(`negation ${negator} kept`);
  if (t.intensifierSpan !== undefined) notes.push(`×${t.intensity ?? 1} by "${text.slice(t.intensifierSpan.start, t.intensifierSpan.end)}"`);
  return notes.length === 0 ? passage : `${passage} (${notes.join(', ')})`;
}

/** A tag's contribution to its stance's score: weight × intensity when it counts, else 0. */
export function contribution(t: StanceTag): number {
  return counts(t) ? t.weight * (t.intensity ?? 1) : 0;
}

/**
 * A stance's score: the sum over its entries of each entry's strongest counted tag. An entry
 * repeated ("américain" five times in a news report) counts once: a unit takes a stance through
 * different cues, not by repeating a word.
 */
export function stanceScore(tags: readonly StanceTag[]): number {
  const best = new Map<string, number>();
  for (const t of tags) best.set(t.entryId, Math.max(best.get(t.entryId) ?? 0, contribution(t)));
  return Math.round([...best.values()].reduce((a, b) => a + b, 0) * 1000) / 1000;
}

/** Words shown in the evidence of a fitted word component: the strongest few. */
export const EVIDENCE_WORDS = 3;

/** A stance's score and label: with its fitted model when there is one (lexicons/fitted.yaml), else the lexicon weights against LABEL_THRESHOLD. `words` (unitWords) feed a fitted word component. */
export function stanceVerdict(tags: readonly StanceTag[], stance: string, fitted?: FittedWeights, words?: ReadonlySet<string>, context?: StanceContext): { readonly score: number; readonly label: 0 | 1 } {
  const model = fitted?.stances.get(stance);
  if (model === undefined) {
    const score = stanceScore(tags);
    return { score, label: score >= LABEL_THRESHOLD ? 1 : 0 };
  }
  const score = fittedScore(model, stanceFeatures(tags), words, context);
  return { score, label: score >= model.threshold ? 1 : 0 };
}

/** The evidence of a fitted word component: `WORDS trahi +0.12, confianc −0.05`, or '' when it adds nothing. */
function wordEvidence(stance: string, fitted?: FittedWeights, words?: ReadonlySet<string>): string {
  const model = fitted?.stances.get(stance);
  if (model === undefined || words === undefined || model.words.size === 0) return '';
  const top = wordContributions(model, words).slice(0, EVIDENCE_WORDS).filter(([, c]) => Math.round(c * 1000) !== 0);
  return top.length === 0 ? '' : `WORDS ${top.map(([w, c]) => `${w} ${c >= 0 ? '+' : '−'}${Math.abs(Math.round(c * 1000) / 1000)}`).join(', ')}`;
}

/** The lexicon labels of one unit (the lexicon weights against LABEL_THRESHOLD, never fitted ones), by stance: what its neighbours read as context (CONTEXT of fitted-weights.ts). */
export function lexiconLabels(tags: readonly StanceTag[], categories: readonly StanceCategory[]): Record<string, 0 | 1> {
  const labels: Record<string, 0 | 1> = {};
  for (const { name } of categories) labels[name] = stanceScore(tags.filter((t) => t.stance === name)) >= LABEL_THRESHOLD ? 1 : 0;
  return labels;
}

/** The context of a unit by stance, from its article's and previous unit's lexicon labels (undefined: no such neighbour). */
export function stanceContexts(categories: readonly StanceCategory[], article?: Readonly<Record<string, 0 | 1>>, previous?: Readonly<Record<string, 0 | 1>>): Record<string, StanceContext> {
  return Object.fromEntries(categories.map(({ name }) => [name, { article: article?.[name] ?? 0, previous: previous?.[name] ?? 0 }]));
}

/** The evidence of a fitted context: `CONTEXT article +0.4`, or '' when it adds nothing. */
function contextEvidence(stance: string, fitted?: FittedWeights, context?: StanceContext): string {
  const model = fitted?.stances.get(stance);
  if (model === undefined || context === undefined) return '';
  const parts = CONTEXT.filter((c) => context[c] === 1 && model.context[c] !== 0).map((c) => `${c} ${model.context[c] >= 0 ? '+' : '−'}${Math.abs(model.context[c])}`);
  return parts.length === 0 ? '' : `CONTEXT ${parts.join(', ')}`;
}

/**
 * Turn a unit's tags into one verdict per stance category, in the categories' order. A negated,
 * quoted or ironic cue does not count and is shown in the evidence with its reason (NOT, QUOTED,
 * IRONIC); nothing is silently flipped. With fitted weights, scores and labels are theirs;
 * `contexts` (stanceContexts) feed a fitted context component.
 */
export function scoreStances(text: string, tags: readonly StanceTag[], categories: readonly StanceCategory[], fitted?: FittedWeights, words?: ReadonlySet<string>, contexts?: Readonly<Record<string, StanceContext>>): StanceVerdict[] {
  // Most units hold no cue: their verdicts are all zero, without filtering and scoring nothing
  // (a fitted model without words too scores 0 and, its thresholds being positive, labels 0).
  // A fitted word or context component scores every unit.
  const byWords = words !== undefined && hasWordWeights(fitted);
  const byContext = contexts !== undefined && hasContextWeights(fitted);
  if (tags.length === 0 && !byWords && !byContext) return categories.map(({ name: stance }) => ({ stance, score: 0, label: 0, hits: 0, evidence: '' }));
  return categories.map(({ name: stance }) => {
    const mine = tags.filter((t) => t.stance === stance);
    const context = byContext ? contexts[stance] : undefined;
    const evidence = [...mine.map((t) => describeTag(text, t)), ...(byWords ? [wordEvidence(stance, fitted, words)] : []), contextEvidence(stance, fitted, context)].filter((e) => e !== '');
    return {
      stance,
      ...stanceVerdict(mine, stance, fitted, byWords ? words : undefined, context),
      hits: mine.filter(counts).length,
      evidence: evidence.join('; '),
    };
  });
}
