// node scripts/ab-analysis-stages.mjs <corpus folder> <dist folder of a build>
// The stages of one worker's analysis that issue 17 asked to make faster (language, tokenise,
// stances, claims), timed apart in CPU seconds on the units of a corpus (best of 7 passes), with a
// read + tokenise pass as the reference. Plain JavaScript over a build's dist/, so that two builds
// (say main's and a branch's, each built with `npx tsc`) are compared by the same script.
import { readdirSync, readFileSync } from 'node:fs';
import process from 'node:process';
import { stdout } from 'node:process';
import path from 'node:path';
const dist = process.argv[3];
const imp = (m) => import(`${dist}/${m}`);
const { createAnalysisContext } = await imp('pipeline/analyse-file.js');
const { ingestFile } = await imp('ingest/ingest-file.js');
const { detectDocumentLanguages } = await imp('language/detect-document-languages.js');
const tk = await imp('text/tokenise.js');
const { tagStances } = await imp('stance/tag-stances.js');
const { scoreStances } = await imp('stance/score-stances.js');
const { findClaims } = await imp('claims/find-claims.js');
let Vocabulary;
try {
  ({ Vocabulary } = await imp('text/vocabulary.js'));
} catch {
  // A build from before the vocabulary: plain tokenise.
}
function list(d, out = []) { for (const e of readdirSync(d, { withFileTypes: true })) { const f = path.join(d, e.name); if (e.isDirectory()) list(f, out); else out.push(f); } return out; }
const root = process.argv[2];
const files = list(root).sort();
const ctx = createAnalysisContext({ lexiconDir: path.resolve(dist, '../lexicons'), langDetector: 'eld', fields: undefined }, false);
const docs = files.flatMap((f) => ingestFile(path.relative(root, f), readFileSync(f), ctx.ingest ?? {}).documents);
const units = docs.flatMap((d) => d.units);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const best = {};
function time(name, fn) { const t = cpu(); fn(); const s = cpu() - t; best[name] = Math.min(best[name] ?? Infinity, s); }
const texts = files.map((f) => readFileSync(f, 'utf8'));
const pass = (withStances, withClaims) => {
  const vocab = Vocabulary ? new Vocabulary() : undefined;
  for (const u of units) {
    const { tokens, ids } = vocab ? tk.tokeniseWithIds(u.text, vocab) : { tokens: tk.tokenise(u.text, ctx.folder), ids: undefined };
    if (withStances) scoreStances(u.text, tagStances(u, tokens, { lexicon: ctx.lexicons.stances, ...(ids ? { ids } : {}) }), ctx.lexicons.categories);
    if (withClaims) findClaims(u, tokens, ctx.lexicons.claims, ids);
  }
};
for (let r = 0; r < 7; r++) {
  time('language', () => { for (const d of docs) detectDocumentLanguages(d, ctx.detector); });
  time('tokenise', () => pass(false, false));
  time('tok+stances', () => pass(true, false));
  time('tok+claims', () => pass(false, true));
  time('reference', () => { for (const t of texts) tk.tokenise(t); });
}
best.stances = best['tok+stances'] - best.tokenise;
best.claims = best['tok+claims'] - best.tokenise;
const own = best.language + best.tokenise + best.stances + best.claims;
stdout.write(`${JSON.stringify({ dist, units: units.length, ...Object.fromEntries(Object.entries(best).map(([k, v]) => [k, +v.toFixed(3)])), own: +own.toFixed(3), ownOverRef: +(own / best.reference).toFixed(2) })}\n`);
