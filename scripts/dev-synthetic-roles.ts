// How far the synthetic pages alone teach the line roles of the development set: one model trained on
// N synthetic pages only (no development page, so every kind is unseen by it), its line roles compared
// with the labels of the development text copies, and the line-role reader alone scored on the set.
// With --loko: the line-role reader alone, leave-one-kind-out, each model trained on the other kinds
// and N synthetic pages (the "line roles only" row of eval:units, without its other rows).
// `npx tsx scripts/dev-synthetic-roles.ts [--loko] [N…]` (default 200). Development set only.
import { bestRoles, classifyLines, trainRoleModel } from '../src/ingest/line-roles/role-model.js';
import { LINE_ROLES } from '../src/ingest/line-roles/roles.js';
import { scoreThreadSet } from '../test/ingest/gold-units.js';
import { labelledThreadPages, lineRolesOnly, modelsWithoutEachKind, syntheticTrainingPages } from '../test/ingest/line-roles/thread-set-pages.js';

const dev = labelledThreadPages();
const loko = process.argv.includes('--loko');
const counts = process.argv.slice(2).filter((a) => a !== '--loko').map(Number);
for (const count of counts.length > 0 ? counts : [200]) {
  if (loko) {
    const f = scoreThreadSet(undefined, lineRolesOnly(modelsWithoutEachKind(dev, syntheticTrainingPages(count)))).overall;
    console.log(`${count} synthetic pages, leave-one-kind-out: line roles only F1 ${f.f1.toFixed(3)} (P ${f.precision.toFixed(3)}, R ${f.recall.toFixed(3)}, author ${f.author.toFixed(3)}, date ${f.published.toFixed(3)})`);
    continue;
  }
  const model = trainRoleModel(syntheticTrainingPages(count));
  const confusion = new Map<string, number>();
  let right = 0;
  let all = 0;
  for (const p of dev) {
    const roles = bestRoles(model, classifyLines(model, p.features));
    p.roles.forEach((want, i) => {
      if (want === undefined) return;
      all += 1;
      if (roles[i] === want) right += 1;
      else confusion.set(`${want}→${roles[i] ?? '-'}`, (confusion.get(`${want}→${roles[i] ?? '-'}`) ?? 0) + 1);
    });
  }
  const models = new Map(dev.map((p) => [p.kind, model]));
  const f = scoreThreadSet(undefined, lineRolesOnly(models)).overall;
  console.log(`${count} synthetic pages: line roles ${right}/${all} = ${(right / all).toFixed(3)}; line roles only F1 ${f.f1.toFixed(3)} (author ${f.author.toFixed(3)}, date ${f.published.toFixed(3)})`);
  console.log(`  errors: ${[...confusion].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, n]) => `${k} ${n}`).join(', ')} (roles ${LINE_ROLES.join(' ')})`);
}
