import type { ClaimConcepts } from '../claims/claim-concepts.js';
import { findClaims } from '../claims/find-claims.js';
import type { Unit } from '../model.js';
import { counts, tagStances } from '../stance/tag-stances.js';
import { applyTopicRule } from '../stance/topic-cues.js';
import { tokenise } from '../text/tokenise.js';
import type { Lexicon, LexiconEntry } from './lexicon.js';
import type { LexiconSet } from './load-lexicon.js';

/** An example that is not tagged with its entry, or a counter-example that is. */
export interface ExampleFailure {
  readonly entryId: string;
  /** "lexicons/stances/sceptical.fr.yaml:17": the line of the example itself when known. */
  readonly source: string;
  readonly which: 'example' | 'counter';
  readonly text: string;
  /** What the sentence was tagged with instead. */
  readonly found: string;
}

/** What one example sentence gives for one entry: whether the entry is found there, and what else is. */
export interface ExampleResult {
  readonly tagged: boolean;
  readonly found: string;
}

function exampleUnit(text: string): Unit {
  return { id: 'example#0', docId: 'example', position: 0, kind: 'comment', depth: 0, text };
}

/**
 * Is `entry` found (and counted) in `text`? Stance cues go through the full tagger: negation, quotes,
 * irony; claims, given their `concepts`, through findClaims (phrases and co-occurring concepts).
 */
export function runExample(entry: LexiconEntry, text: string, lexicon: Lexicon, concepts?: ClaimConcepts): ExampleResult {
  const tokens = tokenise(text);
  if (concepts !== undefined && entry.stance === undefined && entry.kind !== 'intensifier') {
    const found = findClaims(exampleUnit(text), tokens, lexicon, concepts);
    return { tagged: found.some((m) => m.claimId === entry.id && !m.negated), found: found.map((m) => `${m.negated ? 'NOT ' : ''}${m.claimId}`).join(', ') || 'nothing' };
  }
  if (entry.stance === undefined || entry.kind === 'intensifier') {
    const found = lexicon.findAll(tokens);
    const hit = found.some((m) => m.entry.id === entry.id && (entry.kind === 'intensifier' || lexicon.holdsNegation(m) || lexicon.negationBefore(tokens, m.start, undefined, text) < 0));
    return { tagged: hit, found: found.map((m) => m.entry.id).join(', ') || 'nothing' };
  }
  const own = new Set([entry.stance, ...(entry.also ?? [])]);
  const tags = applyTopicRule(tagStances(exampleUnit(text), tokens, { lexicon }), lexicon);
  const tagged = tags.some((t) => t.entryId === entry.id && own.has(t.stance) && counts(t));
  const found = tags.map((t) => `${counts(t) ? '' : t.negated ? 'NOT ' : `${(t.discount ?? '').toUpperCase()} `}${t.entryId}`).join(', ');
  return { tagged, found: found || 'nothing' };
}

function fileOf(source: string): string {
  return source.replace(/:\d+$/u, '');
}

/** Run every `examples` line (must be tagged with its entry) and every `counter` line (must not) of a lexicon set. */
export function checkExamples(set: LexiconSet): { failures: ExampleFailure[]; examples: number; counters: number } {
  const failures: ExampleFailure[] = [];
  let examples = 0;
  let counters = 0;
  const lexicons: [Lexicon, ClaimConcepts | undefined][] = [[set.stances, undefined], [set.claims, set.claimConcepts]];
  for (const [lexicon, concepts] of lexicons) {
    for (const entry of lexicon.entries) {
      entry.examples.forEach((text, k) => {
        examples += 1;
        const r = runExample(entry, text, lexicon, concepts);
        const line = entry.exampleLines?.[k];
        if (!r.tagged) failures.push({ entryId: entry.id, source: line === undefined ? entry.source : `${fileOf(entry.source)}:${line}`, which: 'example', text, found: r.found });
      });
      entry.counter.forEach((text, k) => {
        counters += 1;
        const r = runExample(entry, text, lexicon, concepts);
        const line = entry.counterLines?.[k];
        if (r.tagged) failures.push({ entryId: entry.id, source: line === undefined ? entry.source : `${fileOf(entry.source)}:${line}`, which: 'counter', text, found: r.found });
      });
    }
  }
  return { failures, examples, counters };
}
