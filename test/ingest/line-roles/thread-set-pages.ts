import { readFileSync } from 'node:fs';
import path from 'node:path';
import { labelLines } from '../../../src/ingest/line-roles/label-lines.js';
import { lineFeatures } from '../../../src/ingest/line-roles/line-features.js';
import type { TrainingPage } from '../../../src/ingest/line-roles/role-model.js';
import type { LineRole } from '../../../src/ingest/line-roles/roles.js';
import { splitLines } from '../../../src/ingest/layouts/text-lines.js';
import { type GoldUnit, readThreadGold, siteKindOf, THREAD_SET_DIR } from '../gold-units.js';

/** One text copy of the thread set with its lines labelled from the gold. */
export interface LabelledPage extends TrainingPage {
  readonly file: string;
  readonly kind: string;
  readonly lines: readonly string[];
  readonly roles: readonly (LineRole | undefined)[];
  /** Gold units whose words were not found in the page (its lines are then all unlabelled). */
  readonly missing: number;
}

/** The text copies (`.txt`) of the thread set, each with its line features and the roles its gold gives. */
export function labelledThreadPages(dir = THREAD_SET_DIR): LabelledPage[] {
  const byFile = new Map<string, GoldUnit[]>();
  for (const g of readThreadGold(dir)) {
    if (!g.file.endsWith('.txt')) continue;
    byFile.set(g.file, [...(byFile.get(g.file) ?? []), g]);
  }
  return [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, gold]) => {
    const lines = splitLines(readFileSync(path.join(dir, 'pages', file), 'utf8'));
    const units = [...gold].sort((a, b) => Number(a.unit) - Number(b.unit))
      .map((g) => ({ kind: g.kind, author: g.author, quotes: g.quotes, firstWords: g.first_words, lastWords: g.last_words }));
    const { roles, missing } = labelLines(lines, units);
    return { file, kind: siteKindOf(gold[0]!), lines, roles, missing, features: lineFeatures(lines) };
  });
}
