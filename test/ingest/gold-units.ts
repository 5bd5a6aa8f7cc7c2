import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ingestFile } from '../../src/ingest/ingest-file.js';
import { lineCuesWithout } from '../../src/ingest/layouts/line-cues.js';
import type { Document } from '../../src/model.js';
import { foldWhiteSpace } from '../../src/text/normalise.js';

/** The gold segmentation of the sample pages, shared with the stance and claim annotations. */
export const GOLD_UNITS_PATH = 'eval/samples/seeds-units.tsv';
/** The thread-reader development set: pages under `pages/`, one gold TSV per site kind under `gold/`. */
export const THREAD_SET_DIR = 'eval/threads';
/** Pages of kinds not in the thread set, never tuned on (eval/threads-heldout/README.md). */
export const HELD_OUT_DIR = 'eval/threads-heldout';
/** A second held-out set, of kinds in neither set above, written once the first had been looked at (eval/threads-heldout-2/README.md). */
export const FRESH_HELD_OUT_DIR = 'eval/threads-heldout-2';
/** A ninth set, written on 2026-12-07 blind to the reader, of kinds in none of the sets above, kept unread until the next reader round is merged (eval/threads-heldout-9/README.md). */
export const NINTH_HELD_OUT_DIR = 'eval/threads-heldout-9';

export interface GoldUnit {
  readonly file: string;
  /** Record id inside an export holding several documents; empty or absent for a one-page file. */
  readonly doc?: string;
  readonly unit: string;
  readonly kind: string;
  readonly author: string;
  readonly published: string;
  readonly parent: string;
  readonly depth: string;
  readonly quotes: string;
  readonly first_words: string;
  readonly last_words: string;
  readonly note: string;
}

