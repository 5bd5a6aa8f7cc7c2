import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { environmentError, EXIT } from '../../src/errors.js';

// The reproductions of issue #18, through the CLI as a user runs it: the good files analysed, a
// row for the bad one, the documented exit code, one line on stderr, no stack trace.

// Asynchronous: a run takes seconds, and a blocked test worker misses vitest's own messages.
function cli(...args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

const tmp = (name: string): string => mkdtempSync(path.join(tmpdir(), `controverse-${name}-`));

function corpus(extra: Record<string, string | Buffer> = {}): string {
  const root = tmp('repro');
  writeFileSync(path.join(root, 'good.txt'), "L'État promet un cloud souverain pour nos données.\n");
  for (const [name, content] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

function expectOneLine(stderr: string, pattern: RegExp): void {
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr.trimEnd()).toMatch(pattern);
  expect(stderr).not.toMatch(/^\s+at /mu);
}

const read = (out: string, file: string): string => readFileSync(path.join(out, file), 'utf8');

describe('the reproductions of #18 through the CLI', { timeout: 120_000 }, () => {
  it('1, 5, 6: analyses the good files next to deep JSON, deep HTML, colliding ids and a bad byte, with a row each and exit 1', async () => {
    const c = corpus({
      'deep.json': `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      'deep.html': `${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}`,
      'x#1.txt': 'Une page au nom étrange.',
      'x.jsonl': '{"id": "1", "text": "Le premier enregistrement."}\n',
      'bad-byte.txt': Buffer.concat([Buffer.from('Des milliards dépensés '), Buffer.from([0xff]), Buffer.from(' sans résultat.')]),
    });
    const out = tmp('out');
    const r = await cli('run', c, '--out', out, '--quiet');
    expect(r.status).toBe(EXIT.skipped);
    expect(r.stderr).toBe('');
    const units = read(out, 'units.csv');
    expect(units).toMatch(/^good#0,/mu);
    expect(units).toMatch(/^x%231#0,.*étrange/mu);
    expect(units).toMatch(/^x#1#0,.*premier/mu);
    expect(units).toMatch(/^bad-byte#0,.*dépensés \ufffd sans résultat/mu);
    const diagnostics = read(out, 'diagnostics.csv');
    expect(diagnostics).toMatch(/^error,too-deep,.*deep\.json,$/mu);
    expect(diagnostics).toMatch(/^error,too-deep,.*deep\.html,$/mu);
    expect(diagnostics).toMatch(/^warning,document-id-collision,deep\.json,/mu);
    expect(diagnostics).toMatch(/^warning,invalid-utf8,bad-byte,,1 invalid UTF-8 byte sequence/mu);
  });

  it('4: reads an output folder inside the corpus back as corpus never: the same documents over three runs', async () => {
    const c = corpus({ 'b.txt': 'Une deuxième page.' });
    const counts: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      expect((await cli('run', c, '--out', path.join(c, 'out'), '--quiet')).status).toBe(EXIT.ok);
      counts.push(read(path.join(c, 'out'), 'documents.csv').trimEnd().split('\n').length - 1);
    }
    expect(counts).toEqual([2, 2, 2]);
    expect(read(path.join(c, 'out'), 'diagnostics.csv')).toMatch(/^info,output-folder-skipped,,,.*,out\/,$/mu);
  });

  it('3: exits 2 with one line when the output path is a file, before any work', async () => {
    const file = path.join(tmp('out'), 'taken');
    writeFileSync(file, 'x');
    const r = await cli('run', corpus(), '--out', file, '--quiet');
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr.split('\n')[0]).toMatch(/^controverse: the output path .*taken is a file, not a folder$/u);
    expect(r.stderr).not.toMatch(/^\s+at /mu);
  });

  it('3: exits 3 on a damaged store and says what to do; --full and --rebuild-store recover', async () => {
    const c = corpus();
    const out = tmp('out');
    writeFileSync(path.join(out, 'controverse.sqlite'), 'SQLite format 3\0 but not really a database, garbage after the header'.repeat(100));
    const r = await cli('run', c, '--out', out, '--quiet');
    expect(r.status).toBe(EXIT.failed);
    expectOneLine(r.stderr, /^controverse: controverse\.sqlite is damaged.*run again with --rebuild-store, or delete it$/u);
    expect((await cli('run', c, '--out', out, '--quiet', '--full')).status).toBe(EXIT.ok);
    writeFileSync(path.join(out, 'controverse.sqlite'), 'garbage');
    rmSync(path.join(out, 'controverse.sqlite-wal'), { force: true });
    expect((await cli('run', c, '--out', out, '--quiet', '--rebuild-store')).status).toBe(EXIT.ok);
    expect(read(out, 'units.csv')).toMatch(/^good#0,/mu);
  });

  it('9: refuses a store written by a newer schema with exit 2, and leaves it as it was', async () => {
    const c = corpus();
    const out = tmp('out');
    expect((await cli('run', c, '--out', out, '--quiet')).status).toBe(EXIT.ok);
    const db = new Database(path.join(out, 'controverse.sqlite'));
    db.prepare("UPDATE meta SET value = '99' WHERE key = 'schema'").run();
    db.close();
    const r = await cli('run', c, '--out', out, '--quiet');
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr.split('\n')[0]).toMatch(/written by a newer version of controverse \(store schema 99/u);
    const after = new Database(path.join(out, 'controverse.sqlite'), { readonly: true });
    expect(after.prepare('SELECT count(*) FROM files').pluck().get()).toBe(1);
    after.close();
  });

  it('3: exits 2 with one line when a lexicon file is a folder, or when one is over the size limit', async () => {
    const lexicons = tmp('lex');
    cpSync('lexicons', lexicons, { recursive: true });
    rmSync(path.join(lexicons, 'claims.fr.yaml'));
    mkdirSync(path.join(lexicons, 'claims.fr.yaml'));
    const r = await cli('run', corpus(), '--out', tmp('out'), '--lexicons', lexicons, '--quiet');
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr.split('\n')[0]).toMatch(/^controverse: claims\.fr\.yaml: expected a lexicon file in .*, found a folder/u);
    rmSync(path.join(lexicons, 'claims.fr.yaml'), { recursive: true });
    writeFileSync(path.join(lexicons, 'claims.fr.yaml'), `version: 1\nentries: []\n${'#'.repeat(9 * 1024 * 1024)}\n`);
    const big = await cli('run', corpus(), '--out', tmp('out'), '--lexicons', lexicons, '--quiet');
    expect(big.status).toBe(EXIT.usage);
    expect(big.stderr.split('\n')[0]).toMatch(/claims\.fr\.yaml: 9\.0 MB, over the 8 MB limit for one lexicon file/u);
  });

  it('3: exits 3 with one line when the store cannot be opened, the stack only with --debug', async () => {
    const out = tmp('out');
    mkdirSync(path.join(out, 'controverse.sqlite'));
    const r = await cli('run', corpus(), '--out', out, '--quiet');
    expect(r.status).toBe(EXIT.failed);
    expectOneLine(r.stderr, /^controverse: controverse\.sqlite cannot be opened/u);
    const debug = await cli('--debug', 'run', corpus(), '--out', out, '--quiet');
    expect(debug.status).toBe(EXIT.failed);
    expect(debug.stderr).toMatch(/^\s+at /mu);
  });

  it('8: a file whose analysis runs out of memory (--worker-memory) is a row; the next files go to a fresh thread; exit 1; the rest as without it', async () => {
    const without = corpus();
    cpSync('corpus', path.join(without, 'pages'), { recursive: true });
    const withBig = tmp('oom');
    cpSync(without, withBig, { recursive: true });
    // Listed first, with the sample pages behind it on the same (single) thread. 32 MB of small
    // documents need well over 256 MB; the thread gets 64.
    const line = (i: number): string => JSON.stringify({ id: `d${i}`, text: `Le cloud souverain coûtera des milliards dilapidés (${i}).`, comments: [{ id: 'c', text: 'Encore un gaspillage !' }] });
    writeFileSync(path.join(withBig, '000-big.jsonl'), Array.from({ length: 200_000 }, (_, i) => line(i)).join('\n'));
    const out = tmp('out');
    const r = await cli('run', withBig, '--out', out, '--workers', '1', '--worker-memory', '64', '--quiet');
    expect(r.status).toBe(EXIT.skipped);
    expect(r.stderr).toBe('');
    expect(read(out, 'diagnostics.csv')).toMatch(/^error,analysis-failed,,,the file could not be analysed \(its analysis ran out of memory\); skipped,000-big\.jsonl,$/mu);
    const reference = tmp('out');
    expect((await cli('run', without, '--out', reference, '--workers', '1', '--quiet')).status).toBe(EXIT.ok);
    // The dead thread's phrase counts were lost with it: phrases.csv is counted again, the same.
    for (const f of ['documents.csv', 'units.csv', 'stances.csv', 'claims.csv', 'claim_mentions.csv', 'phrases.csv']) expect(read(out, f)).toBe(read(reference, f));
    expect(await cli('run', withBig, '--out', out, '--worker-memory', '63')).toMatchObject({ status: EXIT.usage });
  }, 300_000);
});

describe('environmentError (#18.3)', () => {
  it.each([
    [{ code: 'SQLITE_FULL' }, /disk holding controverse\.sqlite is full: free some space/u],
    [{ code: 'ENOSPC', path: '/out/units.csv' }, /disk is full \(\/out\/units\.csv\)/u],
    [{ code: 'EROFS', path: '/out' }, /read-only file system \(\/out\): choose another --out/u],
    [{ code: 'EACCES', path: '/out' }, /permission denied \(\/out\)/u],
    [{ code: 'SQLITE_CORRUPT_INDEX' }, /damaged: run again with --rebuild-store, or delete it/u],
    [{ code: 'EISDIR', path: '/lex/claims.fr.yaml' }, /a folder stands where a file is expected/u],
  ])('turns %o into exit 3 with what to do', (error, message) => {
    const e = environmentError(error);
    expect(e?.exitCode).toBe(EXIT.failed);
    expect(e?.message).toMatch(message);
  });

  it('leaves other errors alone (bugs)', async () => {
    expect(environmentError(new TypeError('x is undefined'))).toBeUndefined();
    expect(environmentError({ code: 'ERR_SOMETHING_ELSE' })).toBeUndefined();
  });
});
