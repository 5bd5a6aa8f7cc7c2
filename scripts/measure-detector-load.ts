/**
 * Start-up cost of one language detector, in a fresh process: time and resident memory added by
 * importing the detector modules, building the detector and detecting one sentence. Prints JSON.
 * Run by `npm run bench:langid`; alone: `node --expose-gc --import tsx scripts/measure-detector-load.ts eld`.
 */
const name = process.argv[2] ?? 'eld';
globalThis.gc?.();
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const { createDetector, DETECTORS } = await import('../src/language/detect-language.js');
const detectorName = DETECTORS.find((d) => d === name);
if (detectorName === undefined) throw new Error(`unknown detector "${name}": expected one of ${DETECTORS.join(', ')}`);
createDetector(detectorName).detect('Bonjour à tous, et merci pour cet article.');
const ms = performance.now() - t0;
globalThis.gc?.();
console.log(JSON.stringify({ ms, rssMB: (process.memoryUsage().rss - rss0) / 1e6 }));