/** The metadata fields compared for every gold unit. */
export const METADATA_FIELDS = ['kind', 'author', 'published', 'parent', 'depth', 'quotes'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

export interface UnitCheck {
  readonly gold: GoldUnit;
  readonly found: boolean;
  readonly startsRight: boolean;
  readonly endsRight: boolean;
  /** Fields whose value differs from the gold: field → [expected, actual]. */
  readonly wrong: Partial<Record<MetadataField, [string, string]>>;
}

export interface GoldScore {
  readonly checks: readonly UnitCheck[];
  readonly unitsMatched: number;
  readonly unitsTotal: number;
  readonly metadataCorrect: number;
  readonly metadataTotal: number;
  /** Units the pipeline found that the gold does not have, per file. */
  readonly extraUnits: number;
  /** Units the reader produced in the gold files. */
  readonly unitsProduced: number;
}

/** Reads one file into documents: `ingestFile`, or a variant of it (leave-one-kind-out). */
export type Ingest = (file: string, bytes: Uint8Array) => { readonly documents: readonly Document[] };

/** Read the gold TSV (tab-separated, CSV-style quoting). */
export function readGoldUnits(file = GOLD_UNITS_PATH): GoldUnit[] {
  return parse(readFileSync(file, 'utf8'), { delimiter: '\t', columns: true, skip_empty_lines: true }) as GoldUnit[];
}

const fold = (s: string): string => foldWhiteSpace(s);

/** Dates agree at the gold's precision: "2022-09-26T06:30:12" is right for a gold of "2022-09-26T06:30". */
const agrees = (f: MetadataField, want: string, got: string): boolean => got === want || (f === 'published' && want !== '' && got.startsWith(want));

/** The gold of every site kind of the thread set (`eval/threads/gold/*.tsv`), in file-name order. */
export function readThreadGold(dir = THREAD_SET_DIR): GoldUnit[] {
  const goldDir = path.join(dir, 'gold');
  return readdirSync(goldDir).filter((f) => f.endsWith('.tsv')).sort().flatMap((f) => readGoldUnits(path.join(goldDir, f)));
}

/** The site kind of a thread-set gold row: the folder of its page (`reddit/reddit-1.txt` → `reddit`). */
export const siteKindOf = (g: GoldUnit): string => g.file.split('/')[0] ?? g.file;

const documentKey = (file: string, doc: string | undefined): string => `${file}\u0000${doc ?? ''}`;

/** Ingest every gold file from the corpus folder and compare its units with the gold. */
export function scoreAgainstGold(gold: readonly GoldUnit[], corpusDir = 'corpus', ingest: Ingest = ingestFile): GoldScore {
  const documents = new Map<string, Document>();
  const producedPerFile = new Map<string, number>();
  for (const file of new Set(gold.map((g) => g.file))) {
    const result = ingest(file, readFileSync(path.join(corpusDir, file)));
    const first = result.documents[0];
    if (first !== undefined) documents.set(documentKey(file, undefined), first);
    for (const d of result.documents) {
      const hash = d.id.indexOf('#');
      if (hash !== -1) documents.set(documentKey(file, d.id.slice(hash + 1)), d);
    }
    producedPerFile.set(file, result.documents.reduce((n, d) => n + d.units.filter((u) => u.text !== '').length, 0));
  }
  // A document whose gold unit 0 is a comment (an app's reactions screen, an export of comments
  // alone: eval/threads/README-from-heldout-4.md) numbers its comments from 0; the reader's documents
  // always hold an article at position 0, empty when the page has none: gold unit n is then the
  // reader's unit n + 1. (Older gold leaves out an empty article's row and numbers comments from 1.)
  const commentFirst = new Set(gold.filter((g) => g.unit === '0' && g.kind !== 'article').map((g) => documentKey(g.file, g.doc === '' ? undefined : g.doc)));
  const checks = gold.map((g): UnitCheck => {
    const key = documentKey(g.file, g.doc === '' ? undefined : g.doc);
    const doc = documents.get(key);
    const shift = commentFirst.has(key) && doc?.units[0]?.kind === 'article' && doc.units[0].text === '' ? 1 : 0;
    const unit = doc?.units.find((u) => u.position === Number(g.unit) + shift);
    if (doc === undefined || unit === undefined) {
      return { gold: g, found: false, startsRight: false, endsRight: false, wrong: Object.fromEntries(METADATA_FIELDS.map((f) => [f, [g[f], '(missing)']])) };
    }
    const text = fold(unit.text);
    const positionOf = (id: string | undefined): string => (id === undefined ? '' : String(Number(id.slice(id.lastIndexOf('#') + 1)) - shift));
    const actual: Record<MetadataField, string> = {
      kind: unit.kind, author: unit.author ?? '', published: unit.published ?? '',
      parent: positionOf(unit.parentId), depth: String(unit.depth), quotes: positionOf(unit.quotesId),
    };
    const wrong: Partial<Record<MetadataField, [string, string]>> = {};
    for (const f of METADATA_FIELDS) if (!agrees(f, g[f], actual[f])) wrong[f] = [g[f], actual[f]];
    return { gold: g, found: true, startsRight: text.startsWith(fold(g.first_words)), endsRight: text.endsWith(fold(g.last_words)), wrong };
  });
  const goldPerFile = new Map<string, number>();
  for (const g of gold) goldPerFile.set(g.file, (goldPerFile.get(g.file) ?? 0) + 1);
  let extraUnits = 0;
  for (const [file, n] of goldPerFile) extraUnits += Math.max(0, (producedPerFile.get(file) ?? 0) - n);
  const metadataCorrect = checks.reduce((sum, c) => sum + METADATA_FIELDS.length - Object.keys(c.wrong).length, 0);
  return {
    checks,
    unitsMatched: checks.filter((c) => c.found && c.startsRight && c.endsRight).length,
    unitsTotal: checks.length,
    metadataCorrect,
    metadataTotal: checks.length * METADATA_FIELDS.length,
    extraUnits,
    unitsProduced: [...producedPerFile.values()].reduce((a, b) => a + b, 0),
  };
}

/** The figures of one set of gold units: unit F1 and the accuracy of author, date and parent. */
export interface ThreadFigures {
  readonly units: number;
  readonly found: number;
  readonly produced: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Share of gold units whose field is right (a unit not found counts as wrong). */
  readonly author: number;
  readonly published: number;
  readonly parent: number;
}

/** Unit F1 (a gold unit is found when the unit at its position has its first and last words) and metadata accuracy. */
export function figuresOf(score: GoldScore): ThreadFigures {
  const found = score.unitsMatched;
  const precision = score.unitsProduced === 0 ? 0 : found / score.unitsProduced;
  const recall = score.unitsTotal === 0 ? 0 : found / score.unitsTotal;
  const right = (f: MetadataField): number => (score.checks.length === 0 ? 0 : score.checks.filter((c) => c.found && c.wrong[f] === undefined).length / score.checks.length);
  return {
    units: score.unitsTotal, found, produced: score.unitsProduced, precision, recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    author: right('author'), published: right('published'), parent: right('parent'),
  };
}

/** Score the thread set: overall and per site kind. `ingestFor(kind)` reads that kind's pages (leave-one-kind-out). */
export function scoreThreadSet(dir = THREAD_SET_DIR, ingestFor: (kind: string) => Ingest = () => ingestFile): { overall: ThreadFigures; perKind: Map<string, ThreadFigures>; checks: UnitCheck[] } {
  const gold = readThreadGold(dir);
  const kinds = [...new Set(gold.map(siteKindOf))];
  const perKind = new Map<string, ThreadFigures>();
  const checks: UnitCheck[] = [];
  let total: GoldScore | undefined;
  for (const kind of kinds) {
    const score = scoreAgainstGold(gold.filter((g) => siteKindOf(g) === kind), path.join(dir, 'pages'), ingestFor(kind));
    perKind.set(kind, figuresOf(score));
    checks.push(...score.checks);
    total = total === undefined ? score : {
      checks: [...total.checks, ...score.checks], unitsMatched: total.unitsMatched + score.unitsMatched, unitsTotal: total.unitsTotal + score.unitsTotal,
      metadataCorrect: total.metadataCorrect + score.metadataCorrect, metadataTotal: total.metadataTotal + score.metadataTotal,
      extraUnits: total.extraUnits + score.extraUnits, unitsProduced: total.unitsProduced + score.unitsProduced,
    };
  }
  if (total === undefined) throw new Error(`no gold units under ${dir}/gold`);
  return { overall: figuresOf(total), perKind, checks };
}

/** Leave-one-kind-out: each kind read without the cues tagged with it (src/ingest/layouts/line-cues.ts). */
export const leaveOneKindOut = (kind: string): Ingest => (file, bytes) => ingestFile(file, bytes, { lineCues: lineCuesWithout(kind) });
