/** Segmentation figures against the gold units, the sample pages then the thread set: `npm run eval:units`. */
import { leaveOneKindOutWithModel, lineRolesOnly, modelsWithoutEachKind, syntheticTrainingPages } from '../test/ingest/line-roles/thread-set-pages.js';
import { FRESH_HELD_OUT_DIR, HELD_OUT_DIR, NINTH_HELD_OUT_DIR, leaveOneKindOut, type ThreadFigures, type UnitCheck, readGoldUnits, scoreAgainstGold, scoreThreadSet } from '../test/ingest/gold-units.js';

const verbose = process.argv.includes('--verbose');
/** `--dev-only`: skip the held-out sets (while changing the reader, their figures must not be looked at). */
const devOnly = process.argv.includes('--dev-only');
/** `--synthetic N`: the retrained models see N synthetic pages (default: as many as the shipped model). */
const syntheticAt = process.argv.indexOf('--synthetic');
const synthetic = syntheticAt === -1 ? undefined : Number(process.argv[syntheticAt + 1]);

function problemsOf(c: UnitCheck): string[] {
  return [
    ...(c.found ? [] : ['not found']),
    ...(c.found && !c.startsRight ? ['wrong start'] : []),
    ...(c.found && !c.endsRight ? ['wrong end'] : []),
    ...Object.entries(c.wrong).map(([f, [want, got]]) => `${f}: want "${want}", got "${got}"`),
  ];
}

const pct = (x: number): string => x.toFixed(3);
const row = (name: string, f: ThreadFigures): string =>
  `${name.padEnd(20)} ${String(f.found).padStart(4)}/${String(f.units).padEnd(4)} produced ${String(f.produced).padStart(4)}  P ${pct(f.precision)}  R ${pct(f.recall)}  F1 ${pct(f.f1)}  author ${pct(f.author)}  date ${pct(f.published)}  parent ${pct(f.parent)}`;

console.log('# Sample pages (eval/samples/seeds-units.tsv)');
const score = scoreAgainstGold(readGoldUnits());
for (const c of score.checks) {
  const problems = problemsOf(c);
  if (problems.length > 0) console.log(`${c.gold.file}#${c.gold.unit}: ${problems.join('; ')}`);
}
console.log(`units matched: ${score.unitsMatched} / ${score.unitsTotal}`);
console.log(`metadata accuracy: ${score.metadataCorrect} / ${score.metadataTotal} = ${(score.metadataCorrect / score.metadataTotal).toFixed(3)}`);
console.log(`units found beyond the gold: ${score.extraUnits}`);

console.log('\n# Thread set (eval/threads), per site kind');
const threads = scoreThreadSet();
if (verbose) {
  for (const c of threads.checks) {
    const problems = problemsOf(c);
    if (problems.length > 0) console.log(`${c.gold.file}${c.gold.doc ? `#${c.gold.doc}` : ''}#${c.gold.unit}: ${problems.join('; ')}`);
  }
}
for (const [kind, f] of threads.perKind) console.log(row(kind, f));
console.log(row('ALL', threads.overall));

console.log('\n# Thread set, leave-one-kind-out (each kind read without the cues tagged with it)');
const loko = scoreThreadSet(undefined, leaveOneKindOut);
for (const [kind, f] of loko.perKind) if (f.f1 !== threads.perKind.get(kind)?.f1) console.log(row(kind, f));
console.log(row('ALL', loko.overall));

console.log('\n# Thread set, leave-one-kind-out with the line-role model retrained without each kind (the honest figure of the whole reader)');
const models = modelsWithoutEachKind(undefined, syntheticTrainingPages(synthetic));
const lokoModel = scoreThreadSet(undefined, leaveOneKindOutWithModel(models));
for (const [kind, f] of lokoModel.perKind) if (f.f1 !== threads.perKind.get(kind)?.f1) console.log(row(kind, f));
console.log(row('ALL', lokoModel.overall));
console.log(row('line roles only', scoreThreadSet(undefined, lineRolesOnly(models)).overall));

/** A held-out set, kind by kind then overall (its problems with --verbose). */
function printHeldOut(title: string, dir: string, name: string): void {
  console.log(`\n# ${title}`);
  const heldOut = scoreThreadSet(dir);
  if (verbose) {
    for (const c of heldOut.checks) {
      const problems = problemsOf(c);
      if (problems.length > 0) console.log(`${c.gold.file}#${c.gold.unit}: ${problems.join('; ')}`);
    }
  }
  for (const [kind, f] of heldOut.perKind) console.log(row(kind, f));
  console.log(row(name, heldOut.overall));
}

// Never tuned on (eval/threads-heldout/README.md): kinds of pages the reader was not written for.
if (devOnly) process.exit(0);
printHeldOut(`Held-out set (${HELD_OUT_DIR}), kinds not in the thread set; never tuned on`, HELD_OUT_DIR, 'held-out');
// The first held-out set has been looked at while deciding changes to the reader; this one has not
// (eval/threads-heldout-2/README.md): its figure is the clean one.
printHeldOut(`Fresh held-out set (${FRESH_HELD_OUT_DIR}), kinds in neither set above; never looked at while changing the reader`, FRESH_HELD_OUT_DIR, 'fresh held-out');
// Written blind on 2026-12-07 by someone who had not read the reader, kept unread until reader round
// 9 was merged (eval/threads-heldout-9/README.md): the check of that round.
printHeldOut(`Ninth held-out set (${NINTH_HELD_OUT_DIR}), 16 kinds in none of the sets above`, NINTH_HELD_OUT_DIR, 'ninth held-out');
