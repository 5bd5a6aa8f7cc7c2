import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function cli(...args: string[]): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

const out = mkdtempSync(path.join(tmpdir(), 'controverse-cmd-'));
cli('run', 'test/fixtures/corpora/basic', '--out', out, '--quiet');

describe('controverse lexicon check', () => {
  it('passes on the shipped lexicons and counts what it ran', () => {
    const r = cli('lexicon', 'check');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/entries: trust_state \d+, sceptical \d+, sovereigntist \d+, intensifiers \d+, claims \d+; \d+ examples and \d+ counter-examples run, 0 failed/);
  });

  it('exits 2 naming file, line and entry when a counter-example is tagged', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'controverse-lex-'));
    cpSync('lexicons', dir, { recursive: true });
    const file = path.join(dir, 'stances', 'sceptical.fr.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('counter: ["Ce n\'est pas un gâchis."]', 'counter: ["Quel gâchis."]'));
    const r = cli('lexicon', 'check', dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/stances\/sceptical\.fr\.yaml:\d+: entry "sceptical\.gachis": counter "Quel gâchis\." is tagged with its entry/);
  });
});

describe('controverse lexicon import', () => {
  it('writes our YAML from a LIWC dictionary', () => {
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'controverse-imp-')), 'imported.yaml');
    const r = cli('lexicon', 'import', 'test/lexicon/fixtures/small.dic', '--format', 'liwc', '--stance', 'sceptical', '-o', target);
    expect(r.status).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/stance: sceptical\nlabel: Sceptical\ncolour: "#D55E00"\ndescription: .*\norder: 2\nentries:\n {2}- id: sceptical\.gaspillage/);
    expect(r.stderr).toMatch(/2 entries, \d+ patterns imported/);
  });

  it('accepts only a stance category of the lexicon folder, naming them', () => {
    const r = cli('lexicon', 'import', 'test/lexicon/fixtures/small.dic', '--format', 'liwc', '--stance', 'pro_europe');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--stance "pro_europe" is not a stance category of lexicons \(trust_state, sceptical, sovereigntist\)/);
  });

  it('exits 2 on a malformed dictionary', () => {
    const bad = path.join(mkdtempSync(path.join(tmpdir(), 'controverse-imp-')), 'bad.dic');
    writeFileSync(bad, 'gaspill*\t1\n');
    expect(cli('lexicon', 'import', bad, '--format', 'liwc', '--stance', 'sceptical').status).toBe(2);
  });
});

describe('controverse explain', () => {
  it('shows tokens, matches, negation scope, scores and the reason of each label for a text', () => {
    const r = cli('explain', '--text', "Ce n'est pas une bonne décision : un vrai gâchis.");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/tokens \(\d+\): 0:ce 1:n' 2:est 3:pas/);
    expect(r.stdout).toMatch(/"bonne décision" \[trust_state\.bonne-decision\]/);
    expect(r.stdout).toMatch(/negated by "pas" \(token 3/);
    expect(r.stdout).toMatch(/trust_state: label 0, score 0 \(0 < 1: no cue counts\)/);
    expect(r.stdout).toMatch(/sceptical: label 1, score 2 \(2 ≥ 1\)/);
  });

  it('explains a unit of a run and reproduces its evidence', () => {
    const r = cli('explain', 'article#0', '--out', out);
    expect(r.status).toBe(0);
    const row = readFileSync(path.join(out, 'stances.csv'), 'utf8').split('\n').find((l) => l.startsWith('article#0,article,sceptical,'))!;
    expect(row).toMatch(/,1,/);
    expect(r.stdout).toMatch(/sceptical: label 1/);
  });

  it('exits 2 for a unit that is not in units.csv', () => {
    const r = cli('explain', 'nope#9', '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unit "nope#9" is not in/);
  });
});

describe('controverse evaluate and sample', () => {
  const gold = path.join(out, 'gold.tsv');
  writeFileSync(gold, 'file\tunit\tfirst_words\ttrust_state\tsceptical\tsovereigntist\tnote\narticle.txt\t0\tLe Cloud Act\t0\t1\t0\tsovereigntist missed on purpose\nsub/latin1.txt\t\tEnfin une\t1\t0\t1\t\n');

  it('prints precision, recall, F1, macro-F1, the baseline and the confusions with evidence', () => {
    const r = cli('evaluate', '--gold', gold, '--out', out, '--baseline');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/2 units: 1 aligned by position, 1 by first words, 0 not found/);
    expect(r.stdout).toMatch(/sovereigntist +0\.50 +1\.00 +0\.67 +1 +1 +0 +0/);
    expect(r.stdout).toMatch(/plain dictionary count \(baseline\)/);
    expect(r.stdout).toMatch(/false positive sovereigntist article#0 "Le Cloud Act" — gold note: sovereigntist missed on purpose\n {4}evidence: "Cloud Act" \[sovereigntist\.cloud-act\]/);
  });

  it('exits 2 on a gold file with a bad label', () => {
    const bad = path.join(out, 'bad.tsv');
    writeFileSync(bad, 'file\tunit\ttrust_state\tsceptical\tsovereigntist\narticle.txt\t0\t0\toui\t0\n');
    const r = cli('evaluate', '--gold', bad, '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.tsv:2: column "sceptical" must be 0 or 1, got "oui"/);
  });

  it('draws the same stratified sample twice for a seed, as a template in the gold format', () => {
    const a = cli('sample', '--n', '1', '--seed', '3', '--out', out);
    const b = cli('sample', '--n', '1', '--seed', '3', '--out', out);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const lines = a.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('file\tunit\tkind\tauthor\tpublished\tparent\tdepth\tquotes\tfirst_words\tlast_words\tlang\ttrust_state\tsceptical\tsovereigntist\tclaims\tnote');
    expect(lines).toHaveLength(2);
  });
});
