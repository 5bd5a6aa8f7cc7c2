import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findClaims } from '../../src/claims/find-claims.js';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';
import type { Unit, UnitKind } from '../../src/model.js';
import { tagUnitStances } from '../../src/stance/claim-stance-tags.js';
import { scoreStances } from '../../src/stance/score-stances.js';
import { tokenise } from '../../src/text/tokenise.js';

const lexicons = loadLexicons(path.resolve('lexicons'));

function analyse(text: string, kind: UnitKind = 'comment'): { labels: Record<string, number>; fromClaims: string[] } {
  const unit: Unit = { id: 'u#1', docId: 'u', position: 1, kind, depth: 0, text };
  const tokens = tokenise(text);
  const tags = tagUnitStances(unit, tokens, findClaims(unit, tokens, lexicons.claims, lexicons.claimConcepts), lexicons);
  const labels = Object.fromEntries(scoreStances(text, tags, lexicons.categories).map((v) => [v.stance, v.label]));
  const fromClaims = tags.filter((t) => lexicons.claims.byId.has(t.entryId)).map((t) => `${t.negated ? 'NOT ' : t.discount === undefined ? '' : `${t.discount.toUpperCase()} `}${t.entryId}→${t.stance}`);
  return { labels, fromClaims };
}

describe('stances signalled by claims (a claim\'s "also")', () => {
  it('a claim worded without any stance cue sets the stances its entry names', () => {
    const r = analyse('Au final les ministères resignent avec Oracle.');
    expect(r.fromClaims).toEqual(['gafam_dependence→sovereigntist']);
    expect(r.labels.sovereigntist).toBe(1);
  });

  it('a claim that signals two stances tags both', () => {
    expect(analyse('Les hébergeurs français n’ont jamais été consultés pour ce marché.').fromClaims).toEqual(expect.arrayContaining(['french_players_ignored→sceptical', 'french_players_ignored→sovereigntist']));
  });

  it('a negated claim gives a negated tag that does not count', () => {
    const r = analyse('Aucun ministère ne resigne avec Oracle.');
    expect(r.fromClaims.every((t) => t.startsWith('NOT '))).toBe(true);
    expect(r.labels.sovereigntist).toBe(0);
  });

  it('in an article body a claim inside quotation marks is reported speech', () => {
    const r = analyse('Les opposants dénoncent « un gaspillage d’argent public » selon leur communiqué.', 'article');
    expect(r.fromClaims).toEqual(['QUOTED public_money_wasted→sceptical']);
  });

  it('praise from a claim is irony when the unit holds a sarcasm cue that cancels it', () => {
    const r = analyse('Enfin l’État se réveille, cette fois ça va marcher !');
    expect(r.fromClaims.some((t) => t.startsWith('IRONIC ') && t.endsWith('→trust_state'))).toBe(true);
    expect(r.labels.trust_state).toBe(0);
  });
});
