// Claims against the gold annotation of the sample pages: `npm run eval:claims`.
import { claimsGoldFigures } from '../test/eval/claims-gold-figures.js';

const f = await claimsGoldFigures();
console.log(`gold (unit, claim) pairs found: ${f.foundPairs}/${f.goldPairs} (recall ${f.recall.toFixed(3)})`);
console.log(`mentions outside the gold claims of their unit: ${f.mentionsOutsideGold}/${f.mentions} (${(100 * f.outsideShare).toFixed(1)} %)`);
if (f.missed.length > 0) console.log(`missed:\n  ${f.missed.join('\n  ')}`);
if (f.outside.length > 0) console.log(`outside gold:\n  ${f.outside.join('\n  ')}`);
