import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';
import type { StanceTag, Unit, UnitKind } from '../../src/model.js';
import { scoreStances } from '../../src/stance/score-stances.js';
import { counts, tagStances } from '../../src/stance/tag-stances.js';
import { tokenise } from '../../src/text/tokenise.js';

const { stances, categories } = loadLexicons(path.resolve('lexicons'));

function tag(text: string, kind: UnitKind = 'comment'): StanceTag[] {
  const unit: Unit = { id: 'd#1', docId: 'd', position: 1, kind, depth: 0, text };
  return tagStances(unit, tokenise(text), { lexicon: stances });
}

const counted = (text: string, kind: UnitKind = 'comment'): string[] => tag(text, kind).filter(counts).map((t) => t.entryId);
const labels = (text: string, kind: UnitKind = 'comment'): Record<string, number> =>
  Object.fromEntries(scoreStances(text, tag(text, kind), categories).map((v) => [v.stance, v.label]));

describe('tagStances: negation', () => {
  it('negates a cue after "ne … pas" and reports it rather than dropping it', () => {
    const tags = tag("Ce n'est pas une bonne décision.");
    const t = tags.find((x) => x.entryId === 'trust_state.bonne-decision')!;
    expect(t.negated).toBe(true);
    expect(t.negationSpan).toBeDefined();
  });

  it('negates in spoken French without "ne"', () => {
    expect(tag("C'est pas un gaspillage.").find((t) => t.entryId === 'sceptical.gaspillage')?.negated).toBe(true);
  });

  it('negates with "jamais", "aucun" and "sans"', () => {
    expect(tag("Il n'y a jamais eu de gaspillage.").some((t) => t.negated)).toBe(true);
    expect(tag('Aucun gaspillage constaté.').some((t) => t.negated)).toBe(true);
    expect(tag('Un projet mené sans gaspillage.').some((t) => t.negated)).toBe(true);
  });

  it('reads "plus" as a negation only after "ne" ("plus" compares elsewhere)', () => {
    expect(tag("Ce n'est plus un gâchis.").find((t) => t.entryId === 'sceptical.gachis')?.negated).toBe(true);
    expect(tag("C'est plus qu'un gâchis.").find((t) => t.entryId === 'sceptical.gachis')?.negated).toBe(false);
  });

  it('stops the scope at a comma or at "mais"', () => {
    expect(tag("Pas cher, mais un gâchis.").find((t) => t.entryId === 'sceptical.gachis')?.negated).toBe(false);
    expect(tag("Ce n'est pas cher et c'est un gâchis.").find((t) => t.entryId === 'sceptical.gachis')?.negated).toBe(false);
  });

  it('does not treat fixed phrases such as "sans doute" or "pas des moindres" as negations', () => {
    expect(tag("C'est sans doute un gâchis.").find((t) => t.entryId === 'sceptical.gachis')?.negated).toBe(false);
    expect(tag('Et pas des moindres, un gâchis.').find((t) => t.entryId === 'sceptical.gachis')?.negated).toBe(false);
  });

  it('keeps the stance of an entry marked when_negated: keep ("pas souverain")', () => {
    expect(labels("Un cloud chez Google n'est pas souverain.").sovereigntist).toBe(1);
  });

  it('sends a negated cue to the stance its entry names ("pas une bonne décision" → sceptical)', () => {
    const tags = tag("Ce n'est vraiment pas une bonne décision.");
    expect(tags.find((t) => t.stance === 'sceptical' && t.viaNegation === true)?.entryId).toBe('trust_state.bonne-decision');
    expect(labels("Ce n'est vraiment pas une bonne décision.")).toMatchObject({ trust_state: 0, sceptical: 1 });
  });

  it('does not let a negation spent inside an earlier cue negate the next one', () => {
    const text = 'Des nains qui ne pourront pas lutter avec les pratiques déloyales.';
    expect(tag(text).find((t) => t.entryId === 'sovereigntist.concurrence-deloyale')?.negated).toBe(false);
  });

  it('treats "pas" as a noun inside a cue ("un pas dans la bonne direction") without negating it', () => {
    expect(labels('Un pas dans la bonne direction.').trust_state).toBe(1);
    expect(labels('Cela ne va pas dans le bon sens.').trust_state).toBe(0);
  });
});

describe('tagStances: quotation, sarcasm, intensity', () => {
  it('sets aside cues an article only quotes («…»), but counts them in comments', () => {
    const text = "« Gaspillage d'argent public », ont dit les concurrents.";
    expect(tag(text, 'article').find((t) => t.entryId === 'sceptical.gaspillage-argent-public')?.discount).toBe('quoted');
    expect(labels(text, 'article').sceptical).toBe(0);
    expect(labels(text, 'comment').sceptical).toBe(1);
  });

  it('turns praise into irony when the unit holds a sarcasm cue', () => {
    const text = "Il était temps ! Vu les succès précédents, cette fois ça va marcher !";
    const t = tag(text).find((x) => x.entryId === 'trust_state.il-etait-temps')!;
    expect(t.discount).toBe('ironic');
    expect(labels(text)).toMatchObject({ trust_state: 0, sceptical: 1 });
  });

  it('counts a sarcasm cue for a second stance when its entry says so', () => {
    expect(labels('Le site est chez Amazon. Vous appelez ça souverain ???')).toMatchObject({ sceptical: 1, sovereigntist: 1 });
  });

  it('multiplies a cue by the intensifier right before it', () => {
    const t = tag('Un projet vraiment coûteux.').find((x) => x.entryId === 'sceptical.cher')!;
    expect(t.intensity).toBe(1.5);
    const weak = tag('Une démarche vraiment ambitieuse.').find((x) => x.entryId === 'trust_state.courageux')!;
    expect(weak.weight * (weak.intensity ?? 1)).toBe(0.75);
  });

  it('does not carry an intensifier across a comma', () => {
    expect(tag('Vraiment, un projet coûteux.').find((x) => x.entryId === 'sceptical.cher')?.intensity).toBeUndefined();
  });

  it('finds cues across elisions, typographic apostrophes, ALL-CAPS and no-break spaces', () => {
    expect(counted('L’INCOMPÉTENCE DE L’ÉTAT')).toContain('sceptical.incompetence-gouvernement');
    expect(counted('le\u00a0Cloud\u202fAct')).toContain('sovereigntist.cloud-act');
  });

  it('lets the longest match win and counts no token twice', () => {
    expect(counted("Quel gaspillage d'argent public")).toEqual(['sceptical.gaspillage-argent-public']);
  });
});
