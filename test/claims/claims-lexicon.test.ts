import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findClaims } from '../../src/claims/find-claims.js';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';
import type { Unit } from '../../src/model.js';
import { tokenise } from '../../src/text/tokenise.js';

const { claims, claimConcepts } = loadLexicons(path.resolve('lexicons'));

/** The claim ids issue 6 asks for; the lexicon may hold more. */
const REQUIRED = [
  'public_money_wasted', 'state_projects_fail', 'state_incompetence', 'us_extraterritorial_law', 'software_still_american',
  'gafam_dependence', 'cloud_de_confiance_lie', 'gaia_x_infiltrated', 'european_cooperation_fails', 'french_players_ignored',
  'finally_acting', 'us_predation', 'us_kill_switch', 'eu_alternatives_exist', 'state_slow_to_act', 'us_vendor_assurances_unreliable',
];

function claimsIn(text: string): { id: string; negated: boolean }[] {
  const unit: Unit = { id: 'case#0', docId: 'case', position: 0, kind: 'comment', depth: 0, text };
  return findClaims(unit, tokenise(text), claims, claimConcepts).map((m) => ({ id: m.claimId, negated: m.negated }));
}

const cases = claims.entries.flatMap((e) => [
  ...e.examples.map((text) => ({ id: e.id, text, expected: true })),
  ...e.counter.map((text) => ({ id: e.id, text, expected: false })),
]);

describe('the claims lexicon', () => {
  it('holds every claim of issue 6, each with a label, a definition, several variants, examples and counter examples', () => {
    const byId = new Map(claims.entries.map((e) => [e.id, e]));
    for (const id of REQUIRED) {
      const e = byId.get(id);
      expect(e, id).toBeDefined();
      expect(e!.label, id).toBeTruthy();
      expect(e!.definition, id).toBeTruthy();
      expect(e!.match.length, id).toBeGreaterThanOrEqual(10);
      expect(e!.examples.length, id).toBeGreaterThanOrEqual(3);
      expect(e!.counter.length, id).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(cases)('$id: finds it in "$text" = $expected', ({ id, text, expected }) => {
    const found = claimsIn(text).filter((c) => c.id === id && !c.negated);
    expect(found.length > 0).toBe(expected);
  });

  it('reports a negated mention as negated instead of dropping it', () => {
    expect(claimsIn("Ce n'est pas un gaspillage d'argent public.")).toEqual([{ id: 'public_money_wasted', negated: true }]);
  });

  it('reports a negation inside a gap of the match as negated', () => {
    expect(claimsIn('Le Cloud Act ne change rien : milliards jamais dilapidés.')).toContainEqual({ id: 'public_money_wasted', negated: true });
  });

  it('matches across case, accents, typographic apostrophes and elisions', () => {
    expect(claimsIn('QUEL GASPILLAGE D’ARGENT PUBLIC').map((c) => c.id)).toEqual(['public_money_wasted']);
    expect(claimsIn("l'extraterritorialite du droit americain").map((c) => c.id)).toContain('us_extraterritorial_law');
  });
});
