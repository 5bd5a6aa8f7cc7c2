import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../../src/ingest/ingest-file.js';
import { splitLines } from '../../../src/ingest/layouts/text-lines.js';
import { MIN_CONFIDENCE, readLineRoles } from '../../../src/ingest/line-roles/line-role-reader.js';
import { LINE_ROLE_MODEL } from '../../../src/ingest/line-roles/shipped-model.js';

// A forum page the line-role model reads with confidence (eval/threads, phpbb kind), but with fewer
// dated and named comments than the generic cues read there.
const FILE = 'phpbb/phpbb-2.txt';
const bytes = readFileSync(`eval/threads/pages/${FILE}`);
// A thread the model reads with confidence and at least as well as the cues (eval/threads, twitter kind).
const MODEL_FILE = 'twitter/twitter-1.txt';

describe('line-role reader in ingestion', () => {
  it('reads a page it is confident about into units, with a diagnostics row naming the reader', () => {
    const { documents, diagnostics } = ingestFile(MODEL_FILE, readFileSync(`eval/threads/pages/${MODEL_FILE}`));
    expect(documents[0]!.units.length).toBeGreaterThan(1);
    expect(diagnostics.map((d) => d.code)).toEqual(['thread-roles']);
  });

  it('keeps the cues\' reading of a page when it explains more headers than the confident model', () => {
    expect(readLineRoles(splitLines(bytes.toString('utf8')), LINE_ROLE_MODEL)!.confidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
    const { documents, diagnostics } = ingestFile(FILE, bytes);
    expect(diagnostics.map((d) => d.code)).toEqual(['thread-inferred']);
    expect(documents[0]).toEqual(ingestFile(FILE, bytes, { lineRoleModel: null }).documents[0]);
  });

  it('leaves the page to the generic layouts without a model', () => {
    const { documents, diagnostics } = ingestFile(FILE, bytes, { lineRoleModel: null });
    expect(documents[0]!.units.length).toBeGreaterThan(1);
    expect(diagnostics.map((d) => d.code)).toEqual(['thread-inferred']);
  });

  it('leaves a page nothing reads one unit, with its diagnostics row', () => {
    // A Senate written question: no layout recognises it and the model gives no reading.
    const senate = readFileSync('eval/threads/pages/senate/senate-1.txt');
    for (const lineRoleModel of [undefined, null]) {
      const { documents, diagnostics } = ingestFile('senate/senate-1.txt', senate, lineRoleModel === null ? { lineRoleModel } : {});
      expect(documents[0]!.units).toHaveLength(1);
      expect(diagnostics.map((d) => d.code)).toEqual(['no-thread-recognised']);
    }
  });

  it('gives no reading for a page without two comments', () => {
    expect(readLineRoles(splitLines('Un titre\n\nUn seul paragraphe de texte, sans commentaire.\n'), LINE_ROLE_MODEL)).toBeUndefined();
  });

  it('flags a reading below the confidence floor as unsure', () => {
    const lines = splitLines(bytes.toString('utf8'));
    const reading = readLineRoles(lines, LINE_ROLE_MODEL)!;
    expect(reading.diagnostics[0]).toMatchObject({ level: 'info', code: 'thread-roles' });
    const unsure = readLineRoles(lines, LINE_ROLE_MODEL, undefined, reading.confidence + 0.01)!;
    expect(unsure.diagnostics[0]).toMatchObject({ level: 'warning', code: 'thread-roles-unsure' });
    expect(unsure.page).toEqual(reading.page);
  });
});
