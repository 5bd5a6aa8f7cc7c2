import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatConcordance } from '../../src/claims/concordance.js';

const ROWS = [
  { claim_id: 'public_money_wasted', unit_id: 'a#1', match: 'milliards dilapidés', left_context: 'Par des ', right_context: ' et aucun résultat.' },
  { claim_id: 'us_extraterritorial_law', unit_id: 'a#2', match: 'Cloud Act', left_context: 'le ', right_context: '.' },
  { claim_id: 'public_money_wasted', unit_id: 'b#12', match: 'ça fait cher', left_context: '150 millions,\nvraiment ', right_context: ' pour juste contribuer à openstack, un logiciel libre qui existe déjà depuis longtemps.' },
];

function cli(...args: string[]): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

describe('formatConcordance', () => {
  it('lines up the matches of one claim in one column, one line per mention', () => {
    const lines = formatConcordance(ROWS, 'public_money_wasted', 20);
    expect(lines).toEqual([
      'a#1                Par des [milliards dilapidés] et aucun résultat.',
      'b#12  … millions, vraiment [ça fait cher] pour juste contribu…',
    ]);
    expect(lines[0]!.indexOf('[')).toBe(lines[1]!.indexOf('['));
  });

  it('keeps an elision and closing punctuation glued to the match', () => {
    const rows = [{ claim_id: 'x', unit_id: 'u#1', match: 'extraterritorialité', left_context: 'la notion de l’', right_context: ', du droit.' }];
    expect(formatConcordance(rows, 'x', 20)).toEqual(['u#1        la notion de l’[extraterritorialité], du droit.']);
  });

  it('gives nothing for a claim without mentions', () => {
    expect(formatConcordance(ROWS, 'finally_acting')).toEqual([]);
  });
});

describe('controverse claims', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'controverse-claims-'));
  writeFileSync(path.join(out, 'claim_mentions.csv'),
    'claim_id,unit_id,doc_id,match,start,end,left_context,right_context\n' +
    'public_money_wasted,a#1,a,milliards dilapidés,8,27,Par des ,"et aucun résultat, ""vraiment"""\n');

  it('prints the concordance of the claim from claim_mentions.csv', () => {
    const r = cli('claims', '--claim', 'public_money_wasted', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^a#1 +Par des \[milliards dilapidés\] et aucun résultat, "vraiment"\n$/u);
  });

  it('says so when the claim has no mention, naming the claims found', () => {
    const r = cli('claims', '--claim', 'finally_acting', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no mention of "finally_acting".*public_money_wasted/u);
  });

  it('reads the CSV of a --spreadsheet run (BOM and ";")', () => {
    const french = mkdtempSync(path.join(tmpdir(), 'controverse-claims-'));
    writeFileSync(path.join(french, 'claim_mentions.csv'),
      '\ufeffclaim_id;unit_id;doc_id;match;start;end;left_context;right_context\n' +
      'finally_acting;b#3;b;il était temps qu\'on;0;20;;réagisse\n');
    const r = cli('claims', '--claim', 'finally_acting', '--out', french);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^b#3 +\[il était temps qu'on\] réagisse\n$/u);
  });

  it('exits 2 when there is no run to read', () => {
    const r = cli('claims', '--claim', 'public_money_wasted', '--out', path.join(out, 'nothing-here'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/claim_mentions\.csv not found/u);
  });
});

describe('formatConcordance on hostile comment text (#18)', () => {
  it('never lets ESC, BEL or other control characters through to the terminal', () => {
    const lines = formatConcordance([{ claim_id: 'c', unit_id: 'x#\u001b[2J1', match: 'milliards\u0007', left_context: 'des \u001b]0;owned\u0007', right_context: 'dilapidés\r\u009b' }], 'c', 20);
    expect(lines.join('\n')).not.toMatch(/\p{Cc}/u);
  });
});
