import type { AnalysedDocument, AnalysedUnit, ClaimMention, Stance, StanceVerdict, Unit } from '../src/model.js';
import { seededRandom } from '../src/sampling/seeded-random.js';

/** Comment openings and cues the generated threads are made of (general French, no real page). */
const SENTENCES = [
  'Encore des milliards dilapidés pour un projet qui ne verra jamais le jour.',
  "L'État a raison d'investir dans un cloud souverain européen.",
  'Le Cloud Act américain rend nos données accessibles à Washington.',
  'Cette fois ça va marcher ! Comme le Minitel et Quaero.',
  'Je ne vois pas le rapport avec le sujet.',
  "Il faut sortir de la dépendance aux GAFAM, c'est une question de souveraineté.",
  'Gaspillage d’argent public, une fois de plus.',
  'Merci pour cet article très clair.',
];
const CLAIMS = ['public_money_wasted', 'state_projects_fail', 'us_extraterritorial_law', 'gafam_dependence'];


/** What to generate. */
export interface GenerateOptions {
  readonly pages: number;
  /** Average comments per page (the actual number varies from 0 to twice this). */
  readonly commentsPerPage: number;
  readonly seed?: number;
  /** Text to put in the first comment of the first page (e.g. an injection attempt). */
  readonly firstComment?: string;
  /** The stance categories' names, in order (LexiconSet.categories). */
  readonly stances: readonly Stance[];
}

/**
 * Analysed documents as the pipeline would produce them: threads with replies, dated comments over
 * several years, stance verdicts with evidence, claim mentions. Generated lazily: a stream of any size.
 */
export function* generateAnalysedDocuments(options: GenerateOptions): Generator<AnalysedDocument> {
  const rand = seededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  for (let p = 0; p < options.pages; p += 1) {
    const docId = `site${p % 7}/page-${String(p).padStart(6, '0')}`;
    const year = 2014 + Math.floor(rand() * 8);
    const month = 1 + Math.floor(rand() * 12);
    const date = `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const n = Math.floor(rand() * 2 * options.commentsPerPage);
    const units: AnalysedUnit[] = [];
    for (let i = 0; i <= n; i += 1) {
      const text = i === 1 && p === 0 && options.firstComment !== undefined
        ? options.firstComment
        : i === 0 ? `Article ${p}. ${SENTENCES.join(' ')}` : `${pick(SENTENCES)} ${rand() < 0.3 ? pick(SENTENCES) : ''}`.trim();
      const parent = i > 1 && rand() < 0.4 ? 1 + Math.floor(rand() * (i - 1)) : undefined;
      const depth = parent === undefined ? 0 : (units[parent]?.unit.depth ?? 0) + 1;
      const unit: Unit = {
        id: `${docId}#${i}`, docId, position: i,
        kind: i === 0 ? 'article' : parent === undefined ? 'comment' : 'reply',
        author: i === 0 ? `Journaliste ${p % 50}` : rand() < 0.9 ? `lecteur${Math.floor(rand() * 5000)}` : undefined,
        published: i === 0 ? date : `${date}T${String(8 + (i % 14)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
        parentId: parent === undefined ? undefined : `${docId}#${parent}`,
        depth, text,
      };
      const stances: StanceVerdict[] = options.stances.map((s) => {
        const hits = rand() < 0.35 ? 1 + Math.floor(rand() * 3) : 0;
        return { stance: s, score: hits, label: hits >= 1 ? 1 : 0, hits, evidence: hits ? `"${text.slice(0, 20)}" [${s}.generated]` : '' };
      });
      const claims: ClaimMention[] = rand() < 0.25 ? [{ claimId: pick(CLAIMS), unitId: unit.id, span: { start: 0, end: 10 }, match: text.slice(0, 10), negated: rand() < 0.1 }] : [];
      units.push({ unit, lang: { code: rand() < 0.95 ? 'fra' : 'und', score: 0.9 }, nTokens: text.split(' ').length, stances, claims });
    }
    yield { document: { id: docId, file: `${docId}.txt`, sha256: '0'.repeat(64), site: `site${p % 7}.example`, title: `Page ${p}: le cloud souverain en débat`, published: date, units: units.map((u) => u.unit) }, lang: { code: 'fra', score: 0.99 }, units };
  }
}
