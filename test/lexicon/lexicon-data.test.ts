import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexiconDataOf, runLexiconsOf } from '../../src/lexicon/lexicon-data.js';
import { loadRunLexicons } from '../../src/lexicon/run-lexicons.js';
import { analyseFile, createAnalysisContext } from '../../src/pipeline/analyse-file.js';
import { tempDir } from '../run/run-helpers.js';

/** The shipped lexicons plus fitted weights (an entry weight and a word weight), in a folder of their own. */
function lexiconsWithFitted(): string {
  const dir = path.join(tempDir('lexicon-data'), 'lexicons');
  cpSync('lexicons', dir, { recursive: true });
  writeFileSync(path.join(dir, 'fitted.yaml'), [
    'format: 1', 'version: 1', 'stances:', '  sceptical:', '    intercept: -1', '    threshold: 0.5', '    lexicon_scale: 0.8',
    '    entries:', '      sceptical.gaspillage: 2.5', '    words:', '      milliard: 0.7', '',
  ].join('\n'));
  return dir;
}

describe('lexicons handed to a thread as data', () => {
  it('compile, from a structured clone, to lexicons that analyse every sample page as those read from the folder do', () => {
    const dir = lexiconsWithFitted();
    const options = { lexiconDir: dir, langDetector: 'eld' as const };
    const read = loadRunLexicons(dir);
    expect(read.set.fitted).toBeDefined();
    const handed = runLexiconsOf(structuredClone(lexiconDataOf(read)));
    expect(handed.files).toEqual(read.files);
    expect(handed.set.categories).toEqual(read.set.categories);
    const fromFolder = createAnalysisContext(options, true);
    const fromData = createAnalysisContext({ ...options, lexiconDir: path.join(dir, 'not-read') }, true, handed);
    for (const name of readdirSync('corpus').sort()) {
      const bytes = readFileSync(path.join('corpus', name));
      const a = analyseFile(name, bytes, fromFolder);
      const b = analyseFile(name, bytes, fromData);
      expect(b.documents.length).toBeGreaterThan(0);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      for (const d of a.documents) expect(fromData.phrases!.take(d.document.id)).toEqual(fromFolder.phrases!.take(d.document.id));
    }
  });
});
