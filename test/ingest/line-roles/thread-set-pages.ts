import { readFileSync } from 'node:fs';
import path from 'node:path';
import { labelLines } from '../../../src/ingest/line-roles/label-lines.js';
import { lineFeatures } from '../../../src/ingest/line-roles/line-features.js';
import { docIdFor, ingestFile } from '../../../src/ingest/ingest-file.js';
import { lineCuesWithout } from '../../../src/ingest/layouts/line-cues.js';
import { readLineRoles } from '../../../src/ingest/line-roles/line-role-reader.js';
import { type LineRoleModel, type TrainingPage, trainRoleModel } from '../../../src/ingest/line-roles/role-model.js';
import { buildDocument } from '../../../src/ingest/page.js';
import type { LineRole } from '../../../src/ingest/line-roles/roles.js';
import { splitLines } from '../../../src/ingest/layouts/text-lines.js';
import { SYNTHETIC_TRAINING_PAGES, syntheticPages } from '../../../src/ingest/line-roles/synthetic-pages.js';
import { type GoldUnit, type Ingest, readThreadGold, siteKindOf, THREAD_SET_DIR } from '../gold-units.js';

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

/** The synthetic pages the model is trained on beside the thread set (synthetic-pages.ts), with their line features. */
export function syntheticTrainingPages(count = SYNTHETIC_TRAINING_PAGES): TrainingPage[] {
  return syntheticPages(count).map((p) => ({ features: lineFeatures(p.lines), roles: p.roles }));
}

/** Every page the shipped model is trained on: the thread set's text copies, then the synthetic pages. */
export const trainingPages = (pages: readonly LabelledPage[] = labelledThreadPages(), synthetic: readonly TrainingPage[] = syntheticTrainingPages()): TrainingPage[] => [...pages, ...synthetic];

/** The line-role model of each text kind of the thread set, trained on the other kinds' pages only (and the synthetic pages). */
export function modelsWithoutEachKind(pages: readonly LabelledPage[] = labelledThreadPages(), synthetic: readonly TrainingPage[] = syntheticTrainingPages()): Map<string, LineRoleModel> {
  return new Map([...new Set(pages.map((p) => p.kind))].map((kind) => [kind, trainRoleModel(trainingPages(pages.filter((p) => p.kind !== kind), synthetic))]));
}

/**
 * Leave-one-kind-out for the whole reader: each kind read without the cues tagged with it and with a
 * line-role model trained without its pages (kinds without text copies are read as by `leaveOneKindOut`).
 */
export const leaveOneKindOutWithModel = (models: ReadonlyMap<string, LineRoleModel>) => (kind: string): Ingest => {
  const model = models.get(kind);
  return (file, bytes) => ingestFile(file, bytes, { lineCues: lineCuesWithout(kind), ...(model === undefined ? {} : { lineRoleModel: model }) });
};

/** Leave-one-kind-out for the line-role reader alone: every text copy read by the model trained without its kind, or as one unit. */
export const lineRolesOnly = (models: ReadonlyMap<string, LineRoleModel>) => (kind: string): Ingest => {
  const model = models.get(kind);
  return (file, bytes) => {
    if (model === undefined || !file.endsWith('.txt')) return ingestFile(file, bytes);
    const lines = splitLines(new TextDecoder().decode(bytes));
    const page = readLineRoles(lines, model, lineCuesWithout(kind))?.page ?? { body: lines.join('\n'), comments: [] };
    return { documents: [buildDocument({ docId: docIdFor(file), file, sha256: '' }, page).document] };
  };
};
