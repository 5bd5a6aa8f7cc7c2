import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimFeatureNames, claimSignals } from '../../src/claims/claim-signals.js';
import { CLAIM_COLUMNS } from '../../src/report/columns.js';
import { explainFittedClaims } from '../../src/commands/explain-claims.js';
import type { CodedUnit } from '../../src/evaluate/read-coded.js';
import { fitClaims } from '../../src/fit/fit-claims.js';
import { fittedClaimsYaml } from '../../src/fit/write-fitted-claims.js';
import { FITTED_CLAIMS_FILE, parseFittedClaims } from '../../src/lexicon/load-fitted-claims.js';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';
import type { Unit } from '../../src/model.js';
import { run } from '../../src/run.js';
import { tokenise } from '../../src/text/tokenise.js';
import { optionsFor, tempDir } from '../run/run-helpers.js';

const lexicons = loadLexicons(path.resolve('lexicons'), { fitted: false });
const unit = (text: string, kind: Unit['kind'] = 'comment'): Unit => ({ id: 'd#1', docId: 'd', position: 1, kind, depth: 0, text });
const signalsOf = (text: string, kind: Unit['kind'] = 'comment') => claimSignals(unit(text, kind), tokenise(text), lexicons.claims, lexicons.claimConcepts).signals;

// A tiny coded sample where the claim is said with one slot of its rule only: a US vendor named,
// no verb of staying ("Du Teams dans chaque service") — the lexicon alone never finds it.
function coded(): CodedUnit[] {
  const units: CodedUnit[] = [];
  const vendors = ['Teams', 'Outlook', 'Azure', 'Windows', 'Google', 'Amazon', 'Microsoft', 'Gmail'];
  vendors.forEach((v, p) => {
    const add = (position: number, text: string, claims: string[]): void => {
      units.push({ docId: `p${p}`, position, kind: 'comment', text, labels: { trust_state: 0, sceptical: 0, sovereigntist: 0 }, claims, note: '', source: `p${p}:${position}` });
    };
    add(1, `Du ${v} dans chaque service.`, ['gafam_dependence']);
    add(2, 'Il pleut sur la préfecture ce matin.', []);
    add(3, 'Le conseil municipal se réunit jeudi soir.', []);
  });
  return units;
}

describe('claim signals (the features of the claims model)', () => {
  it('tell a phrase, a rule, a negated finding, one slot filled and the concepts present apart', () => {
    const oneSlot = signalsOf('Du Windows dans chaque service.');
    expect([...oneSlot.phrase, ...oneSlot.rule]).not.toContain('gafam_dependence');
    expect(oneSlot.someSlot.has('gafam_dependence')).toBe(true);
    expect(oneSlot.allSlots.has('gafam_dependence')).toBe(false);
    expect(claimFeatureNames(oneSlot, 'gafam_dependence')).toEqual(expect.arrayContaining(['lexicon.some_slot', 'concept.us_vendor']));
    expect(claimFeatureNames(oneSlot, 'gafam_dependence')).not.toContain('lexicon.rule');
    const phrase = signalsOf("C'est un gaspillage d'argent public.");
    expect(phrase.phrase.has('public_money_wasted')).toBe(true);
    expect(claimFeatureNames(phrase, 'public_money_wasted')).toContain('lexicon.phrase');
    const denied = signalsOf("Ce n'est pas un gaspillage d'argent public.");
    expect(denied.phrase.has('public_money_wasted')).toBe(false);
    expect(denied.negated.has('public_money_wasted')).toBe(true);
    expect(claimFeatureNames(signalsOf('Du Windows dans chaque service.', 'article'), 'gafam_dependence')).toContain('unit.article');
  });
});

