import type { Diagnostic } from '../../model.js';
import type { ParsedPage } from '../page.js';
import { DEFAULT_LINE_CUES, type LineCueSet } from '../layouts/line-cues.js';
import { decodeRoles } from './decode-roles.js';
import { type FeatureGroup, lineFeatureGroups, lineFeatureReader } from './line-features.js';
import { bestRoles, classifyGroups, groupClassifier, type LineRoleModel, type RoleGuess } from './role-model.js';
import { LINE_ROLES, type LineRole } from './roles.js';

/**
 * The learned line-role reader: each line's role from the model, decoded into units. It reads a
 * page when it finds at least two comments; its confidence is the mean probability of the roles it
 * chose, and below `MIN_CONFIDENCE` it says so in a diagnostics row.
 */

/** Mean role probability under which a reading is flagged as unsure. */
export const MIN_CONFIDENCE = 0.85;

export interface LineRoleReading {
  readonly page: ParsedPage;
  readonly diagnostics: Omit<Diagnostic, 'file' | 'docId'>[];
  /** Mean probability of the chosen role over the non-blank lines. */
  readonly confidence: number;
}

const WORD_ROLES = ['body', 'start', 'text'].map((r) => LINE_ROLES.indexOf(r as LineRole));
const wordsProbabilityOf = (g: RoleGuess | undefined): number => (g === undefined ? 0 : WORD_ROLES.reduce((p, k) => p + (g.probabilities[k] ?? 0), 0));

/**
 * Read a page's lines with the model, or undefined when fewer than two comments come out. With
 * `onlyConfident`, also undefined when the reading would be below `minConfidence`, found from as
 * few lines as it takes (see `guessesOf`).
 */
export function readLineRoles(lines: readonly string[], model: LineRoleModel, cues: LineCueSet = DEFAULT_LINE_CUES, minConfidence = MIN_CONFIDENCE, onlyConfident = false): LineRoleReading | undefined {
  const guesses = onlyConfident ? guessesOf(lines, model, cues, minConfidence) : classifyGroups(model, lineFeatureGroups(lines, cues));
  if (guesses === undefined) return undefined;
  const page = decodeRoles(lines, bestRoles(model, guesses), cues, guesses.map((g) => wordsProbabilityOf(g)));
  if (page === undefined || page.comments.length < 2) return undefined;
  let sum = 0;
  let n = 0;
  for (const g of guesses) if (g !== undefined) { sum += g.probability; n += 1; }
  const confidence = n === 0 ? 0 : sum / n;
  if (onlyConfident && confidence < minConfidence) return undefined;
  const diagnostics: Omit<Diagnostic, 'file' | 'docId'>[] = [{
    level: confidence < minConfidence ? 'warning' : 'info',
    code: confidence < minConfidence ? 'thread-roles-unsure' : 'thread-roles',
    message: `thread read by the line-role model (no site layout recognised the page) into ${page.comments.length + 1} units (mean role probability ${confidence.toFixed(2)}${confidence < minConfidence ? ', unsure: check the units' : ''})`,
  }];
  return { page, diagnostics, confidence };
}

/** Lines classified at a time by `guessesOf` before it checks its bound. */
const CHUNK = 16;

/**
 * Each line's role guess, or undefined as soon as the mean role probability (the reading's
 * confidence) is sure to stay below `floor`: each probability is at most 1, so once the lines
 * classified so far miss more than `1 - floor` times the page's non-blank lines, the other lines
 * cannot bring the mean up to it. Lines are classified from the page's end (comments are where the
 * model hesitates most, the article's opening where it least), only the lines read and their
 * neighbours having their cues computed; each guess is the one of a whole-page classification.
 */
function guessesOf(lines: readonly string[], model: LineRoleModel, cues: LineCueSet, floor: number): (RoleGuess | undefined)[] | undefined {
  const features = lineFeatureReader(lines, cues);
  const classify = groupClassifier(model);
  // A margin far above rounding: the mean is summed in another order.
  const allowed = (1 - floor) * features.nonBlank + 1e-9 * (1 + features.nonBlank);
  const guesses: (RoleGuess | undefined)[] = new Array<RoleGuess | undefined>(lines.length);
  let missed = 0;
  for (let end = lines.length; end > 0; end -= CHUNK) {
    const start = Math.max(0, end - CHUNK);
    const chunk: (FeatureGroup[] | undefined)[] = [];
    for (let i = start; i < end; i += 1) chunk.push(features.at(i));
    classify(chunk).forEach((g, k) => {
      guesses[start + k] = g;
      if (g !== undefined) missed += 1 - g.probability;
    });
    if (missed > allowed) return undefined;
  }
  return guesses;
}
