import type { Lexicon } from '../lexicon/lexicon.js';
import type { StanceTag } from '../model.js';
import { counts } from './tag-stances.js';

/**
 * Topic words (entries of kind `topic`: "Google", "AWS", "Microsoft") name what the debate is about,
 * not a position on it: "j'ai fait un Google Form" takes no side. They count only in a unit that
 * takes a position somewhere, that is, holds another counted cue of any stance that is not itself a
 * topic word (a stance cue, a sarcasm cue or a claim: "dorment chez Amazon, ça me gêne vraiment").
 * Alone, they stay in the evidence as ALONE and do not count.
 */
export function applyTopicRule(tags: StanceTag[], lexicon: Lexicon): StanceTag[] {
  const isTopic = (t: StanceTag): boolean => lexicon.byId.get(t.entryId)?.kind === 'topic';
  if (!tags.some(isTopic) || tags.some((t) => counts(t) && !isTopic(t))) return tags;
  return tags.map((t) => (isTopic(t) && counts(t) ? { ...t, discount: 'alone' as const } : t));
}