describe('fit --claims: the model file, and run using it', () => {
  const units = coded();
  const { fits, kept } = fitClaims(units, lexicons, { minPositives: 3, features: [] });
  const yaml = fittedClaimsYaml(fits, kept, 3, { goldSha256: 'x', goldUnits: units.length, lexiconsSha256: 'y' });

  it('fits the one-slot claim (the lexicon finds none of it) and leaves claims without coded units to the lexicon', () => {
    const fit = fits.find((f) => f.claimId === 'gafam_dependence')!;
    expect(fit.lexiconF1).toBe(0);
    expect(fit.cvF1).toBeGreaterThan(0.9);
    expect(fits.map((f) => f.claimId)).toEqual(['gafam_dependence']);
    expect(kept.map((k) => k.claimId)).toContain('public_money_wasted');
  });

  it('writes a readable file that loads back to the same weights', () => {
    const back = parseFittedClaims(yaml, lexicons.claims, lexicons.claimConcepts, (m) => new Error(m)).fitted.claims.get('gafam_dependence')!;
    const fit = fits.find((f) => f.claimId === 'gafam_dependence')!;
    expect(back.intercept).toBe(fit.intercept);
    expect(back.threshold).toBe(fit.threshold);
    expect([...back.features]).toEqual(fit.features.map(([n, w]) => [n, w]));
    expect(back.features.get('concept.us_vendor')).toBeGreaterThan(0);
    expect(yaml).toMatch(/^claims:\n {2}gafam_dependence:\n/mu);
    expect(() => parseFittedClaims(yaml.replace('concept.us_vendor', 'concept.gone'), lexicons.claims, lexicons.claimConcepts, (m) => new Error(m))).toThrow(/"concept\.gone" is not a feature/u);
    expect(() => parseFittedClaims(yaml.replace('  gafam_dependence:', '  no_such_claim:'), lexicons.claims, lexicons.claimConcepts, (m) => new Error(m))).toThrow(/not a claim of claims\.fr\.yaml/u);
  });

  it('run reports the claims of the model (claims.csv columns unchanged), and the lexicon alone with --no-fitted', async () => {
    const dir = tempDir('claimfit');
    const lexiconDir = path.join(dir, 'lexicons');
    cpSync('lexicons', lexiconDir, { recursive: true });
    writeFileSync(path.join(lexiconDir, FITTED_CLAIMS_FILE), yaml);
    const withFile = loadLexicons(lexiconDir);
    expect(withFile.fittedClaims?.claims.has('gafam_dependence')).toBe(true);
    const text = 'Le rectorat a du Outlook dans chaque bureau.';
    const explained = explainFittedClaims(unit(text), tokenise(text), withFile).join('\n');
    expect(explained).toMatch(/^ {2}gafam_dependence: found, score -?[\d.]+ \(≥ -?[\d.]+; intercept -?[\d.]+\)\n {4}\+ [\d.]+ concept\.us_vendor$/mu);
    expect(explainFittedClaims(unit(text), tokenise(text), loadLexicons(lexiconDir, { fitted: false }))).toEqual([]);
    const corpus = path.join(dir, 'corpus');
    mkdirSync(corpus);
    writeFileSync(path.join(corpus, 'thread.csv'), 'text,doc_id,kind,comment_id\n"Le rectorat change de messagerie.",t,article,\n"Le rectorat a du Outlook dans chaque bureau.",t,comment,k1\n');
    const claimsOf = async (fitted: boolean): Promise<string[]> => {
      const out = path.join(dir, `out-${fitted}`);
      await run(optionsFor(corpus, out, { lexiconDir, workers: 1, fitted }));
      return readFileSync(path.join(out, 'claims.csv'), 'utf8').split(/\r?\n/u).filter((l) => l !== '');
    };
    const withModel = await claimsOf(true);
    const lexiconAlone = await claimsOf(false);
    expect(withModel[0]!.split(',').slice(0, CLAIM_COLUMNS.length)).toEqual([...CLAIM_COLUMNS]);
    expect(withModel[0]).toBe(lexiconAlone[0]);
    expect(lexiconAlone.some((l) => l.startsWith('gafam_dependence,'))).toBe(false);
    // The model's claim, shown by the concept family that weighs most: the vendor's name.
    expect(withModel.find((l) => l.startsWith('gafam_dependence,'))).toMatch(/,outlook,thread#t#1,.*\[Outlook\]/u);
    const mentions = readFileSync(path.join(dir, 'out-true', 'claim_mentions.csv'), 'utf8');
    expect(mentions).toMatch(/^gafam_dependence,thread#t#1,thread#t,Outlook,17,24,/mu);
  }, 120_000);
});
