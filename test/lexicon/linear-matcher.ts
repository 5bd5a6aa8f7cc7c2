import type { EntryMatch, LexiconEntry, PatternToken } from '../../src/lexicon/lexicon.js';
import type { Token } from '../../src/model.js';

// The matcher the Lexicon had before its trie, kept as a test oracle: every pattern whose first
// element the word matches is tried in turn (the word's own patterns, then the prefix patterns,
// each in lexicon order) and the longest match wins, then the higher weight, then the lower id,
// then the first tried. No cache, no index: slow and plainly right.

function tokenMatches(p: PatternToken, norm: string): boolean {
  if (p.kind === 'word') return p.norm === norm;
  if (p.kind === 'prefix') return norm.startsWith(p.norm);
  return false;
}

function matchPattern(pattern: readonly PatternToken[], tokens: readonly Token[], i: number, p = 0): number {
  let at = i;
  for (let q = p; q < pattern.length; q += 1) {
    const pt = pattern[q]!;
    if (pt.kind === 'gap') {
      for (let skip = 0; skip <= pt.max && at + skip <= tokens.length; skip += 1) {
        const end = matchPattern(pattern, tokens, at + skip, q + 1);
        if (end >= 0) return end;
      }
      return -1;
    }
    const token = tokens[at];
    if (token === undefined || !tokenMatches(pt, token.norm)) return -1;
    at += 1;
  }
  return at;
}

/** The linear matcher over these entries: longestEntryAt and findAll as the Lexicon had them. */
export function linearMatcher(entries: readonly LexiconEntry[]): {
  longestEntryAt(tokens: readonly Token[], i: number): EntryMatch | undefined;
  findAll(tokens: readonly Token[]): EntryMatch[];
} {
  const all = entries.flatMap((entry) => entry.patterns.filter((p) => p.length > 0).map((pattern) => ({ entry, pattern })));
  const ordered = [...all.filter((c) => c.pattern[0]!.kind === 'word'), ...all.filter((c) => c.pattern[0]!.kind !== 'word')];
  const longestEntryAt = (tokens: readonly Token[], i: number): EntryMatch | undefined => {
    const token = tokens[i];
    if (token === undefined) return undefined;
    let best: EntryMatch | undefined;
    for (const { entry, pattern } of ordered) {
      if (!tokenMatches(pattern[0]!, token.norm)) continue;
      const end = matchPattern(pattern, tokens, i + 1, 1);
      if (end < 0) continue;
      if (best === undefined || end > best.end || (end === best.end && (entry.weight > best.entry.weight || (entry.weight === best.entry.weight && entry.id < best.entry.id)))) {
        best = { entry, start: i, end, pattern };
      }
    }
    return best;
  };
  const findAll = (tokens: readonly Token[]): EntryMatch[] => {
    const found: EntryMatch[] = [];
    let i = 0;
    while (i < tokens.length) {
      const m = longestEntryAt(tokens, i);
      if (m === undefined) {
        i += 1;
        continue;
      }
      found.push(m);
      i = Math.max(m.end, i + 1);
    }
    return found;
  };
  return { longestEntryAt, findAll };
}
