import { parseDate } from '../formats/parse-date.js';
import { layoutOfReader, type PageLayout, type LayoutReading } from './layout.js';
import { dateCueOf, DEFAULT_LINE_CUES, type LineCueSet } from './line-cues.js';
import { isBlank } from './text-lines.js';

/**
 * Minutes, transcripts and interviews: each turn opens on its speaker's label, a civility and a name,
 * then a colon and the words, on one line ("M. LE GALL : Le contrat…", "Mme DUVAL : Merci…",
 * "Dr Martin : …"). Lines under a turn up to the next blank line are its words; paragraphs between
 * two turns too, not those after the last one (a vote's result). A label naming a function ("M. le
 * Maire", "Madame la Présidente") gives no author. Every turn is dated with the day of the session
 * the page names above the first turn (the hour printed is the session's start, not the turn's). The
 * first turn is the article.
 */

/** Fewest turns, and fewest speakers, that make a page a transcript. */
const MIN_TURNS = 3;
const MIN_SPEAKERS = 2;

const CIVILITY = String.raw`(?:M\.|MM\.|Mme|Mmes|Mlle|Monsieur|Madame|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Pr\.?)`;
/** A speaker's label then the words: the name (a function's article in lower case allowed) is short and holds no colon. */
const TURN = new RegExp(String.raw`^(${CIVILITY}\s+[^\s:][^:]{0,40}?)\s*:\s+(\S.*)$`, 'u');
/** A capitalised word of a name ("Kerdraon", "Le", "Saint-Jean"), or a particle in lower case. */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’-]*|de|du|des|d['’]|van|von)`;
/**
 * A verbatim record's turn (the Assemblée's and the Sénat's "compte rendu intégral"): the label ends
 * with a full stop, not a colon: "M. Ronan Kerdraon. Cet amendement…", "Mme Clara Bessière, ministre
 * déléguée chargée du numérique. Même avis…", "Mme la présidente. La parole est…". The name is
 * capitalised words (a function: an article then words in lower case); a function after a comma is
 * part of the label.
 */
const TURN_STOP = new RegExp(String.raw`^(${CIVILITY}\s+(?:${NAME_WORD}\s*){1,5}?|${CIVILITY}\s+(?:le|la|l['’])\s*\p{Ll}[\p{Ll}\s'’-]{2,40}?)(?:,\s+\p{Ll}[^.:]{2,120})?\.\s+(\p{Lu}.*|[«(].*)$`, 'u');
/** A stage direction closing a turn's paragraph, "(Applaudissements sur les bancs du groupe …)": not the speaker's words. */
const STAGE_DIRECTION = /\s*\((?:Applaudissements|Exclamations|Protestations|Murmures|Rires|Sourires|Vifs applaudissements|Mouvements|Brouhaha|Interruptions|Bruit)\b[^()]*\)\s*$/u;
/** A label whose name starts with an article in lower case ("le Maire", "la Présidente") names a function. */
const FUNCTION = new RegExp(String.raw`^${CIVILITY}\s+(?:le|la|l['’]|les)\b`, 'u');
/** "20 mars 2025" inside a line ("Séance du jeudi 20 mars 2025 à 19 heures"). */
const DAY_IN_LINE = /(\d{1,2})(?:er)?\s+(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)\s+(\d{4})/iu;

interface Turn { readonly line: number; readonly label: string; readonly words: string }

/** A role in parentheses then a separator opening what follows a label ("(Parent) - le 10/03/25 à 18:12"). */
const ROLE_AND_SEPARATOR = /^(?:\([^()]{1,40}\))?\s*[-–—·|,]?\s*/u;

const turnOf = (line: string, i: number, cues: LineCueSet): Turn | undefined => {
  if (line.length > 4000) return undefined;
  const m = TURN.exec(line.trim()) ?? TURN_STOP.exec(line.trim());
  if (m === null) return undefined;
  // "M. NICOLAS P. (Parent) - le 10/03/25 à 18:12": a message's header (a name, then its date), not a turn's words.
  const words = m[2] ?? '';
  if (dateCueOf(words.replace(ROLE_AND_SEPARATOR, ''), cues) !== undefined) return undefined;
  return { line: i, label: (m[1] ?? '').trim(), words };
};

/** The day of the session: the first day with its year named above the first turn. */
function sessionDay(lines: readonly string[], before: number): string | undefined {
  for (let i = 0; i < before; i += 1) {
    const m = DAY_IN_LINE.exec(lines[i]!);
    const iso = m === null ? undefined : parseDate(m[0]);
    if (iso !== undefined) return iso.slice(0, 10);
  }
  return undefined;
}

/** Read a page as speakers' turns; undefined when fewer than MIN_TURNS turns by MIN_SPEAKERS speakers or most lines are not turns. */
export function readSpeakerTurns(lines: readonly string[], cues: LineCueSet = DEFAULT_LINE_CUES): LayoutReading | undefined {
  const turns = lines.flatMap((l, i) => turnOf(l, i, cues) ?? []);
  if (turns.length < MIN_TURNS || new Set(turns.map((t) => t.label)).size < MIN_SPEAKERS) return undefined;
  // Most paragraphs between the first and the last turn open on a turn: a page quoting a few speakers is not a transcript.
  let paragraphs = 0;
  for (let i = turns[0]!.line; i <= turns[turns.length - 1]!.line; i += 1) if (!isBlank(lines[i]!) && (i === 0 || isBlank(lines[i - 1]!))) paragraphs += 1;
  if (turns.length * 2 < paragraphs) return undefined;
  const day = sessionDay(lines, turns[0]!.line);
  const units = turns.map((t, k) => {
    const next = turns[k + 1]?.line;
    const words = [t.words];
    let i = t.line + 1;
    for (; i < lines.length && !isBlank(lines[i]!); i += 1) words.push(lines[i]!.trim());
    // Paragraphs between two turns are the first one's; after the last turn, the page's.
    if (next !== undefined) for (; i < next; i += 1) words.push(lines[i]!.trim());
    const text = words.map((w) => w.replace(STAGE_DIRECTION, '')).join('\n').replace(/\n{3,}/gu, '\n\n').trim();
    return { author: FUNCTION.test(t.label) ? undefined : t.label, published: day, text };
  });
  const first = units.shift()!;
  return {
    page: { author: first.author, published: first.published, body: first.text, comments: units },
    diagnostics: [{ level: 'info', code: 'thread-turns', message: `thread read from ${units.length + 1} speakers' turns; the first turn is the article` }],
  };
}

/** The speakers' turns reader as a layout (its cues read the dates of the headers it sets aside). */
export const speakerTurnsLayout: PageLayout = layoutOfReader('speaker-turns', readSpeakerTurns, DEFAULT_LINE_CUES);
