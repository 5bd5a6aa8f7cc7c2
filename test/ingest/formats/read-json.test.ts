import { describe, expect, it } from 'vitest';
import { readJson } from '../../../src/ingest/formats/read-json.js';

describe('readJson', () => {
  it('reads one document object, numbering it 1 when it has no id', () => {
    const { records, diagnostics } = readJson('{"title": "T", "text": "Corps."}', 'tribune.json');
    expect(diagnostics).toEqual([]);
    expect(records).toMatchObject([{ id: 'tribune.json:1', page: { title: 'T', body: 'Corps.', comments: [] } }]);
  });

  it('reads an array of documents; numeric ids become text', () => {
    const { records } = readJson(JSON.stringify([{ id: 42, text: 'A' }, { text: 'B' }], null, 2), 'd.json');
    expect(records.map((r) => r.id)).toEqual(['42', 'd.json:2']);
  });

  it('skips a bad element of an array alone', () => {
    const { records, diagnostics } = readJson('[{"text": "A"}, "texte seul", {"text": "C"}]', 'd.json');
    expect(records).toHaveLength(2);
    expect(diagnostics).toMatchObject([{ level: 'error', code: 'invalid-record', message: expect.stringMatching(/^document 2:/u) as string }]);
  });

  it('skips a file that is not valid JSON, naming the line where parsing stopped', () => {
    const { records, diagnostics } = readJson('[\n{"text": "A"},\n{"text": "coupé\n]', 'd.json');
    expect(records).toEqual([]);
    expect(diagnostics).toMatchObject([{ level: 'error', code: 'invalid-json', line: 3 }]);
  });

  it('reads JSON Lines saved as .json, with an info row', () => {
    const { records, diagnostics } = readJson('{"id": "a", "text": "A"}\n{"id": "b", "text": "B"}\n{oops}\n', 'd.json');
    expect(records.map((r) => r.id)).toEqual(['a', 'b']);
    expect(diagnostics).toMatchObject([{ level: 'info', code: 'json-lines-in-json' }, { level: 'error', code: 'invalid-json', line: 3 }]);
  });

  it('still skips the file when the parser gives no position', () => {
    expect(readJson('[{"text": }]', 'd.json')).toMatchObject({ records: [], diagnostics: [{ level: 'error', code: 'invalid-json' }] });
  });
});
