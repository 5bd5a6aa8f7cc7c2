import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClaimConcepts } from '../../src/claims/claim-concepts.js';
import { findClaims } from '../../src/claims/find-claims.js';
import { Lexicon, type LexiconEntry } from '../../src/lexicon/lexicon.js';
import { compilePattern, LexiconError, loadLexicons } from '../../src/lexicon/load-lexicon.js';
import type { Unit } from '../../src/model.js';
import { tokenise } from '../../src/text/tokenise.js';

const shipped = loadLexicons(path.resolve('lexicons'));

function concept(id: string, match: string[]): LexiconEntry {
  return { id, weight: 1, match, patterns: match.map(compilePattern), containsNegation: match.some((m) => /\b(pas|jamais)\b/u.test(m)), examples: [], counter: [], source: 'test' };
}

const concepts = new ClaimConcepts(
  new Lexicon([concept('vendor', ['microsoft', 'amazon', 'géant* américain*']), concept('signs', ['signe', 'signent', 'resign*', 'contrat*']), concept('ignored', ['jamais consulté*', 'consulté*'])], shipped.claims.negation),
  [{ claimId: 'dependence', concepts: [['vendor'], ['signs']], source: 'test' }, { claimId: 'passed_over', concepts: [['ignored'], ['vendor']], source: 'test' }],
  8,
);

function found(text: string): { id: string; negated: boolean; match: string }[] {
  const unit: Unit = { id: 'c#0', docId: 'c', position: 0, kind: 'comment', depth: 0, text };
  return findClaims(unit, tokenise(text), shipped.claims, concepts).map((m) => ({ id: m.claimId, negated: m.negated, match: m.match })).filter((m) => m.id === 'dependence' || m.id === 'passed_over');
}

describe('claims found by co-occurring concepts', () => {
  it('finds a claim whose concepts share a sentence, in either order and any inflection', () => {
    expect(found('Au bout du compte tout le monde signe chez Amazon.')).toEqual([{ id: 'dependence', negated: false, match: 'signe chez Amazon' }]);
    expect(found('Les MINISTÈRES RESIGNENT avec Microsoft.')).toEqual([{ id: 'dependence', negated: false, match: 'RESIGNENT avec Microsoft' }]);
    expect(found('Un géant américain décroche encore les contrats.').map((m) => m.id)).toEqual(['dependence']);
  });

  it('finds two concepts that start at the same word, each by its own longest pattern', () => {
    const overlap = new ClaimConcepts(
      new Lexicon([concept('stays', ['tourne sous', 'tournent sous']), concept('works', ['tourne', 'tournent']), concept('software', ['linux'])], shipped.claims.negation),
      [{ claimId: 'alternative', concepts: [['software'], ['works']], source: 'test' }],
      8,
    );
    const text = 'La mairie tourne sous Linux depuis dix ans.';
    expect(overlap.find(tokenise(text), text).map((m) => m.claimId)).toEqual(['alternative']);
    expect(overlap.concepts.longestPerEntryAt(tokenise(text), 2).map((m) => [m.entry.id, m.end - m.start])).toEqual([['works', 1], ['stays', 2]]);
  });

  it('does not reach across a sentence break or past `within` words', () => {
    expect(found('Microsoft a publié ses résultats. Le maire signe le registre.')).toEqual([]);
    expect(found('Microsoft, dit-on depuis des mois dans tous les couloirs du bâtiment, signe.')).toEqual([]);
  });

  it('marks the match negated when a concept is negated before it or by "ne … pas" around it', () => {
    expect(found('Aucun contrat avec Microsoft cette année.')).toEqual([{ id: 'dependence', negated: true, match: 'contrat avec Microsoft' }]);
    expect(found('Microsoft ne signe pas ce marché.')).toEqual([{ id: 'dependence', negated: true, match: 'Microsoft ne signe' }]);
  });

  it('keeps a negation that the concept spells itself ("jamais consultés"), preferring it to the bare word', () => {
    expect(found('Les petits n’ont jamais été consultés, Amazon si.')).toEqual([{ id: 'passed_over', negated: true, match: 'consultés, Amazon' }]);
    expect(found('Les hébergeurs ont été jamais consultés par rapport à Amazon.')).toEqual([{ id: 'passed_over', negated: false, match: 'jamais consultés par rapport à Amazon' }]);
  });

  it('finds no claim by concepts in an article body, where a report names vendors and contracts without taking a side', () => {
    const text = 'Au bout du compte tout le monde signe chez Amazon.';
    const article: Unit = { id: 'a#0', docId: 'a', position: 0, kind: 'article', depth: 0, text };
    expect(findClaims(article, tokenise(text), shipped.claims, concepts).map((m) => m.claimId)).not.toContain('dependence');
    expect(found(text).map((m) => m.id)).toEqual(['dependence']);
  });

  it('still finds a claim phrase in an article body', () => {
    const text = 'Selon la Cour des comptes, le projet est un gouffre financier.';
    const article: Unit = { id: 'a#0', docId: 'a', position: 0, kind: 'article', depth: 0, text };
    expect(findClaims(article, tokenise(text), shipped.claims, shipped.claimConcepts).map((m) => m.claimId)).toEqual(['public_money_wasted']);
  });

  it('gives one match per claim and sentence', () => {
    expect(found('Microsoft signe, Amazon signe. Microsoft resigne.').map((m) => m.id)).toEqual(['dependence', 'dependence']);
  });

  it('reads a negation in the clause a denied guarantee opens as no denial of the claim ("pas garantir que … ne … jamais")', () => {
    const guarantee = new ClaimConcepts(
      new Lexicon([concept('no_guarantee', ['pas garantir', 'jamais garantir']), concept('us', ['autorités américaines', 'outre-atlantique'])], shipped.claims.negation),
      [{ claimId: 'reach', concepts: [['no_guarantee'], ['us']], source: 'test' }],
      16,
    );
    const reach = (text: string): boolean[] => guarantee.find(tokenise(text), text).map((m) => m.negated);
    expect(reach('Ils ne peuvent pas garantir que les données ne partiront jamais outre-Atlantique.')).toEqual([false]);
    expect(reach("Il ne pouvait pas garantir qu'elles n'iraient pas chez les autorités américaines.")).toEqual([false]);
    // Without the clause ("que"), the second negation is the claim's own: "pas garantir, et pas outre-Atlantique".
    expect(reach('Ils ne peuvent pas garantir le service, et pas outre-Atlantique.')).toEqual([true]);
  });

  it('prefers a match that is not negated to a negated one of the same claim and sentence', () => {
    const two = new ClaimConcepts(
      new Lexicon([concept('vendor', ['microsoft']), concept('signs', ['signe']), concept('label', ['label'])], shipped.claims.negation),
      [{ claimId: 'dependence', concepts: [['signs'], ['vendor']], source: 'test' }, { claimId: 'dependence', concepts: [['label'], ['vendor']], source: 'test' }],
      16,
    );
    const text = 'Microsoft a son label, même si le ministère ne signe pas.';
    expect(two.find(tokenise(text), text).map((m) => [m.claimId, m.negated])).toEqual([['dependence', false]]);
    const denied = 'Microsoft, le ministère ne signe pas.';
    expect(two.find(tokenise(denied), denied).map((m) => [m.claimId, m.negated])).toEqual([['dependence', true]]);
  });
});

