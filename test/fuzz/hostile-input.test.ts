import { mkdtempSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, looksBinary } from '../../src/ingest/decode.js';
import { readCsv } from '../../src/ingest/formats/read-csv.js';
import { readHtml } from '../../src/ingest/formats/read-html.js';
import { readJson } from '../../src/ingest/formats/read-json.js';
import { readJsonLines } from '../../src/ingest/formats/read-jsonl.js';
import { ingestFile, SUPPORTED_EXTENSIONS, TEXT_LAYOUTS } from '../../src/ingest/ingest-file.js';
import { splitLines } from '../../src/ingest/layouts/text-lines.js';
import { LexiconError, loadLexicons } from '../../src/lexicon/load-lexicon.js';

// Every reader fed generated hostile input (deep nesting, huge lines, random bytes, mixed
// encodings, random unicode, control characters) gives rows, never an exception out of its stage
// (#18). Fixed seed: CI sees the same cases every run; FUZZ_RUNS=100000 for a longer local run.
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);
const SEED = Number(process.env['FUZZ_SEED'] ?? 18);
const settings = { numRuns: RUNS, seed: SEED, endOnFailure: true };
const LONG = { timeout: Math.max(120_000, RUNS * 50) };

/** fc.assert over `arbitrary`, giving the event loop a turn after every case (vitest's worker must answer its RPCs). */
async function check<T>(arbitrary: fc.Arbitrary<T>, body: (value: T) => void): Promise<void> {
  await fc.assert(fc.asyncProperty(arbitrary, async (value) => {
    const started = Date.now();
    if (process.env['FUZZ_TRACE'] !== undefined) writeFileSync(process.env['FUZZ_TRACE'], JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)));
    body(value);
    if (process.env['FUZZ_SLOW'] !== undefined && Date.now() - started > Number(process.env['FUZZ_SLOW'])) {
      process.stderr.write(`slow case (${Date.now() - started} ms): ${JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)).slice(0, 300)}\n`);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }), settings);
}

const CONTROLS = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)), '\u007f', '\u0085', '\u009b', '\u2028', '\u202e', '\ufeff', '\ufffd', '\ud800'];

/** Text pieces a hostile file is made of, joined: the structure characters of every format among them. */
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(...CONTROLS),
  fc.constantFrom('[', ']', '{', '}', '"', ',', ':', '\\', '\n', '\r\n', ';', '<', '>', '/', '<!--', '-->', '<![CDATA[', '&amp;', '&#x0;', '&#99999999;', '#', '\u00a0'),
  fc.constantFrom('<div>', '</div>', '<li class="comment">', '<div class="comment-content">', '<article>', '<script>', '</script>', '<p>', '<br/>', '<time datetime="2021-13-45">', '<meta charset="x-unknown">'),
  fc.constantFrom('Répondre', 'Signaler', ' a écrit :', 'il y a 3 heures', '12 commentaires', '↑ 3 ↓', '@alice', '> cité', '---', '25/12/2021 à 08h12', 'Posté par', '| Permalien'),
  fc.constantFrom('{"text": "x", "comments": [', '{"id": 1, "text": null}', '"parent_id": "c1"', '"id": "../../etc"', 'doc_id,text,parent_id,kind\n', 'article'),
);
const hostileText = fc.oneof(
  { weight: 6, arbitrary: fc.array(piece, { maxLength: 60 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('[', '{"a":', '<div>', '<ul><li class="comment">', '> '), fc.integer({ min: 1, max: 5_000 })).map(([open, n]) => open.repeat(n)) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 3 }), fc.integer({ min: 1, max: 100_000 })).map(([s, n]) => (s || 'a').repeat(n)) },
  { weight: 1, arbitrary: fc.json() },
);
const jsonRecord = fc.record({
  id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), text: fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer(), fc.constant(null)),
  published: fc.string(), lang: fc.string({ maxLength: 4 }),
  comments: fc.array(fc.record({ id: fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), parent_id: fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), text: fc.anything() }, { requiredKeys: [] }), { maxLength: 8 }),
}, { requiredKeys: [] });
const jsonText = fc.oneof(hostileText, jsonRecord.map((r) => JSON.stringify(r)), fc.array(jsonRecord, { maxLength: 5 }).map((r) => JSON.stringify(r)), fc.jsonValue().map((v) => JSON.stringify(v)));
const csvText = fc.oneof(hostileText, fc.array(fc.array(fc.oneof(fc.string(), fc.constantFrom('', '"', '""', 'd1', 'article', 'c1')), { minLength: 1, maxLength: 6 }), { maxLength: 10 })
  .map((rows) => ['doc_id,text,comment_id,parent_id,kind,published', ...rows.map((r) => r.join(','))].join('\n')));

