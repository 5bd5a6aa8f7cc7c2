import { cpSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { run } from '../../src/run.js';
import { copyCorpus, optionsFor, readCsvs, tempDir } from './run-helpers.js';

interface ManifestChanges {
  changes: { full: boolean; added: string[]; changed: string[]; removed: string[]; reanalysed: number; reused: number; reports_rewritten: boolean };
  inputs: { file: string }[];
}
const manifestOf = (out: string): ManifestChanges => JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as ManifestChanges;

describe('reruns on the same output folder', () => {
  it('re-analyses only new and changed files, drops deleted ones, and writes the CSVs a full run writes', async () => {
    const corpus = copyCorpus();
    const out = tempDir('out');
    const first = await run(optionsFor(corpus, out));
    expect(first.changes.added).toHaveLength(9);

    cpSync(path.join(corpus, 'pages', '001_f0eed57cc5c25b8c.txt'), path.join(corpus, 'pages', 'copy-of-001.txt'));
    // Inside the body: text after the page's cookie banner is furniture and is not analysed.
    const changedPage = path.join(corpus, 'pages', '003_9fa0ee35a58430c9.txt');
    writeFileSync(changedPage, readFileSync(changedPage, 'utf8').replace('L’Europe se ridiculise.', 'L’Europe se ridiculise. Encore des milliards dilapidés pour rien.'));
    rmSync(path.join(corpus, 'pages', '004_6ccc96158d268618.txt'));
    const second = await run(optionsFor(corpus, out));

    expect(second.changes).toMatchObject({
      full: false, added: ['pages/copy-of-001.txt'], changed: ['pages/003_9fa0ee35a58430c9.txt'], removed: ['pages/004_6ccc96158d268618.txt'], reanalysed: 0, reused: 7,
    });
    expect(manifestOf(out).changes).toMatchObject({ added: ['pages/copy-of-001.txt'], reused: 7, reports_rewritten: true });
    expect(manifestOf(out).inputs.map((i) => i.file)).not.toContain('pages/004_6ccc96158d268618.txt');
    const csvs = readCsvs(out);
    expect(csvs['documents.csv']).not.toContain('004_6ccc96158d268618');
    expect(csvs['units.csv']).toContain('Encore des milliards dilapidés pour rien.');

    const fullOut = tempDir('out-full');
    await run(optionsFor(corpus, fullOut));
    expect(csvs).toEqual(readCsvs(fullOut));
  });

  it('keeps the phrase signature of each document, the same whichever run made it, and writes what a full run writes', async () => {
    const corpus = copyCorpus();
    const out = tempDir('out');
    await run(optionsFor(corpus, out));
    cpSync(path.join(corpus, 'pages', '001_f0eed57cc5c25b8c.txt'), path.join(corpus, 'pages', 'another-001.txt'));
    const second = await run(optionsFor(corpus, out));
    expect(second.changes).toMatchObject({ added: ['pages/another-001.txt'], reused: 9 });
    const fullOut = tempDir('out-full');
    await run(optionsFor(corpus, fullOut));
    expect(readCsvs(out)).toEqual(readCsvs(fullOut));
    const signaturesOf = (dir: string): unknown[] => {
      const db = new Database(path.join(dir, 'controverse.sqlite'), { readonly: true });
      try {
        return db.prepare('SELECT d.path, d.ord, d.doc_id, s.words, hex(s.signature) AS signature FROM phrase_signatures s JOIN documents d ON d.serial = s.serial ORDER BY d.path, d.ord').all();
      } finally {
        db.close();
      }
    };
    expect(signaturesOf(out).length).toBeGreaterThan(5);
    expect(signaturesOf(out)).toEqual(signaturesOf(fullOut));
  });

  it('writes the CSVs of a full run after a change alone, then after a removal alone', async () => {
    const corpus = copyCorpus();
    const out = tempDir('out');
    await run(optionsFor(corpus, out));
    const page = path.join(corpus, 'pages', '000_de8b060ac039dc55.txt');
    writeFileSync(page, readFileSync(page, 'utf8').replace('particulièrement en matière numérique.', 'particulièrement en matière numérique. Une filière cloud trahie, une filière cloud sacrifiée.'));
    const changed = await run(optionsFor(corpus, out));
    expect(changed.changes).toMatchObject({ added: [], changed: ['pages/000_de8b060ac039dc55.txt'], removed: [] });
    expect(readCsvs(out)['units.csv']).toContain('une filière cloud sacrifiée');
    const afterChange = tempDir('out-full-1');
    await run(optionsFor(corpus, afterChange));
    expect(readCsvs(out)).toEqual(readCsvs(afterChange));

    rmSync(path.join(corpus, 'pages', '004_6ccc96158d268618.txt'));
    const removed = await run(optionsFor(corpus, out));
    expect(removed.changes).toMatchObject({ added: [], changed: [], removed: ['pages/004_6ccc96158d268618.txt'] });
    const afterRemoval = tempDir('out-full-2');
    await run(optionsFor(corpus, afterRemoval));
    expect(readCsvs(out)).toEqual(readCsvs(afterRemoval));
  });

  it('keeps the reports in place and reuses every file when nothing is new', async () => {
    const corpus = copyCorpus();
    const out = tempDir('out');
    await run(optionsFor(corpus, out));
    const before = readCsvs(out);
    const again = await run(optionsFor(corpus, out));
    expect(again.reportsWritten).toBe(false);
    expect(again.changes).toMatchObject({ added: [], changed: [], removed: [], reanalysed: 0, reused: 9 });
    expect(readCsvs(out)).toEqual(before);
    expect(again.errors).toBe(2);
  });

  it('writes the reports again when one of them lost bytes, was deleted or grew, though nothing is new', async () => {
    const corpus = copyCorpus();
    const out = tempDir('out');
    await run(optionsFor(corpus, out));
    const before = readCsvs(out);
    const units = path.join(out, 'units.csv');
    for (const damage of [() => writeFileSync(units, before['units.csv']!.slice(0, 100)), () => rmSync(path.join(out, 'claims.csv')), () => writeFileSync(units, `${before['units.csv']!}x`)]) {
      damage();
      const again = await run(optionsFor(corpus, out));
      expect(again.reportsWritten).toBe(true);
      expect(again.changes).toMatchObject({ added: [], changed: [], removed: [], reanalysed: 0, reused: 9 });
      expect(readCsvs(out)).toEqual(before);
    }
  });

  it('reads no file whose size, modification time and inode are unchanged, and reads them all with --full', async () => {
    const corpus = copyCorpus();
    const out = tempDir('out');
    await run(optionsFor(corpus, out));
    const db = new Database(path.join(out, 'controverse.sqlite'));
    // Pretend the files were hashed long after their last change, as on a real rerun (not within the racy 2 s).
    db.prepare('UPDATE files SET hashed_at = hashed_at + 10000').run();
    db.close();
    const progress: number[] = [];
    await run(optionsFor(corpus, out), (p) => progress.push(p.total));
    expect(progress).toEqual([]); // nothing was even hashed
    // The same bytes in a new file (another inode), size and mtime kept: hashed, found unchanged.
    const file = path.join(corpus, 'basic', readdirSync(path.join(corpus, 'basic')).find((f) => f.endsWith('.txt'))!);
    const { atime, mtime } = statSync(file);
    const copy = `${file}.tmp`;
    cpSync(file, copy);
    rmSync(file);
    renameSync(copy, file);
    utimesSync(file, atime, mtime);
    const touched = await run(optionsFor(corpus, out), (p) => progress.push(p.total));
    expect(progress.at(-1)).toBe(1);
    expect(touched.changes).toMatchObject({ added: [], changed: [], reanalysed: 0, reused: 9 });
    const full = await run(optionsFor(corpus, out, { full: true }));
    expect(full.changes.reanalysed).toBe(9);
  });

  it('re-analyses everything with --full, and everything when a lexicon changes', async () => {
    const corpus = copyCorpus();
    const out = tempDir('out');
    await run(optionsFor(corpus, out));
    const full = await run(optionsFor(corpus, out, { full: true }));
    expect(full.changes).toMatchObject({ full: true, reanalysed: 9, reused: 0 });
    expect(full.reportsWritten).toBe(true);

    const lexicons = tempDir('lexicons');
    cpSync('lexicons', lexicons, { recursive: true });
    const claims = path.join(lexicons, 'claims.fr.yaml');
    writeFileSync(claims, readFileSync(claims, 'utf8').replace(/^version: (\d+)/mu, (_, v: string) => `version: ${Number(v) + 1}`));
    const changedLexicon = await run(optionsFor(corpus, out, { lexiconDir: lexicons }));
    expect(changedLexicon.changes).toMatchObject({ reanalysed: 9, reused: 0 });
  });

  it('writes the same CSVs with one worker as with two, and in the spreadsheet dialect after a default run', async () => {
    const corpus = copyCorpus();
    const one = tempDir('out-1');
    const two = tempDir('out-2');
    await run(optionsFor(corpus, one, { workers: 1 }));
    await run(optionsFor(corpus, two, { workers: 2 }));
    expect(readCsvs(one)).toEqual(readCsvs(two));

    // Rows stored in the default dialect are rendered again for --spreadsheet.
    const spreadsheet = await run(optionsFor(corpus, two, { spreadsheet: true }));
    expect(spreadsheet.reportsWritten).toBe(true);
    const fresh = tempDir('out-s');
    await run(optionsFor(corpus, fresh, { spreadsheet: true }));
    expect(readCsvs(two)).toEqual(readCsvs(fresh));
    expect(readCsvs(two)['units.csv']?.startsWith('\ufeffunit_id;')).toBe(true);
  });
});
