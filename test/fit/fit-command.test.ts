import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliChild as cli } from '../builders/cli-child.js';

// Ten pages where "souverain" is used by people coded as not sovereigntist (see fit-stances.test.ts).
const rows = ['doc_id\tunit\tkind\ttext\ttrust_state\tsceptical\tsovereigntist\tclaims\tnote'];
for (let p = 0; p < 10; p += 1) {
  rows.push(`p${p}\t0\tcomment\tLe mot souverain est partout dans ce rapport.\t0\t0\t0\t\t`);
  rows.push(`p${p}\t1\tcomment\tEncore un mot souverain pour vendre un produit.\t0\t0\t${p === 0 ? 1 : 0}\t\t`);
  rows.push(`p${p}\t2\tcomment\tNos données chez Microsoft, merci les Américains.\t0\t0\t1\t\t`);
  rows.push(`p${p}\t3\tcomment\tRien à voir, il pleut.\t0\t0\t0\t\t`);
}
const work = mkdtempSync(path.join(tmpdir(), 'controverse-fitcmd-'));
const gold = path.join(work, 'coded.tsv');
writeFileSync(gold, `${rows.join('\n')}\n`);
const lexicons = path.join(work, 'lexicons');
cpSync('lexicons', lexicons, { recursive: true });

describe('controverse fit, and the commands that use its weights', () => {
  it('writes fitted.yaml into the lexicon folder; evaluate shows both (not with --no-fitted), explain and run use it', async () => {
    const fit = await cli('fit', '--gold', gold, '-l', lexicons);
    expect(fit.status).toBe(0);
    expect(fit.stdout).toMatch(/fitted on 40 units, 10 pages/u);
    const fitted = readFileSync(path.join(lexicons, 'fitted.yaml'), 'utf8');
    expect(fitted).toMatch(/^gold_sha256: [0-9a-f]{64}$/mu);
    expect(fitted).not.toMatch(/20\d\d-\d\d-\d\d/u); // no date: the same fit writes the same bytes

    const evaluate = await cli('evaluate', '--gold', gold, '-l', lexicons);
    expect(evaluate.stdout).toMatch(/lexicon weights \(unfitted\): 40 units/u);
    expect(evaluate.stdout).toMatch(/fitted weights \(.*fitted\.yaml\): 40 units/u);
    expect(evaluate.stdout).toMatch(/macro-F1 fitted − unfitted: \+\d\.\d\d \[/u);
    expect(evaluate.stdout).toMatch(/fitted on this very sample/u);
    expect((await cli('evaluate', '--gold', gold, '-l', lexicons, '--no-fitted')).stdout).not.toMatch(/fitted/u);

    const explain = await cli('explain', '--text', 'Un discours souverain de plus.', '-l', lexicons);
    expect(explain.stdout).toMatch(/scores with the fitted weights of fitted\.yaml/u);
    expect(explain.stdout).toMatch(/sovereigntist: label 0, score [\d.]+ \([\d.]+ < [\d.]+\)\n {4}\+ [\d.]+ "souverain" \[sovereigntist\.souverain\] \(fitted weight/u);

    const corpus = path.join(work, 'corpus');
    cpSync('test/fixtures/corpora/basic', corpus, { recursive: true });
    const out = path.join(work, 'out');
    expect((await cli('run', corpus, '--out', out, '-l', lexicons, '--quiet')).status).not.toBe(2);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { options: { fitted: boolean }; lexicons: { path: string }[] };
    expect(manifest.options.fitted).toBe(true);
    expect(manifest.lexicons.map((l) => l.path)).toContain('fitted.yaml');
  }, 180_000);

  it('refuses fitted weights that name an entry the lexicons no longer have', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'controverse-stale-'));
    cpSync('lexicons', dir, { recursive: true });
    writeFileSync(path.join(dir, 'fitted.yaml'), 'format: 1\nversion: 1\nstances:\n  sceptical:\n    intercept: -1\n    threshold: 1\n    lexicon_scale: 1\n    entries:\n      sceptical.gone: 2\n');
    const r = await cli('explain', '--text', 'Bonjour.', '-l', dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/fitted\.yaml: stances\.sceptical\.entries: "sceptical\.gone" is not an entry of stance sceptical/u);
    expect(existsSync(path.join(dir, 'fitted.yaml'))).toBe(true);
  });

  it('prints lexicon suggestions ready to paste', async () => {
    const r = await cli('lexicon', 'suggest', '--gold', gold, '--stance', 'sovereigntist', '--min-units', '2');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# \d+ candidates for stance sovereigntist: 11 coded units, 29 others/u);
  });

  it('refuses an unknown feature group before fitting, and prints the groups kept per stance', async () => {
    const bad = await cli('fit', '--gold', gold, '-l', lexicons, '--features', 'words,trigrams');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--features: unknown feature group "trigrams"/u);
    const fit = await cli('fit', '--gold', gold, '--output', path.join(work, 'features.yaml'), '--features', 'context');
    expect(fit.status).toBe(0);
    expect(fit.stdout).toMatch(/F1 fitted \(out-of-fold\) {2}kept\n {2}trust_state .* (entries and flags|context)\n/u);
  });
});
