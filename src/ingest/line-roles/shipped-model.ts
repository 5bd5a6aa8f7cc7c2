import shipped from './line-role-model.json' with { type: 'json' };
import type { LineRoleModel } from './role-model.js';
import { ROLE_ITERATIONS, ROLE_LAMBDA, withFeatureTable } from './role-model.js';

/** Where `npm run train:reader` writes the model, relative to the repository. */
export const LINE_ROLE_MODEL_PATH = 'src/ingest/line-roles/line-role-model.json';

/** The model file's text: what it is, how it was fitted, then the weights of each role, features in name order. */
export function modelFileText(model: LineRoleModel): string {
  const file = {
    about: 'Line-role model of the thread reader (src/ingest/line-roles/); written by npm run train:reader from eval/threads and the synthetic pages (synthetic-pages.ts), do not edit.',
    lambda: ROLE_LAMBDA,
    iterations: ROLE_ITERATIONS,
    weights: model.weights,
    transitions: model.transitions,
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

/** The model shipped with the tool, with its table by feature. */
export const LINE_ROLE_MODEL: LineRoleModel = withFeatureTable(shipped as LineRoleModel);
