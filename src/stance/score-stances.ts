import { STANCES, type StanceTag, type StanceVerdict } from '../model.js';

/** Score at which a stance label is set: one ordinary cue (weight 1) is enough. */
export const LABEL_THRESHOLD = 1;

/**
 * Turn a unit's tags into one verdict per stance. A negated cue counts against its stance
 * ("ce n'est pas souverain" is no sovereigntist cue), and is shown in the evidence as such.
 */
export function scoreStances(text: string, tags: readonly StanceTag[]): StanceVerdict[] {
  return STANCES.map((stance) => {
    const mine = tags.filter((t) => t.stance === stance);
    const score = mine.reduce((sum, t) => sum + (t.negated ? -t.weight : t.weight), 0);
    const evidence = mine
      .map((t) => `${t.negated ? 'NOT ' : ''}"${text.slice(t.span.start, t.span.end)}" [${t.entryId}]`)
      .join('; ');
    return {
      stance,
      score: Math.max(0, Math.round(score * 1000) / 1000),
      label: score >= LABEL_THRESHOLD ? 1 : 0,
      hits: mine.filter((t) => !t.negated).length,
      evidence,
    };
  });
}
