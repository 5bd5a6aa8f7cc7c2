import path from 'node:path';
import type { Command } from 'commander';
import { loadLexicons } from '../lexicon/load-lexicon.js';
import type { StanceTag, StanceVerdict, Unit } from '../model.js';
import { DEFAULTS } from '../options.js';
import { readUnits } from '../stance/read-run-output.js';
import { contribution, describeTag, LABEL_THRESHOLD, lexiconLabels, scoreStances, stanceContexts } from '../stance/score-stances.js';
import { counts } from '../stance/tag-stances.js';
import { tagUnitStances } from '../stance/claim-stance-tags.js';
import { findClaims } from '../claims/find-claims.js';
import { tokenise } from '../text/tokenise.js';
import { UserError } from '../errors.js';
import { chooseLexiconDir, LEXICONS_OPTION_HELP } from '../lexicon/lexicon-folder.js';
import { FITTED_FILE } from '../lexicon/load-fitted.js';
import { CONTEXT, fittedEntryWeight, FLAGS, hasBigramWeights, hasContextWeights, hasWordWeights, stanceFeatures, wordContributions, type FittedStance, type StanceContext } from '../stance/fitted-weights.js';
import { isBigram, unitWords, wordValue } from '../stance/unit-words.js';
import type { LexiconSet } from '../lexicon/load-lexicon.js';
import { createStemmer } from '../text/stem-fr.js';
import { explainFittedClaims } from './explain-claims.js';


/** One stance's score under its fitted model: each counted entry with its fitted weight, each flag, the threshold. */
function explainFitted(text: string, mine: readonly StanceTag[], stance: string, model: FittedStance, v: StanceVerdict, words?: ReadonlySet<string>, context?: StanceContext): string[] {
  const f = stanceFeatures(mine);
  const why = v.label === 1 ? `${v.score} ≥ ${model.threshold}` : `${v.score} < ${model.threshold}`;
  const lines = [`  ${stance}: label ${v.label}, score ${v.score} (${why})`];
  for (const [id, e] of f.entries) {
    const w = fittedEntryWeight(model, id, e.weight);
    const tag = mine.find((t) => t.entryId === id && counts(t) && (t.intensity ?? 1) === e.intensity)!;
    const weight = Math.round(w * 1000) / 1000;
    const origin = model.entries.has(id) ? `fitted weight ${weight}` : `not in the fitted sample: ${model.lexiconScale} × lexicon weight ${e.weight} = ${weight}`;
    lines.push(`    ${w >= 0 ? '+' : '−'} ${Math.abs(Math.round(w * e.intensity * 1000) / 1000)} ${describeTag(text, tag)} (${origin}${e.intensity === 1 ? '' : `, × ${e.intensity}`})`);
  }
  for (const flag of FLAGS) if (f.flags[flag] === 1 && model.flags[flag] !== 0) lines.push(`    ${model.flags[flag] >= 0 ? '+' : '−'} ${Math.abs(model.flags[flag])} a ${flag} cue of this stance in the unit (fitted)`);
  if (words !== undefined && model.words.size > 0) {
    const found = wordContributions(model, words);
    const sum = Math.round(found.reduce((a, [, c]) => a + c, 0) * 1000) / 1000;
    const stems = [...words].filter((w) => !isBigram(w)).length;
    const pairs = words.size - stems;
    lines.push(`    ${sum >= 0 ? '+' : '−'} ${Math.abs(sum)} word component: ${found.length} of the unit's ${stems} word stems${pairs === 0 ? '' : ` and ${pairs} stem pairs`} have a fitted weight, each × 1/√${stems} = ${Math.round(wordValue(words) * 1000) / 1000}`);
    for (const [w, c] of found) lines.push(`        ${c >= 0 ? '+' : '−'} ${Math.abs(Math.round(c * 1000) / 1000)} "${w}" (fitted word weight ${model.words.get(w)})`);
  }
  for (const c of CONTEXT) {
    if (model.context[c] === 0) continue;
    const what = c === 'article' ? "the page's article body" : 'the unit before';
    const held = context?.[c] ?? 0;
    lines.push(`    ${held === 1 ? `${model.context[c] >= 0 ? '+' : '−'} ${Math.abs(model.context[c])}` : '0'} context: ${what} ${held === 1 ? 'has' : context === undefined ? 'is not known (no run unit): taken as not having' : 'does not have'} this stance's lexicon label (fitted context weight ${model.context[c]})`);
  }
  for (const t of mine.filter((x) => !counts(x))) lines.push(`    not counted: ${describeTag(text, t)}`);
  return lines;
}

