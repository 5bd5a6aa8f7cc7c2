import type { Diagnostic } from '../../model.js';
import type { ParsedPage } from '../page.js';
import { DEFAULT_LINE_CUES, type LineCueSet } from '../layouts/line-cues.js';
import { decodeRoles } from './decode-roles.js';
import { lineFeatureGroups, lineFeatureReader } from './line-features.js';
import { bestRoles, classifyGroups, type LineRoleModel, type RoleGuess } from './role-model.js';
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

/** Read a page's lines with the model, or undefined when fewer than two comments come out. */
export function readLineRoles(lines: readonly string[], model: LineRoleModel, cues: LineCueSet = DEFAULT_LINE_CUES, minConfidence = MIN_CONFIDENCE): LineRoleReading | undefined {
  const guesses = classifyGroups(model, lineFeatureGroups(lines, cues));
  const page = decodeRoles(lines, bestRoles(model, guesses), cues, guesses.map((g) => wordsProbabilityOf(g)));
  if (page === undefined || page.comments.length < 2) return undefined;
  let sum = 0;
  let n = 0;
  for (const g of guesses) if (g !== undefined) { sum += g.probability; n += 1; }
  const confidence = n === 0 ? 0 : sum / n;
  const diagnostics: Omit<Diagnostic, 'file' | 'docId'>[] = [{
    level: confidence < minConfidence ? 'warning' : 'info',
    code: confidence < minConfidence ? 'thread-roles-unsure' : 'thread-roles',
    message: `thread read by the line-role model (no site layout recognised the page) into ${page.comments.length + 1} units (mean role probability ${confidence.toFixed(2)}${confidence < minConfidence ? ', unsure: check the units' : ''})`,
  }];
  return { page, diagnostics, confidence };
}

/** Lines classified at a time by `mayBeConfident` before it checks its bound. */
const CHUNK = 16;

/**
 * False when the model's reading of a page is sure to be undefined or below `minConfidence`, read
 * from as few lines as it takes: the confidence is the mean of the lines' role probabilities, each
 * at most 1, so once the lines classified so far miss more than `1 - minConfidence` of the page's
 * non-blank lines, no reading of the other lines can bring the mean up to it. A line's
 * probability is the one `readLineRoles` computes (its features and the model alike), so the
 * answer is exact; only the lines read and their neighbours have their cues computed.
 */
export function mayBeConfident(lines: readonly string[], model: LineRoleModel, cues: LineCueSet = DEFAULT_LINE_CUES, minConfidence = MIN_CONFIDENCE): boolean {
  const features = lineFeatureReader(lines, cues);
  // A margin far above rounding: the full mean is summed in another order.
  const allowed = (1 - minConfidence) * features.nonBlank + 1e-9 * (1 + features.nonBlank);
  let missed = 0;
  for (let start = 0; start < lines.length; start += CHUNK) {
    const chunk: (ReturnType<typeof features.at>)[] = [];
    for (let i = start; i < Math.min(lines.length, start + CHUNK); i += 1) chunk.push(features.at(i));
    for (const g of classifyGroups(model, chunk)) if (g !== undefined) missed += 1 - g.probability;
    if (missed > allowed) return false;
  }
  return true;
}
