import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusPathError, listCorpus } from '../../src/ingest/list-corpus.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'controverse-list-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

const relatives = (paths: string[]): string[] => listCorpus(paths).map((f) => f.relative);

describe('listCorpus', () => {
  it('lists files recursively, sorted, without hidden files', () => {
    const root = tree({ 'b.txt': 'b', 'sub/a.json': 'a', '.DS_Store': 'x', '.git/config': 'x' });
    expect(relatives([root])).toEqual(['b.txt', 'sub/a.json']);
  });

  it('keeps both files when two roots hold the same relative path, each under its root folder name', () => {
    const base = tree({ 'lemonde/x.txt': '1', 'lefigaro/x.txt': '2', 'lefigaro/y.txt': '3' });
    const listed = listCorpus([path.join(base, 'lemonde'), path.join(base, 'lefigaro')]);
    expect(listed.map((f) => f.relative)).toEqual(['lefigaro/x.txt', 'lemonde/x.txt', 'y.txt']);
    expect(new Set(listed.map((f) => f.absolute)).size).toBe(3);
  });

  it('tells apart two roots with the same folder name', () => {
    const base = tree({ 'a/corpus/x.txt': '1', 'b/corpus/x.txt': '2' });
    expect(relatives([path.join(base, 'a/corpus'), path.join(base, 'b/corpus')])).toEqual(['corpus/x.txt', 'corpus~2/x.txt']);
  });

  it('lists a file given twice (alone and inside its folder) once', () => {
    const root = tree({ 'x.txt': '1' });
    expect(relatives([root, path.join(root, 'x.txt')])).toEqual(['x.txt']);
  });

  it('follows links to files and lists dangling links (reading them then gives a diagnostics row)', () => {
    const root = tree({ 'real/a.txt': 'a' });
    symlinkSync(path.join(root, 'real/a.txt'), path.join(root, 'link.txt'));
    symlinkSync(path.join(root, 'nowhere.txt'), path.join(root, 'dangling.txt'));
    symlinkSync(root, path.join(root, 'real/loop')); // a link back up the tree is not walked again
    expect(relatives([root])).toEqual(['dangling.txt', 'link.txt', 'real/a.txt']);
  });

  it('skips a link to a pipe or device, which could block the run', () => {
    const root = tree({ 'a.txt': 'a' });
    symlinkSync('/dev/zero', path.join(root, 'zero.txt'));
    expect(relatives([root])).toEqual(['a.txt']);
  });

  it('throws a usage error for a path that does not exist or is not a file or folder', () => {
    expect(() => listCorpus(['/no/such/corpus'])).toThrow(CorpusPathError);
    expect(() => listCorpus(['/dev/null'])).toThrow(/neither a file nor a folder/u);
  });
});
