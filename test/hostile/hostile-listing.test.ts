import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fsPath, readCorpusListing } from '../../src/ingest/list-corpus.js';

const isRoot = process.getuid?.() === 0;

function corpus(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'controverse-hostile-'));
  writeFileSync(path.join(root, 'good.txt'), 'Bon.');
  return root;
}

describe('the corpus listing of a hostile tree (#18)', () => {
  it('skips the output folder inside the corpus and a folder holding a store or manifest, with info rows (#18.4)', () => {
    const root = corpus();
    for (const d of ['out', 'old-run', 'other']) mkdirSync(path.join(root, d));
    writeFileSync(path.join(root, 'out', 'documents.csv'), 'x');
    writeFileSync(path.join(root, 'old-run', 'manifest.json'), '{\n  "tool": { "name": "controverse", "version": "0.1.0" }\n}');
    writeFileSync(path.join(root, 'other', 'manifest.json'), '{"name": "another tool"}');
    const { files, diagnostics } = readCorpusListing([root], { outDir: path.join(root, 'out') });
    expect(files.map((f) => f.relative)).toEqual(['good.txt', 'other/manifest.json']);
    expect(diagnostics.map((d) => [d.level, d.code, d.file])).toEqual([['info', 'output-folder-skipped', 'old-run/'], ['info', 'output-folder-skipped', 'out/']]);
  });

  it('lists a link leading out of the corpus as a warning row, and follows it with followLinks (#18.9)', () => {
    const root = corpus();
    const outside = corpus();
    symlinkSync(path.join(outside, 'good.txt'), path.join(root, 'passwd.txt'));
    symlinkSync(path.join(root, 'good.txt'), path.join(root, 'inside.txt'));
    const listing = readCorpusListing([root]);
    expect(listing.files.map((f) => f.relative)).toEqual(['good.txt', 'inside.txt']);
    expect(listing.diagnostics).toEqual([expect.objectContaining({ level: 'warning', code: 'link-outside-corpus', file: 'passwd.txt' })]);
    expect(readCorpusListing([root], { followLinks: true }).files.map((f) => f.relative)).toEqual(['good.txt', 'inside.txt', 'passwd.txt']);
  });

  it('gives a pipe a warning row instead of reading it (#18.9)', () => {
    const root = corpus();
    execFileSync('mkfifo', [path.join(root, 'pipe.txt')]);
    const listing = readCorpusListing([root]);
    expect(listing.files.map((f) => f.relative)).toEqual(['good.txt']);
    expect(listing.diagnostics).toEqual([expect.objectContaining({ level: 'warning', code: 'special-file', file: 'pipe.txt' })]);
  });

  it('reads a file whose name is not UTF-8, with a warning row (#18.9)', () => {
    const root = corpus();
    const name = Buffer.concat([Buffer.from(path.join(root, 'caf')), Buffer.from([0xe9]), Buffer.from('.txt')]);
    writeFileSync(name, 'Un café.');
    const listing = readCorpusListing([root]);
    expect(listing.files.map((f) => f.relative)).toEqual(['café.txt', 'good.txt']);
    expect(listing.diagnostics).toEqual([expect.objectContaining({ code: 'file-name-not-utf8', file: 'café.txt' })]);
    expect(fsPath(listing.files[0]!)).toEqual(name);
  });

  it.skipIf(isRoot)('gives an unreadable folder an error row and lists the rest (#18.2)', () => {
    const root = corpus();
    mkdirSync(path.join(root, 'locked'));
    writeFileSync(path.join(root, 'locked', 'x.txt'), 'x');
    chmodSync(path.join(root, 'locked'), 0o000);
    const listing = readCorpusListing([root]);
    chmodSync(path.join(root, 'locked'), 0o755);
    expect(listing.files.map((f) => f.relative)).toEqual(['good.txt']);
    expect(listing.diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'unreadable-folder', file: 'locked/' })]);
  });
});