describe('the shipped claims concepts', () => {
  it('find claims through rules that a phrase list alone misses', () => {
    const text = 'Au final les ministères resignent avec Oracle.';
    const unit: Unit = { id: 'c#0', docId: 'c', position: 0, kind: 'comment', depth: 0, text };
    expect(findClaims(unit, tokenise(text), shipped.claims).map((m) => m.claimId)).not.toContain('gafam_dependence');
    expect(findClaims(unit, tokenise(text), shipped.claims, shipped.claimConcepts).map((m) => m.claimId)).toContain('gafam_dependence');
  });

  it('name only concepts that exist, and every concept is used by a rule', () => {
    const used = new Set(shipped.claimConcepts.rules.flatMap((r) => r.concepts.flat()));
    expect(new Set(shipped.claimConcepts.concepts.entries.map((e) => e.id))).toEqual(used);
    for (const r of shipped.claimConcepts.rules) expect(shipped.claims.byId.has(r.claimId), r.claimId).toBe(true);
  });
});

describe('loading concepts and together rules', () => {
  const edited = (edit: (text: string) => string): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'controverse-concepts-'));
    cpSync(path.resolve('lexicons'), dir, { recursive: true });
    const file = path.join(dir, 'claims.fr.yaml');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    return dir;
  };

  it('rejects a rule naming an unknown concept, with file and line', () => {
    const dir = edited((t) => t.replace('together: [[us_vendor, stays_with]]', 'together: [[us_vendor, nowhere]]'));
    expect(() => loadLexicons(dir)).toThrow(/claims\.fr\.yaml:\d+: entry "gafam_dependence": "together" names "nowhere", which is not in "concepts"/);
  });

  it('rejects a rule of one concept and a pattern in two concepts', () => {
    expect(() => loadLexicons(edited((t) => t.replace('together: [[us_vendor, stays_with]]', 'together: [[us_vendor]]')))).toThrow(/at least two concepts/);
    expect(() => loadLexicons(edited((t) => t.replace('us_chips: [nvidia,', 'us_chips: [microsoft, nvidia,')))).toThrow(LexiconError);
  });

  it('rejects "together" outside the claims file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'controverse-concepts-'));
    cpSync(path.resolve('lexicons'), dir, { recursive: true });
    const file = path.join(dir, 'stances', 'sceptical.fr.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n {2}- id: (sceptical\.[a-z-]+)\n/u, '\n  - id: $1\n    together: [[a, b]]\n'));
    expect(() => loadLexicons(dir)).toThrow(/"together" applies to claims only/);
  });
});
