import { clauseBreakAfter, type Lexicon, type LexiconEntry } from '../lexicon/lexicon.js';
import type { Span, Stance, StanceTag, Token, Unit } from '../model.js';
import type { TokenIds } from '../text/vocabulary.js';
import { isInside, quotedSpans } from './quoted-spans.js';

/**
 * Tokens an intensifier reaches forward: "vraiment souverain", "totalement une gabegie" (one
 * determiner between). Further away it qualifies something else.
 */
export const INTENSIFIER_REACH = 2;

/** Options of the stance tagger; the lexicon is loaded once per run and passed in. */
export interface TagStancesOptions {
  readonly lexicon: Lexicon;
  /** Tokens to look back for "ne", "pas", "jamais"…; defaults to the negation lexicon's window. */
  readonly negationWindow?: number;
  /** The tokens' ids (tokeniseWithIds), when the caller has them: the same tags, found faster. */
  readonly ids?: TokenIds;
}

function spanOf(tokens: readonly Token[], start: number, end: number): Span {
  return { start: tokens[start]!.span.start, end: tokens[end - 1]!.span.end };
}

interface PendingIntensifier {
  readonly entry: LexiconEntry;
  readonly start: number;
  readonly end: number;
}

/**
 * Tag stance cues in one unit. Same unit + same lexicon → same tags, in text order.
 * Every cue found becomes a tag, also the ones that do not count (negated, quoted, ironic), so
 * that the evidence shows what was set aside and why.
 */
export function tagStances(unit: Unit, tokens: readonly Token[], options: TagStancesOptions): StanceTag[] {
  const { lexicon } = options;
  const text = unit.text;
  // In an article body, quotation marks report what others say ("« gaspillage d'argent public »,
  // ont-ils accusé"): not the author's stance. In comments they are mostly scare quotes
  // (nos « amis » américains) and the cue counts. Looked for at the first cue, if there is one.
  let quoted: readonly Span[] | undefined;
  const tags: StanceTag[] = [];
  let intensifier: PendingIntensifier | undefined;
  // A negation word inside an earlier cue ("ne pourront pas lutter") is spent on that cue.
  let spentUpTo = 0;
  for (const m of lexicon.findAll(tokens, options.ids)) {
    const entry = m.entry;
    if (entry.kind === 'intensifier') {
      intensifier = { entry, start: m.start, end: m.end };
      continue;
    }
    const stance = entry.stance;
    if (stance === undefined) continue;
    const span = spanOf(tokens, m.start, m.end);
    const holds = lexicon.holdsNegation(m);
    const found = holds ? -1 : lexicon.negationBefore(tokens, m.start, options.negationWindow, text);
    const negIdx = found >= spentUpTo ? found : -1;
    if (holds) spentUpTo = m.end;
    let intensity = 1;
    let intensifierSpan: Span | undefined;
    if (intensifier !== undefined && m.start - intensifier.end < INTENSIFIER_REACH && !breaksBetween(tokens, intensifier.end - 1, m.start, text)) {
      intensity = intensifier.entry.weight;
      intensifierSpan = spanOf(tokens, intensifier.start, intensifier.end);
    }
    intensifier = undefined;
    const base: TagBase = {
      unitId: unit.id, entryId: entry.id, span, weight: entry.weight,
      negationSpan: negIdx >= 0 ? tokens[negIdx]!.span : undefined,
      quoted: isInside(span, (quoted ??= unit.kind === 'article' ? quotedSpans(text) : [])),
      intensity, intensifierSpan,
    };
    const stances: Stance[] = [stance, ...(entry.also ?? [])];
    const when = entry.whenNegated ?? 'drop';
    for (const s of stances) tags.push(tagOf(base, s, !(negIdx < 0 || when === 'keep'), false));
    if (negIdx >= 0 && when !== 'drop' && when !== 'keep' && !stances.includes(when)) {
      tags.push(tagOf(base, when, false, true));
    }
  }
  return applySarcasm(tags, lexicon);
}

/** What the tags of one cue share. */
interface TagBase {
  readonly unitId: string;
  readonly entryId: string;
  readonly span: Span;
  readonly weight: number;
  readonly negationSpan: Span | undefined;
  readonly quoted: boolean;
  readonly intensity: number;
  readonly intensifierSpan: Span | undefined;
}

/**
 * One tag of a cue. Built field by field, in the order the tags always had (their JSON is the same),
 * without spreading optional parts: copying spread objects was most of the tagger's time.
 */
function tagOf(base: TagBase, stance: Stance, negated: boolean, viaNegation: boolean): StanceTag {
  const tag: { -readonly [K in keyof StanceTag]: StanceTag[K] } = { unitId: base.unitId, entryId: base.entryId, span: base.span, weight: base.weight } as StanceTag;
  if (base.negationSpan !== undefined) tag.negationSpan = base.negationSpan;
  if (base.quoted) tag.discount = 'quoted';
  if (base.intensifierSpan !== undefined) {
    tag.intensity = base.intensity;
    tag.intensifierSpan = base.intensifierSpan;
  }
  tag.stance = stance;
  tag.negated = negated;
  if (viaNegation) tag.viaNegation = true;
  return tag;
}

/** True when a clause ends anywhere between token `a` and token `b`. */
function breaksBetween(tokens: readonly Token[], a: number, b: number, text: string): boolean {
  for (let k = a; k < b; k += 1) if (clauseBreakAfter(tokens, k, text)) return true;
  return false;
}

/** A counted sarcasm cue turns the unit's counted cues of the stances it cancels into irony. */
function applySarcasm(tags: StanceTag[], lexicon: Lexicon): StanceTag[] {
  const cancelled = new Set<Stance>();
  for (const t of tags) {
    const entry = lexicon.byId.get(t.entryId);
    if (entry?.kind === 'sarcasm' && counts(t)) for (const s of entry.cancels ?? []) cancelled.add(s);
  }
  if (cancelled.size === 0) return tags;
  return tags.map((t) => (cancelled.has(t.stance) && counts(t) ? { ...t, discount: 'ironic' as const } : t));
}

/** True when a tag adds to its stance's score. */
export function counts(tag: StanceTag): boolean {
  return !tag.negated && tag.discount === undefined;
}
