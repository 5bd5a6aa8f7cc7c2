import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findClaims } from '../../src/claims/find-claims.js';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';
import type { Unit } from '../../src/model.js';
import { tagUnitStances } from '../../src/stance/claim-stance-tags.js';
import { scoreStances } from '../../src/stance/score-stances.js';
import { tokenise } from '../../src/text/tokenise.js';

const lexicons = loadLexicons(path.resolve('lexicons'), { fitted: false });

function verdicts(text: string): Record<string, { label: number; evidence: string }> {
  const unit: Unit = { id: 'u#1', docId: 'u', position: 1, kind: 'comment', depth: 0, text };
  const tokens = tokenise(text);
  const tags = tagUnitStances(unit, tokens, findClaims(unit, tokens, lexicons.claims, lexicons.claimConcepts), lexicons);
  return Object.fromEntries(scoreStances(text, tags, lexicons.categories).map((v) => [v.stance, { label: v.label, evidence: v.evidence }]));
}

describe('topic words (kind: topic): US vendor names count only in a unit that takes a position', () => {
  it('are shipped as topic words', () => {
    expect(lexicons.stances.byId.get('sovereigntist.entreprises-us')?.kind).toBe('topic');
  });

  it('alone, name the subject without a stance: shown as ALONE, not counted', () => {
    const v = verdicts("J'ai fait un Google Form pour les inscriptions.");
    expect(v.sovereigntist!.label).toBe(0);
    expect(v.sovereigntist!.evidence).toBe('ALONE "Google" [sovereigntist.entreprises-us]');
  });

  it('count with another counted cue of any stance, even a weak one of another stance', () => {
    const v = verdicts('Encore une fois, tout est chez Amazon.');
    expect(v.sceptical!.evidence).toContain('[sceptical.comme-d-habitude]');
    expect(v.sovereigntist!.label).toBe(1);
    expect(v.sovereigntist!.evidence).toBe('"Amazon" [sovereigntist.entreprises-us]');
  });

  it('count with a claim as the other cue', () => {
    const v = verdicts('Au final les ministères resignent avec Oracle.');
    expect(v.sovereigntist!.evidence).toContain('"Oracle" [sovereigntist.entreprises-us]');
    expect(v.sovereigntist!.evidence).not.toContain('ALONE');
  });

  it('are not lifted by a negated cue or by another topic word', () => {
    expect(verdicts("C'est Google Cloud, pas Google tout court.").sovereigntist!.label).toBe(0);
    expect(verdicts('Les gros fournisseurs : AWS, Azure, Google Cloud.').sovereigntist!.label).toBe(0);
  });
});

describe('a denied failure or waste defends the project (when_negated: trust_state, annotation rule 4)', () => {
  it.each([
    'Il n’y a eu aucune gabegie dans ce budget.',
    "Ce n'était pas du gaspillage, des études ont abouti.",
    'Je ne pense absolument pas que ça ait été un échec complet.',
  ])('"%s" is trust_state, not sceptical', (text) => {
    const v = verdicts(text);
    expect(v.trust_state!.label).toBe(1);
    expect(v.sceptical!.label).toBe(0);
    expect(v.sceptical!.evidence).toMatch(/^NOT /u);
  });

  it('a failure asserted stays sceptical only', () => {
    expect(verdicts('Un échec de plus.')).toMatchObject({ trust_state: { label: 0 }, sceptical: { label: 1 } });
  });
});

describe('round 4 entries and narrowed ones (issue 15)', () => {
  it.each([
    ['Cette appli, elle servait à quoi en vrai ?', 'sceptical'],
    ['Vous trouvez ça normal ?', 'sceptical'],
    ['Une réforme apprise par la presse.', 'sceptical'],
    ['Le label, c\'est du greenwashing.', 'sceptical'],
    ['Je trouve l\'idée bien.', 'trust_state'],
    ['Au moins les données ne partent pas en Californie.', 'sovereigntist'],
    ['bref. #DéGAFAMisons', 'sovereigntist'],
    ['Des briques libres plutôt qu\'une licence propriétaire.', 'sovereigntist'],
  ])('"%s" is %s', (text, stance) => {
    expect(verdicts(text)[stance]!.label).toBe(1);
  });

  it('reads "ouf" as slang for "fou" and "soyons honnêtes" as opening a criticism, not as praise', () => {
    expect(verdicts("C'est ouf qu'on en soit encore là.").trust_state!.label).toBe(0);
    expect(verdicts('Soyons honnêtes, la certification ne vaut rien.').trust_state!.label).toBe(0);
  });
});
