/**
 * Train the line-role model of the thread reader on the development set's text copies and the
 * synthetic pages (synthetic-pages.ts), and write it: `npm run train:reader` →
 * src/ingest/line-roles/line-role-model.json. `--synthetic N` trains on N synthetic pages instead of
 * SYNTHETIC_TRAINING_PAGES (0: the development set alone). Deterministic: the same gold, pages and
 * count give a byte-identical file (test/ingest/line-roles/role-model.test.ts checks it).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { LINE_ROLE_MODEL_PATH, modelFileText } from '../src/ingest/line-roles/shipped-model.js';
import { trainRoleModel } from '../src/ingest/line-roles/role-model.js';
import { SYNTHETIC_TRAINING_PAGES } from '../src/ingest/line-roles/synthetic-pages.js';
import { labelledThreadPages, syntheticTrainingPages, trainingPages } from '../test/ingest/line-roles/thread-set-pages.js';

const { values } = parseArgs({ options: { synthetic: { type: 'string', default: String(SYNTHETIC_TRAINING_PAGES) } } });
const count = Number(values.synthetic);
if (!Number.isInteger(count) || count < 0) throw new Error(`--synthetic wants a whole number of pages, not "${values.synthetic}"`);
const dev = labelledThreadPages();
const pages = trainingPages(dev, syntheticTrainingPages(count));
const model = trainRoleModel(pages);
writeFileSync(LINE_ROLE_MODEL_PATH, modelFileText(model));
const lines = pages.reduce((n, p) => n + p.roles.filter((r) => r !== undefined).length, 0);
console.log(`line-role model trained on ${lines} lines of ${dev.length} development and ${count} synthetic pages; written to ${LINE_ROLE_MODEL_PATH}`);
