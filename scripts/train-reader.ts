/**
 * Train the line-role model of the thread reader on the development set's text copies and write it:
 * `npm run train:reader` → src/ingest/line-roles/line-role-model.json. Deterministic: the same gold
 * and pages give a byte-identical file (test/ingest/line-roles/role-model.test.ts checks it).
 */
import { writeFileSync } from 'node:fs';
import { LINE_ROLE_MODEL_PATH, modelFileText } from '../src/ingest/line-roles/shipped-model.js';
import { trainRoleModel } from '../src/ingest/line-roles/role-model.js';
import { labelledThreadPages } from '../test/ingest/line-roles/thread-set-pages.js';

const pages = labelledThreadPages();
const model = trainRoleModel(pages);
writeFileSync(LINE_ROLE_MODEL_PATH, modelFileText(model));
const lines = pages.reduce((n, p) => n + p.roles.filter((r) => r !== undefined).length, 0);
console.log(`line-role model trained on ${lines} lines of ${pages.length} pages; written to ${LINE_ROLE_MODEL_PATH}`);
