/**
 * How well encoding detection reads French text: every paragraph with accents of the sample corpus
 * (or every French sentence with accents of a `id, lang, bucket, text` TSV such as the language
 * benchmark), saved as UTF-8 and as Windows-1252, decoded by decodeBytes (src/ingest/decode.ts). When the
 * detectors `chardet` and `jschardet` are installed (`npm i --no-save chardet jschardet`), they are
 * measured on the same bytes for comparison.
 *
 *   npx tsx scripts/measure-decoding.ts [corpus-folder | file.tsv]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { decodeBytes } from '../src/ingest/decode.js';

type Detector = (bytes: Buffer) => string | undefined;

async function optionalDetectors(): Promise<[string, Detector][]> {
  const found: [string, Detector][] = [];
  const load = async (name: string): Promise<Record<string, unknown> | undefined> => {
    try {
      return (await import(name)) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  };
  const chardet = (await load('chardet'))?.default as { detect(b: Buffer): string | null } | undefined;
  if (chardet !== undefined) found.push(['chardet', (b) => chardet.detect(b) ?? undefined]);
  const jschardet = (await load('jschardet'))?.default as { detect(s: string): { encoding: string | null } } | undefined;
  if (jschardet !== undefined) found.push(['jschardet', (b) => jschardet.detect(b.toString('binary')).encoding ?? undefined]);
  return found;
}

const corpus = process.argv[2] ?? 'corpus';
const texts = corpus.endsWith('.tsv')
  ? readFileSync(corpus, 'utf8').split('\n').slice(1).map((l) => l.split('\t')).filter((c) => c[1] === 'fra').map((c) => c[3] ?? '')
  : readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()
    .flatMap((f) => readFileSync(path.join(corpus, f), 'utf8').split(/\n\s*\n/u).map((p) => p.trim()))
    .filter((p) => p.length >= 20);
const paragraphs = texts.filter((p) => /[^\p{ASCII}]/u.test(p));

const detectors: [string, Detector][] = [['decodeBytes (strict UTF-8, else Windows-1252)', (b) => decodeBytes(b).encoding], ...(await optionalDetectors())];
const reads = (encoding: string | undefined, bytes: Buffer, expected: string): boolean => {
  if (encoding === undefined || !iconv.encodingExists(encoding)) return false;
  const label = /^(?:iso-8859-1|ascii)$/iu.test(encoding) ? 'windows-1252' : encoding;
  return iconv.decode(bytes, label).normalize('NFC') === expected;
};
const rows: Record<string, string> = {};
for (const [name, detect] of detectors) {
  for (const encoding of ['utf-8', 'windows-1252']) {
    const samples = paragraphs.filter((p) => iconv.decode(iconv.encode(p, encoding), encoding) === p);
    const right = samples.filter((p) => {
      const bytes = iconv.encode(p, encoding);
      return reads(detect(bytes), bytes, p.normalize('NFC'));
    }).length;
    rows[`${name} on ${encoding}`] = `${right}/${samples.length} texts read right`;
  }
}
console.log(`${paragraphs.length} French texts with non-ASCII characters in ${corpus}`);
console.table(rows);
