import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPhraseWords } from '../../src/phrases/find-phrases.js';
import { evaluateCoded, predictCoded } from '../../src/evaluate/evaluate-coded.js';
import { readCodedUnits, readSplit } from '../../src/evaluate/read-coded.js';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';
import { logLikelihood, suggestEntries, type SuggestUnit } from '../../src/lexicon/suggest-entries.js';
import { kwic, suggestionText } from '../../src/lexicon/suggestion-text.js';

const GOLD = path.resolve('eval/stances/pages');
const SPLIT = path.resolve('eval/stances/split.tsv');
const LEXICONS = path.resolve('lexicons');

describe('logLikelihood', () => {
  it('is 0 when the candidate is as frequent in both groups, and grows with the contrast', () => {
    expect(logLikelihood(5, 50, 10, 100)).toBeCloseTo(0, 10);
    expect(logLikelihood(10, 50, 2, 100)).toBeGreaterThan(logLikelihood(6, 50, 2, 100));
    // Hand-computed: a = 8 of 218, b = 0 of 422.
    expect(logLikelihood(8, 218, 0, 422)).toBeCloseTo(17.44, 1);
  });
});

describe('suggestEntries', () => {
  const lexicons = loadLexicons(LEXICONS, { fitted: false });
  const functionWords = loadPhraseWords(LEXICONS).functionWords;
  const unit = (id: string, text: string, coded: boolean, predicted = false): SuggestUnit => ({ id, text, coded, predicted });

  it('ranks words of the coded units that the lexicon misses, with the units they fix and break', () => {
    const units = [
      // A made-up phrase, so that no lexicon entry ever covers it.
      unit('a#1', 'Encore une bidouille cosmique, bravo.', true),
      unit('a#2', 'Bidouille cosmique : tout part chez Redmond.', true),
      unit('a#3', 'Trois rapports, une bidouille cosmique.', true),
      unit('a#4', 'Le rapport est en ligne.', false),
      unit('a#5', 'Le rapport parle de bidouille dans les tableaux.', false),
    ];
    const [first] = suggestEntries(units, lexicons.stances, { functionWords, minUnits: 3 });
    expect(first).toMatchObject({ key: 'bidouille cosmique', match: 'bidouille cosmique', inCoded: 3, inOthers: 0, fixes: ['a#1', 'a#2', 'a#3'], breaks: [] });
    // "cosmique" alone says the same thing in the same units: dropped.
    const keys = suggestEntries(units, lexicons.stances, { functionWords, minUnits: 3 }).map((s) => s.key);
    expect(keys).not.toContain('cosmique');
    // In an uncoded unit the lexicons leave alone, the phrase would break it; in one they tag already, nothing changes.
    const more = [...units, unit('a#6', 'Pure bidouille cosmique, ce rapport.', false), unit('a#7', 'Une bidouille cosmique, comme toujours.', false, true)];
    expect(suggestEntries(more, lexicons.stances, { functionWords, minUnits: 3 })[0]).toMatchObject({ key: 'bidouille cosmique', inCoded: 3, inOthers: 2, breaks: ['a#6'] });
  });

  it('leaves out words the lexicon already matches and candidates that fix nothing', () => {
    const units = [1, 2, 3].map((k) => unit(`b#${k}`, 'Quel gaspillage, encore des milliards dilapidés.', true, k !== 1));
    const keys = suggestEntries(units, lexicons.stances, { functionWords, minUnits: 3 }).map((s) => s.key);
    expect(keys).not.toContain('dilapides');
    expect(keys.every((k) => !k.includes('milliards'))).toBe(true);
  });

  it('numbers an entry id that the lexicon or an earlier suggestion already uses', () => {
    const units = [unit('c#1', 'Encore une bidouille cosmique, bravo.', true), unit('c#2', 'Bidouille cosmique : tout part ailleurs.', true), unit('c#3', 'Trois rapports, une bidouille cosmique.', true)];
    const [s] = suggestEntries(units, lexicons.stances, { functionWords, minUnits: 3 });
    const idLines = (inUse: string[]): string[] => suggestionText([s!, s!], units, { stance: 'sceptical' }, { coded: 3, others: 0 }, inUse).filter((l) => l.startsWith('  - id:'));
    expect(idLines([])).toEqual(['  - id: sceptical.bidouille-cosmique', '  - id: sceptical.bidouille-cosmique-2']);
    expect(idLines(['sceptical.bidouille-cosmique', 'sceptical.bidouille-cosmique-2'])).toEqual(['  - id: sceptical.bidouille-cosmique-3', '  - id: sceptical.bidouille-cosmique-4']);
  });

  it('shows a candidate in context', () => {
    expect(kwic('Trois rapports, une bidouille cosmique.', 20, 38)).toBe('Trois rapports, une [bidouille cosmique].');
  });

  it('proposes entries that, pasted into the lexicons, load and raise recall on the dev split (deterministic)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'controverse-suggest-'));
    cpSync(LEXICONS, dir, { recursive: true });
    const split = { file: SPLIT, name: 'dev' };
    const stances = lexicons.categories.map((c) => c.name);
    const units = readCodedUnits(GOLD, stances, readSplit(SPLIT, 'dev'));
    const predictions = predictCoded(units, lexicons);
    const before = evaluateCoded(GOLD, lexicons, split).evaluation;
    const texts: string[] = [];
    // The same word can come up for two stances; a passage signals one entry, so the first keeps it.
    const taken = new Set<string>();
    for (const stance of stances) {
      const mine = units.map((u, i): SuggestUnit => ({ id: `${u.docId}#${u.position}`, text: u.text, coded: u.labels[stance] === 1, predicted: predictions[i]!.labels[stance] === 1 }));
      const suggestions = suggestEntries(mine, lexicons.stances, { functionWords, top: 10 }).filter((s) => !taken.has(s.key));
      for (const s of suggestions) taken.add(s.key);
      expect(suggestions.length).toBeGreaterThan(0);
      const n = mine.filter((u) => u.coded).length;
      const text = suggestionText(suggestions, mine, { stance }, { coded: n, others: mine.length - n }, lexicons.stances.entries.map((e) => e.id)).join('\n');
      texts.push(text);
      // Same units, same text: nothing random in the ranking.
      expect(suggestionText(suggestEntries(mine, lexicons.stances, { functionWords, top: 10 }).filter((s) => suggestions.some((x) => x.key === s.key)), mine, { stance }, { coded: n, others: mine.length - n }, lexicons.stances.entries.map((e) => e.id)).join('\n')).toBe(text);
      const file = path.join(dir, 'stances', `${stance}.fr.yaml`);
      writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n${text}\n`);
    }
    const after = evaluateCoded(GOLD, loadLexicons(dir, { fitted: false }), split).evaluation;
    after.stances.forEach((s, k) => expect(s.recall).toBeGreaterThan(before.stances[k]!.recall));
  }, 120_000);
});
