import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bestRoles, classifyLines, trainRoleModel, withFeatureTable } from '../../../src/ingest/line-roles/role-model.js';
import { LINE_ROLE_MODEL_PATH, modelFileText } from '../../../src/ingest/line-roles/shipped-model.js';
import { labelledThreadPages, trainingPages } from './thread-set-pages.js';

describe('line-role model', () => {
  const pages = labelledThreadPages();

  it('derives labels for every text copy of the thread set', () => {
    expect(pages.length).toBeGreaterThanOrEqual(30);
    expect(pages.filter((p) => p.missing > 0).map((p) => p.file)).toEqual([]);
  });

  it('is the file npm run train:reader writes from the thread set and the synthetic pages (training is deterministic)', () => {
    expect(modelFileText(trainRoleModel(trainingPages(pages)))).toBe(readFileSync(LINE_ROLE_MODEL_PATH, 'utf8'));
  }, 120_000);

  it('learns the roles from features: trained on two lines, it reads them back', () => {
    const model = trainRoleModel([{ features: [['bias', 'date', 'name'], ['bias', 'words4'], ['blank']], roles: ['header', 'start', undefined] }], 0.01, 100);
    const guesses = classifyLines(model, [['bias', 'date', 'name'], ['blank'], ['bias', 'words4']]);
    expect(guesses.map((g) => g?.role)).toEqual(['header', undefined, 'start']);
    expect(bestRoles(model, guesses)).toEqual(['header', undefined, 'start']);
  });

  it('classifies the same with its table by feature as with its weights by role', () => {
    const model = trainRoleModel([{ features: [['a', 'b'], ['c'], ['a', 'c']], roles: ['header', 'text', 'text'] }]);
    const lines = [['a'], ['b', 'c'], ['blank'], ['zzz']];
    expect(classifyLines(withFeatureTable(model), lines)).toEqual(classifyLines(model, lines));
  });
});