/** The lexicon labels of a run unit's article body and previous unit, read from the rows of its document, tagged as the run tags them. */
function runContexts(rows: ReturnType<typeof readUnits>, unit: Unit, lexicons: LexiconSet): Record<string, StanceContext> {
  const labelsAt = (position: number, kind?: string): Record<string, 0 | 1> | undefined => {
    const row = rows.find((r) => r.docId === unit.docId && r.position === position && (kind === undefined || r.kind === kind));
    if (row === undefined || (row.lang !== '' && row.lang !== 'fra' && row.lang !== 'und')) return undefined;
    const u: Unit = { id: row.unitId, docId: row.docId, position: row.position, kind: row.kind as Unit['kind'], depth: Number(row.depth) || 0, text: row.text };
    const tokens = tokenise(u.text);
    return lexiconLabels(tagUnitStances(u, tokens, findClaims(u, tokens, lexicons.claims, lexicons.claimConcepts), lexicons), lexicons.categories);
  };
  return stanceContexts(lexicons.categories, unit.position === 0 ? undefined : labelsAt(0, 'article'), labelsAt(unit.position - 1));
}

/** `controverse explain UNIT_ID` or `--text "…"`: how the stances of one unit were decided. */
export function registerExplainCommand(program: Command): void {
  program
    .command('explain')
    .description('show how a unit was tagged: tokens, each match, negation scope, score per stance and why each label is or is not set')
    .argument('[unit_id]', 'a unit_id of units.csv ("000_de8b060ac039dc55#2")')
    .option('--text <text>', 'explain this text instead of a unit of a run')
    .option('-o, --out <dir>', 'output folder of the run holding units.csv', DEFAULTS.outDir)
    .option('-l, --lexicons <dir>', LEXICONS_OPTION_HELP)
    .option('--no-fitted', `explain with the lexicon weights and the lexicon's claims, ignoring the folder's fitted weights (${FITTED_FILE}) and fitted claims (fitted-claims.yaml)`)
    .action((unitId: string | undefined, flags: { text?: string; out: string; lexicons?: string; fitted: boolean }) => {
      const lexicons = loadLexicons(chooseLexiconDir(flags.lexicons, process.cwd()).dir, { fitted: flags.fitted });
      let unit: Unit;
      let lang = '';
      let contexts: Record<string, StanceContext> | undefined;
      let article: Unit | undefined;
      if (flags.text !== undefined) {
        unit = { id: 'text#0', docId: 'text', position: 0, kind: 'comment', depth: 0, text: flags.text };
      } else {
        if (unitId === undefined) throw new UserError('give a UNIT_ID or --text "…"');
        const rows = readUnits(path.resolve(flags.out));
        const row = rows.find((r) => r.unitId === unitId);
        if (row === undefined) throw new UserError(`unit "${unitId}" is not in ${path.join(flags.out, 'units.csv')}`);
        unit = { id: row.unitId, docId: row.docId, position: row.position, kind: row.kind as Unit['kind'], depth: Number(row.depth) || 0, text: row.text };
        lang = row.lang;
        if (hasContextWeights(lexicons.fitted)) contexts = runContexts(rows, unit, lexicons);
        const body = unit.position === 0 ? undefined : rows.find((r) => r.docId === unit.docId && r.position === 0 && r.kind === 'article');
        if (body !== undefined) article = { id: body.unitId, docId: body.docId, position: 0, kind: 'article', depth: 0, text: body.text };
      }
      const out: string[] = [];
      const text = unit.text;
      const tokens = tokenise(text);
      out.push(`unit ${unit.id}${lang === '' ? '' : ` (language ${lang})`}`);
      if (lang !== '' && lang !== 'fra' && lang !== 'und') out.push(`note: the run does not tag units in language ${lang} (the lexicons are French); explained as if French`);
      out.push(`text: ${text}`, '', `tokens (${tokens.length}): ${tokens.map((t) => `${t.index}:${t.norm}`).join(' ')}`, '', 'matches:');
      const matches = lexicons.stances.findAll(tokens);
      const mentions = findClaims(unit, tokens, lexicons.claims, lexicons.claimConcepts);
      const tags = tagUnitStances(unit, tokens, mentions, lexicons);
      if (matches.length === 0) out.push('  none');
      for (const m of matches) {
        const e = m.entry;
        const start = tokens[m.start]!.span.start;
        const passage = text.slice(start, tokens[m.end - 1]!.span.end);
        const what = e.kind === 'intensifier' ? `intensifier ×${e.weight}` : `${e.kind ?? 'cue'} → ${[e.stance, ...(e.also ?? [])].join(' + ')}, weight ${e.weight}`;
        out.push(`  tokens ${m.start}–${m.end - 1} "${passage}" [${e.id}] ${what} (${e.source})`);
        if (e.kind === 'intensifier') continue;
        if (lexicons.stances.holdsNegation(m)) {
          out.push('    holds its own negation: not negated again, and its negation word reaches no further');
          continue;
        }
        // What the tagger decided for this match (the same tags the run wrote).
        const tag = tags.find((t) => t.entryId === e.id && t.span.start === start && t.viaNegation !== true);
        const neg = tag?.negationSpan;
        if (tag !== undefined && neg !== undefined) {
          const k = tokens.findIndex((t) => t.span.start === neg.start);
          const rule = e.whenNegated ?? 'drop';
          const effect = rule === 'drop' ? 'the cue does not count' : rule === 'keep' ? 'the entry keeps its stance when negated' : `the entry signals ${rule} when negated`;
          out.push(`    negated by "${text.slice(neg.start, neg.end)}" (token ${k}; a negation reaches ${lexicons.stances.negation.window} tokens, up to punctuation or "mais"): ${effect}`);
        }
        if (tag?.discount === 'quoted') out.push('    inside quotation marks in an article body: reported speech, not counted');
        if (tag?.discount === 'ironic') out.push('    praise in a unit with a sarcasm cue: read as irony, not counted');
        if (tag?.discount === 'alone') out.push('    a topic word with no other counted cue in the unit: names the subject, takes no position, not counted');
        if (tag?.intensifierSpan !== undefined) out.push(`    intensified ×${tag.intensity ?? 1} by "${text.slice(tag.intensifierSpan.start, tag.intensifierSpan.end)}"`);
      }
      const signalling = mentions.filter((m) => (lexicons.claims.byId.get(m.claimId)?.also ?? []).length > 0);
      if (signalling.length > 0) out.push('', 'claims that signal a stance (claims.fr.yaml "also"):');
      for (const m of signalling) out.push(`  "${m.match}" [${m.claimId}] → ${(lexicons.claims.byId.get(m.claimId)?.also ?? []).join(' + ')}${m.negated ? ' (negated: does not count)' : ''}`);
      const fitted = lexicons.fitted;
      const words = hasWordWeights(fitted) ? unitWords(tokens, createStemmer(), { bigrams: hasBigramWeights(fitted), text }) : undefined;
      // A lone text has no neighbours: its context features are 0 (said in the lines below).
      const verdicts = scoreStances(text, tags, lexicons.categories, fitted, words, contexts ?? (hasContextWeights(fitted) ? stanceContexts(lexicons.categories) : undefined));
      out.push('', fitted === undefined ? `scores (label 1 at score ≥ ${LABEL_THRESHOLD}):` : `scores with the fitted weights of ${fitted.source} (label 1 at score ≥ each stance's threshold; --no-fitted for the lexicon weights):`);
      for (const { name: s } of lexicons.categories) {
        const model = fitted?.stances.get(s);
        if (model !== undefined) {
          out.push(...explainFitted(text, tags.filter((t) => t.stance === s), s, model, verdicts.find((x) => x.stance === s)!, words, contexts?.[s]));
          continue;
        }
        const v = verdicts.find((x) => x.stance === s)!;
        const mine = tags.filter((t) => t.stance === s);
        // An entry counts once per unit, with its strongest tag (as in stanceScore).
        const best = new Map<string, StanceTag>();
        for (const t of mine.filter(counts)) if (contribution(t) > contribution(best.get(t.entryId) ?? t) || !best.has(t.entryId)) best.set(t.entryId, t);
        const parts = mine.filter(counts).map((t) =>
          best.get(t.entryId) === t ? `${contribution(t)} ${describeTag(text, t)}` : `0 ${describeTag(text, t)} (entry already counted: an entry counts once per unit)`,
        );
        const aside = mine.filter((t) => !counts(t)).map((t) => describeTag(text, t));
        let why: string;
        if (mine.length === 0) why = 'no cue of this stance';
        else if (v.label === 1) why = `${v.score} ≥ ${LABEL_THRESHOLD}`;
        else why = `${v.score} < ${LABEL_THRESHOLD}${parts.length === 0 ? ': no cue counts' : ''}`;
        out.push(`  ${s}: label ${v.label}, score ${v.score} (${why})`);
        for (const p of parts) out.push(`    + ${p}`);
        for (const a of aside) out.push(`    not counted: ${a}`);
      }
      out.push(...explainFittedClaims(unit, tokens, lexicons, article));
      process.stdout.write(`${out.join('\n')}\n`);
    });
}
