import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { noEvidence, type Calibration, type LanguageEvidence } from './calibrate.js';
import { toIso6393 } from './iso-639.js';

/** eld's n-gram databases shipped in the npm package: bigger is more accurate on short text. */
export type EldSize = 'large' | 'small';

/** Fitted with `npm run bench:langid -- --fit` on every other item of the langid benchmark. */
export const ELD_CALIBRATION: Readonly<Record<EldSize, Calibration>> = {
  large: { intercept: -17.733, letters: 1.387, margin: 29.976, top: 18.446 },
  small: { intercept: -20.167, letters: 1.99, margin: 13.963, top: 20.475 },
};

interface EldResult {
  readonly language: string;
  getScores(): Record<string, number>;
}
interface Eld {
  detect(text: string): EldResult;
}

/**
 * Load one of eld's databases. eld is an ES module whose entries load their database when
 * evaluated (the large one costs about 400 MB and seconds), so it is loaded here, on demand,
 * rather than by a static import that every module importing the detectors would pay for.
 * Node caches the module: a second detector of the same size shares the first one's database.
 */
function loadEld(size: EldSize): Eld {
  const require = createRequire(import.meta.url);
  // eld exports its entries for `import` only, so require.resolve cannot name them: find the
  // package where require would, then take the entry its package.json exports.
  const dir = (require.resolve.paths('eld') ?? []).map((p) => path.join(p, 'eld')).find((p) => existsSync(path.join(p, 'package.json')));
  if (dir === undefined) throw new Error('the eld package is not installed (npm ci)');
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { exports: Record<string, { import: string }> };
  const entry = manifest.exports[`./${size}`]?.import;
  if (entry === undefined) throw new Error(`the installed eld package has no "${size}" database`);
  return (require(path.join(dir, entry)) as { eld: Eld }).eld;
}

/** An evidence function over eld (n-gram model, 60 languages, ISO 639-1 codes mapped to 639-3). */
export function createEldEvidence(size: EldSize): (sample: string, letters: number) => LanguageEvidence {
  const eld = loadEld(size);
  return (sample, letters) => {
    const result = eld.detect(sample);
    const code = result.language === '' ? undefined : toIso6393(result.language);
    if (code === undefined) return noEvidence(letters);
    const scores = Object.values(result.getScores()).sort((a, b) => b - a);
    const top = scores[0] ?? 0;
    const second = scores[1] ?? 0;
    return { code, letters, top, margin: top > 0 ? (top - second) / top : 0 };
  };
}
