import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/options.js';
import { claimColumns } from '../../src/report/columns.js';
import { stanceCss } from '../../src/report/html/html-text.js';
import { run } from '../../src/run.js';
import { shippedCategories } from '../builders/shipped-categories.js';

// A fourth category, pro_europe, added beside the shipped three: every output that depends on
// stances must follow the lexicon folder.

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8' });

function lexiconsWithProEurope(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'controverse-cat-lex-'));
  cpSync('lexicons', dir, { recursive: true });
  cpSync('test/fixtures/lexicons/pro-europe', dir, { recursive: true });
  return dir;
}

const PAGE = {
  id: 'europe', title: "L'Europe du numérique", published: '2024-05-02',
  text: "La Commission présente aujourd'hui son plan pour le numérique, discuté depuis des mois par les États membres.",
  comments: [
    { id: 'c1', author: 'anne', text: 'La coopération européenne est la seule voie, et ce gaspillage d\'argent public national doit cesser au plus vite.' },
    { id: 'c2', author: 'marc', text: 'Encore un gaspillage d\'argent public, comme toujours avec ces grands projets qui ne mènent nulle part.' },
    { id: 'c3', author: 'lea', text: "Vive l'Europe ! Je suis fière d'être européenne et heureuse de voir enfin ce plan commun." },
  ],
};

describe('the shipped categories', () => {
  it('give claims.csv the columns it had when they were written in the code', () => {
    expect(claimColumns(shippedCategories())).toEqual([
      'claim_id', 'label', 'n_mentions', 'n_units', 'n_documents', 'n_authors', 'first_published', 'last_published', 'top_variant', 'example_unit_id', 'example',
      'n_units_trust_state', 'n_units_sceptical', 'n_units_sovereigntist', 'n_units_no_stance', 'n_negated',
    ]);
  });

  it('give the report the CSS it had, rule for rule', () => {
    expect(stanceCss(shippedCategories()).split('\n').map((r) => r.slice(0, r.indexOf('{')))).toEqual([
      '.s-none', '.s-trust_state', '.s-sceptical', '.unit.s-trust_state-sceptical', '.s-sovereigntist',
      '.unit.s-trust_state-sovereigntist', '.unit.s-sceptical-sovereigntist', '.unit.s-trust_state-sceptical-sovereigntist',
    ]);
    expect(stanceCss(shippedCategories())).toContain('.s-trust_state{border-left-color:#0072B2}.chip.s-trust_state{background:#0072B2}');
  });
});

describe('a fourth stance category (pro_europe) in the lexicon folder', () => {
  const lexicons = lexiconsWithProEurope();
  const corpus = mkdtempSync(path.join(tmpdir(), 'controverse-cat-corpus-'));
  const out = mkdtempSync(path.join(tmpdir(), 'controverse-cat-out-'));
  const read = (file: string): string => readFileSync(path.join(out, file), 'utf8');
  beforeAll(async () => {
    writeFileSync(path.join(corpus, 'europe.jsonl'), `${JSON.stringify(PAGE)}\n`);
    await run({ inputs: [corpus], outDir: out, lexiconDir: lexicons, langDetector: DEFAULTS.langDetector, spreadsheet: false, commandLine: ['test'], workers: 1 });
  });

  it('gives every unit one stances.csv row per category, in the categories\' order', () => {
    const rows = read('stances.csv').trim().split('\n').slice(1);
    expect(rows).toHaveLength(4 * 4);
    expect(rows.slice(0, 4).map((r) => r.split(',')[2])).toEqual(['trust_state', 'sceptical', 'sovereigntist', 'pro_europe']);
    const proEurope = rows.filter((r) => r.split(',')[2] === 'pro_europe').map((r) => `${r.split(',')[0]} ${r.split(',')[4]}`);
    expect(proEurope).toEqual(['europe#europe#0 0', 'europe#europe#1 1', 'europe#europe#2 0', 'europe#europe#3 1']);
  });

  it('adds its n_units_pro_europe column to claims.csv after the shipped ones', () => {
    const [header, row] = read('claims.csv').split('\n');
    expect(header).toMatch(/,n_units_trust_state,n_units_sceptical,n_units_sovereigntist,n_units_pro_europe,n_units_no_stance,n_negated$/);
    const cells = Object.fromEntries(header!.split(',').map((c, i) => [c, row!.split(',').at(i - header!.split(',').length)]));
    expect(cells).toMatchObject({ n_units_pro_europe: '1', n_units_sceptical: '2', n_units_no_stance: '0' });
  });

  it('shows it in report.html in its colour: CSS, legend and charts', () => {
    const html = read('report.html');
    expect(html).toContain('.s-pro_europe{border-left-color:#CC79A7}');
    expect(html).toContain('.unit.s-sceptical-pro_europe{border-image:');
    expect(html).toMatch(/<span><i class="s-pro_europe chip"><\/i>pro_europe<\/span>/);
    expect(html).toMatch(/<th class="n">pro_europe<\/th>/);
    expect(html.toUpperCase()).toContain('FILL="#CC79A7"');
    expect(html).toContain('class="unit s-sceptical-pro_europe"');
  });

  it('is scored by evaluate from a gold file with a pro_europe column', () => {
    const gold = path.join(out, 'gold.tsv');
    writeFileSync(gold, [
      'file\tunit\tfirst_words\ttrust_state\tsceptical\tsovereigntist\tpro_europe\tnote',
      'europe.jsonl\t1\tLa coopération européenne\t0\t1\t0\t1\t',
      'europe.jsonl\t2\tEncore un gaspillage\t0\t1\t0\t0\t',
      'europe.jsonl\t3\tVive l\'Europe\t0\t0\t0\t0\tmissed on purpose',
    ].join('\n'));
    const r = cli('evaluate', '--gold', gold, '--out', out, '--lexicons', lexicons, '--baseline');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ {2}pro_europe +0\.50 +1\.00 +0\.67 +1 +1 +0 +1$/m);
    expect(r.stdout).toMatch(/false positive pro_europe europe#europe#3/);
  });

  it('stops evaluate on a gold file without a category\'s column, naming it', () => {
    const gold = path.join(out, 'gold-3.tsv');
    writeFileSync(gold, 'file\tunit\tfirst_words\ttrust_state\tsceptical\tsovereigntist\tnote\neurope.jsonl\t1\tLa\t0\t1\t0\t\n');
    const r = cli('evaluate', '--gold', gold, '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/gold-3\.tsv:1: column "pro_europe" is missing: a gold file has a 0\/1 column for each stance category of the run \(trust_state, sceptical, sovereigntist, pro_europe\)/);
  });

  it('gets its column in the hand-coding template of sample', () => {
    const r = cli('sample', '--n', '2', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('file\tunit\tkind\tauthor\tpublished\tparent\tdepth\tquotes\tfirst_words\tlast_words\tlang\ttrust_state\tsceptical\tsovereigntist\tpro_europe\tclaims\tnote');
  });

  it('is counted by lexicon check and explained by explain', () => {
    const check = cli('lexicon', 'check', lexicons);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/entries: trust_state \d+, sceptical \d+, sovereigntist \d+, pro_europe 3, intensifiers/);
    expect(check.stdout).toContain('pro_europe "Pro-Europe" #CC79A7');
    const explain = cli('explain', '--text', "Vive l'Europe !", '--lexicons', lexicons);
    expect(explain.stdout).toMatch(/^ {2}pro_europe: label 1, score 1/m);
  });
});
