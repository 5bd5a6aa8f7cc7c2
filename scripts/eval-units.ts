/** Segmentation figures against the gold units: `npm run eval:units`. */
import { readGoldUnits, scoreAgainstGold } from '../test/ingest/gold-units.js';

const score = scoreAgainstGold(readGoldUnits());
for (const c of score.checks) {
  const problems = [
    ...(c.found ? [] : ['not found']),
    ...(c.found && !c.startsRight ? ['wrong start'] : []),
    ...(c.found && !c.endsRight ? ['wrong end'] : []),
    ...Object.entries(c.wrong).map(([f, [want, got]]) => `${f}: want "${want}", got "${got}"`),
  ];
  if (problems.length > 0) console.log(`${c.gold.file}#${c.gold.unit}: ${problems.join('; ')}`);
}
console.log(`units matched: ${score.unitsMatched} / ${score.unitsTotal}`);
console.log(`metadata accuracy: ${score.metadataCorrect} / ${score.metadataTotal} = ${(score.metadataCorrect / score.metadataTotal).toFixed(3)}`);
console.log(`units found beyond the gold: ${score.extraUnits}`);