/** Bytes: random, text in one encoding, or pieces in several. */
const hostileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  hostileText.map((t) => new Uint8Array(Buffer.from(t, 'utf8'))),
  fc.array(fc.tuple(hostileText, fc.constantFrom('utf8', 'windows-1252', 'utf16le', 'utf16be', 'latin1')), { maxLength: 4 })
    .map((parts) => new Uint8Array(Buffer.concat(parts.map(([t, enc]) => iconv.encode(t, enc))))),
  fc.tuple(fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]), fc.uint8Array({ maxLength: 500 })).map(([bom, rest]) => new Uint8Array([...bom, ...rest])),
);

describe('readers fed hostile input never throw (#18 fuzz)', LONG, () => {
  it('text layouts: every layout recognises and parses any text', async () => {
    await check(hostileText, (text) => {
      const lines = splitLines(text);
      for (const layout of TEXT_LAYOUTS) {
        layout.recognise(text, lines);
        layout.parse(text, lines);
      }
    });
  });

  it('JSON', async () => {
    await check(jsonText, (text) => { readJson(text, 'x.json'); });
  });

  it('JSON Lines', async () => {
    await check(fc.array(jsonText, { maxLength: 6 }).map((lines) => lines.join('\n')), (text) => { readJsonLines(text, 'x.jsonl'); });
  });

  it('CSV', async () => {
    await check(csvText, (text) => { readCsv(text); });
  });

  it('HTML', async () => {
    await check(hostileText, (text) => { readHtml(text); });
  });

  it('decoding: any bytes, any declared charset', async () => {
    await check(fc.tuple(hostileBytes, fc.option(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('utf-8', 'iso-8859-1', 'shift_jis', 'utf-16', 'x-user-defined', 'utf-7')))), ([bytes, charset]) => {
      looksBinary(bytes);
      const { text, replaced } = decodeBytes(bytes, charset ?? undefined);
      expect(typeof text).toBe('string');
      if (replaced !== undefined) expect(replaced).toBeGreaterThanOrEqual(0);
    });
  });

  it('ingestion of a whole file, any extension: rows, never an exception', async () => {
    await check(fc.tuple(hostileBytes, fc.constantFrom(...SUPPORTED_EXTENSIONS, '.md', ''), fc.string({ maxLength: 8 })), ([bytes, ext, name]) => {
      const result = ingestFile(`${name}${ext}`, bytes);
      for (const d of result.diagnostics) expect(['error', 'warning', 'info']).toContain(d.level);
    });
  });

  it('lexicon loader: a hostile claims file gives the lexicon or a LexiconError naming the file, nothing else', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'controverse-fuzz-lex-'));
    cpSync(path.resolve('test/fuzz/lexicons'), dir, { recursive: true });
    const file = path.join(dir, 'claims.fr.yaml');
    const yamlish = fc.oneof(
      hostileText,
      fc.array(fc.oneof(piece, fc.constantFrom('version: 1\n', 'entries:\n', '  - id: c.x\n', '    match: [', '"a*"', ', "…"', ']\n', '    label: X\n', '    examples: ["a"]\n', '&a ', '*a', '!!binary ', '? ', '- ', '    weight: ', '1e999', '.nan')), { maxLength: 40 }).map((p) => p.join('')),
    );
    await check(yamlish, (text) => {
      writeFileSync(file, text);
      try {
        loadLexicons(dir);
      } catch (error) {
        if (!(error instanceof LexiconError)) throw error;
        expect(error.message).toMatch(/claims\.fr\.yaml/u);
      }
    });
  });
});
