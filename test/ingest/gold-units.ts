import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ingestFile } from '../../src/ingest/ingest-file.js';
import type { Document } from '../../src/model.js';
import { foldWhiteSpace } from '../../src/text/normalise.js';

/** The gold segmentation of the sample pages, shared with the stance and claim annotations. */
export const GOLD_UNITS_PATH = 'eval/samples/seeds-units.tsv';

export interface GoldUnit {
  readonly file: string;
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
}

/** Read the gold TSV (tab-separated, CSV-style quoting). */
export function readGoldUnits(file = GOLD_UNITS_PATH): GoldUnit[] {
  return parse(readFileSync(file, 'utf8'), { delimiter: '\t', columns: true, skip_empty_lines: true }) as GoldUnit[];
}

const fold = (s: string): string => foldWhiteSpace(s);

/** Ingest every gold file from the corpus folder and compare its units with the gold. */
export function scoreAgainstGold(gold: readonly GoldUnit[], corpusDir = 'corpus'): GoldScore {
  const documents = new Map<string, Document>();
  for (const file of new Set(gold.map((g) => g.file))) {
    const result = ingestFile(file, readFileSync(path.join(corpusDir, file)));
    const doc = result.documents[0];
    if (doc !== undefined) documents.set(file, doc);
  }
  const checks = gold.map((g): UnitCheck => {
    const doc = documents.get(g.file);
    const unit = doc?.units.find((u) => u.position === Number(g.unit));
    if (doc === undefined || unit === undefined) {
      return { gold: g, found: false, startsRight: false, endsRight: false, wrong: Object.fromEntries(METADATA_FIELDS.map((f) => [f, [g[f], '(missing)']])) };
    }
    const text = fold(unit.text);
    const positionOf = (id: string | undefined): string => (id === undefined ? '' : id.slice(id.lastIndexOf('#') + 1));
    const actual: Record<MetadataField, string> = {
      kind: unit.kind, author: unit.author ?? '', published: unit.published ?? '',
      parent: positionOf(unit.parentId), depth: String(unit.depth), quotes: positionOf(unit.quotesId),
    };
    const wrong: Partial<Record<MetadataField, [string, string]>> = {};
    for (const f of METADATA_FIELDS) if (actual[f] !== g[f]) wrong[f] = [g[f], actual[f]];
    return { gold: g, found: true, startsRight: text.startsWith(fold(g.first_words)), endsRight: text.endsWith(fold(g.last_words)), wrong };
  });
  const goldPerFile = new Map<string, number>();
  for (const g of gold) goldPerFile.set(g.file, (goldPerFile.get(g.file) ?? 0) + 1);
  let extraUnits = 0;
  for (const [file, n] of goldPerFile) extraUnits += Math.max(0, (documents.get(file)?.units.length ?? 0) - n);
  const metadataCorrect = checks.reduce((sum, c) => sum + METADATA_FIELDS.length - Object.keys(c.wrong).length, 0);
  return {
    checks,
    unitsMatched: checks.filter((c) => c.found && c.startsRight && c.endsRight).length,
    unitsTotal: checks.length,
    metadataCorrect,
    metadataTotal: checks.length * METADATA_FIELDS.length,
    extraUnits,
  };
}
