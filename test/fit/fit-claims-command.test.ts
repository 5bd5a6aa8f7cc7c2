import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliChild as cli } from '../builders/cli-child.js';

// 20 pages, each with one unit coded gafam_dependence that names a US vendor and no verb of staying
// (one slot of the claim's rule: the lexicon alone misses it) and two units with no claim.
const rows = ['doc_id\tunit\tkind\ttext\ttrust_state\tsceptical\tsovereigntist\tclaims\tnote'];
const vendors = ['Teams', 'Outlook', 'Azure', 'Windows', 'Google'];
for (let p = 0; p < 20; p += 1) {
  rows.push(`p${p}\t1\tcomment\tDu ${vendors[p % vendors.length]!} dans chaque service.\t0\t0\t1\tgafam_dependence\t`);
  rows.push(`p${p}\t2\tcomment\tIl pleut sur la préfecture ce matin.\t0\t0\t0\t\t`);
  rows.push(`p${p}\t3\tcomment\tLe conseil municipal se réunit jeudi soir.\t0\t0\t0\t\t`);
}
const work = mkdtempSync(path.join(tmpdir(), 'controverse-fitclaims-'));
const gold = path.join(work, 'coded.tsv');
writeFileSync(gold, `${rows.join('\n')}\n`);
const lexicons = path.join(work, 'lexicons');
cpSync('lexicons', lexicons, { recursive: true });

describe('controverse fit --claims', () => {
  it('writes fitted-claims.yaml beside the lexicons (fitted.yaml untouched) and prints each claim, fitted or left to the lexicon', async () => {
    const r = await cli('fit', '--gold', gold, '-l', lexicons, '--claims', '--features', 'article');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^claims fitted on 60 units, 20 pages/u);
    expect(r.stdout).toMatch(/^ {2}gafam_dependence +20 +[\d.]+ +none {2}- +0\.00 +1\.00$/mu);
    expect(r.stdout).toMatch(/^ {2}public_money_wasted +0 {2}lexicon alone: fewer than 20 coded units$/mu);
    const file = readFileSync(path.join(lexicons, 'fitted-claims.yaml'), 'utf8');
    expect(file).toMatch(/^claims:\n {2}gafam_dependence:\n/mu);
    expect(file).toMatch(/^ {6}concept\.us_vendor: [\d.]+$/mu);
    expect(() => readFileSync(path.join(lexicons, 'fitted.yaml'))).toThrow();
    const explain = await cli('explain', '--text', 'Le rectorat a du Outlook dans chaque bureau.', '-l', lexicons);
    expect(explain.stdout).toMatch(/^ {2}gafam_dependence: found, score/mu);
    const evaluate = await cli('evaluate', '--gold', gold, '-l', lexicons);
    expect(evaluate.stdout).toMatch(/, lexicon alone: 60 units[^]*claims +0\.00 +0\.00 +0\.00 [^]*, fitted claims: 60 units[^]*claims +1\.00 +1\.00 +1\.00 /u);
    expect(evaluate.stdout).toMatch(/claims F1 fitted claims \(.*fitted-claims\.yaml\) − lexicon alone: \+1\.00 \[/u);
    expect(evaluate.stdout).toMatch(/these claims were fitted on this very sample/u);
  }, 180_000);

  it('refuses a feature group of the stance fit', async () => {
    const r = await cli('fit', '--gold', gold, '-l', lexicons, '--claims', '--features', 'bigrams');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--features: "bigrams" is not a feature group of the claims fit/u);
  });
});
