import { parseDate } from '../formats/parse-date.js';
import { caseless, IU_WORD_CHAR } from '../../text/caseless.js';
import { foldAccents } from '../../text/fold-accents.js';
import { englishMonth } from '../month-names.js';
import { isLetter } from './text-lines.js';

/**
 * Generic cues of one line of a copied page, whatever the site: dates (absolute and relative, French
 * and English), separators, handles, counters, interface words and reply markers.
 */

/** Separators between the parts of a header line: "Kerbrat_56 · il y a 5 h", "par X » lun. 26 sept. 2022". */
const SEPARATOR = /\s+[·•|»—–]\s+|\s+[·•|»—–]$|^[·•|»—–]\s+|\s{2,}|\t/u;

/** Lower case, accents removed, trimmed. */
const fold = (s: string): string => foldAccents(s).trim();

const UNIT = String.raw`(?:s|sec|secondes?|seconds?|mn|min|minutes?|h|hr|hrs|heures?|hours?|j|jours?|d|days?|sem|semaines?|w|wk|weeks?|mois|mo|months?|a|an|ans|y|yr|years?)`;
/** Words that make a relative date approximate ("il y a environ 2 mois", "about 3 hours ago"). */
const APPROX = String.raw`(?:(?:environ|presque|pres de|plus de|about|around|almost|over)\s+)?`;
const RELATIVE = [
  new RegExp(String.raw`^(?:il y a|depuis|posted|publie|edited)?\s*${APPROX}\d+\s*${UNIT}\.?(?:\s+ago)?(?:\s*\((?:modifie|edited)\))?$`, 'u'),
  /^(?:hier|aujourd'hui|aujourd’hui|yesterday|today|avant-hier)(?:\s+(?:a|at)\s+\d{1,2}[:h]\d{2})?$/u,
  /^(?:a l'instant|a l’instant|just now|maintenant|now)$/u,
  // "il y a un mois", "a month ago": the number in words.
  new RegExp(String.raw`^(?:il y a\s+${APPROX}(?:un|une|quelques)|${APPROX}(?:a|an|one)(?=\s+\S+\s+ago$))\s+${UNIT}(?:\s+ago)?$`, 'u'),
  // "mars '23", "sept. 2022": a month without a day is a date the gold leaves empty.
  /^(?:janv?|fevr?|mars|avr|mai|juin|juil|aout|sept?|oct|nov|dec|jan|feb|mar|apr|may|jun|jul|aug|sep)[a-z]*\.? '\d{2}$/u,
  // "Jan 14", "14 janv.": a day without its year, a date the gold leaves empty too.
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.? \d{1,2}$|^\d{1,2} (?:janv|fevr?|mars|avr|mai|juin|juil|aout|sept?|oct|nov|dec)[a-z]*\.?$/u,
  /^\d+\s*(?:sem|j|h|min|a)\s*[•·]\s*(?:modifie|edited)$/u,
];

/** "March 3, 2024", "Sep 26, 2022 at 10:14", "10:14 AM · 26 sept. 2022" → ISO; undefined otherwise. */
function englishDate(s: string): string | undefined {
  const m = /^(?:[a-z]+,?\s+)?([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s+(?:at\s+)?(\d{1,2}):(\d{2})\s*(am|pm)?)?$/u.exec(s);
  if (m === null) return undefined;
  const month = englishMonth(m[1] ?? '');
  if (month === undefined) return undefined;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = `${m[3]}-${pad(month)}-${pad(Number(m[2]))}`;
  if (m[4] === undefined) return day;
  let hour = Number(m[4]) % 12;
  if (m[6] === 'pm') hour += 12;
  else if (m[6] === undefined) hour = Number(m[4]);
  return `${day}T${pad(hour)}:${m[5]}`;
}

/** Words before a date on a byline or header: "Publié le", "le", "Posted on", "Message publié :"… */
const DATE_PREFIX = /^(?:(?:message\s+)?(?:publie|posted|modifie|mis a jour|updated|edited|envoye|poste|ecrit|date|repondu|reponse)(?:\s+(?:le|on|at|a))?\s*:?|le|on|du)\s+/u;

/**
 * The words of the relative dates that hold no digit ("hier", "just now"): /hier|aujourd|yesterday|
 * today|instant|maintenant|\bnow\b/iu, written without the i flag (tried on most lines of a page).
 */
const DATE_WORD = new RegExp(`${caseless('hier|aujourd|yesterday|today|instant|maintenant')}|(?<!${IU_WORD_CHAR})${caseless('now')}(?!${IU_WORD_CHAR})`, 'u');

/** False when a text cannot hold a date: every date has a digit or a word of the relative forms. Most lines stop here, unfolded. */
export function mayHoldDate(text: string): boolean {
  return /\d/u.test(text) || DATE_WORD.test(text);
}

/** What a date segment says: an absolute date (ISO) or only a relative one ("il y a 3 h"). */
export interface DateCue {
  readonly iso?: string;
  readonly relative: boolean;
  /** A clock time or an offset alone ("14:02", "00:01:12"): its day not shown. */
  readonly clock?: true;
}

/** Read a segment as a date, or undefined when it is not one; with a page's memo (`withPageMemo`), each distinct segment is read once. */
export function dateCueOf(segment: string, cues?: LineCueSet): DateCue | undefined {
  if (!mayHoldDate(segment)) return undefined;
  return memoised(cues?.memo?.dates, segment, readDateCue);
}

const ENGLISH_MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function readDateCue(segment: string): DateCue | undefined {
  // Invisible direction and width marks ("\u200e10-03-2025 19:22", as pages print dates in a right-to-left-safe way) are no part of a date.
  let s = fold(segment.replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, '')).replace(/\s+/gu, ' ').replace(/[,.]$/u, '');
  if (s === '' || s.length > 60) return undefined;
  // A time zone after the clock time ("09:12:44 CET", "10:05 UTC") is dropped, as the exports' readers drop offsets.
  // "10/03/2025, à 21:14": a comma between the day and its time.
  if (s.includes(',')) s = s.replace(/(\d{4}),\s*(?=(?:a\s+|at\s+)?\d{1,2}[:h]\d{2})/u, '$1 ');
  s = s.replace(DATE_PREFIX, '').replace(/(\d:\d\d(?::\d\d)?)\s+(?:cest|cet|utc|gmt|bst|edt|est|pdt|pst)$/u, '$1').replace(/\s*\((?:modifie|edited)\)$/u, '').replace(/(?:,|\s+[-–—])?\s*(?:mis a jour|modifie|updated)\b.*$/u, '');
  // "Mar 10 '25": an English month, its day, then a two-digit year after an apostrophe.
  const apostrophe = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2}),? ['’](\d{2})$/u.exec(s);
  if (apostrophe !== null) {
    const month = ENGLISH_MONTH_ABBREVIATIONS.indexOf(apostrophe[1]!) + 1;
    const day = Number(apostrophe[2]);
    if (day >= 1 && day <= 31) return { iso: `20${apostrophe[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, relative: false };
  }
  for (const r of RELATIVE) if (r.test(s)) return { relative: true };
  // "00:01:12", "14:02": a clock time or an offset into a recording, its day not shown (no date to keep).
  if (/^\d{1,2}:\d{2}(?::\d{2})?$/u.test(s)) return { relative: true, clock: true };
  // "14/03/25 à 10:40": a two-digit year, days first as French sites write them.
  const short = /^(\d{1,2})\/(\d{1,2})\/(\d{2})(?:,?\s+(?:a\s+)?(\d{1,2})[:h](\d{2}))?$/u.exec(s);
  if (short !== null) {
    const [, d, m, y, hh, mm] = short;
    if (Number(d) < 1 || Number(d) > 31 || Number(m) < 1 || Number(m) > 12 || Number(hh ?? 0) > 23) return undefined;
    const day = `20${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    return { iso: hh === undefined ? day : `${day}T${hh.padStart(2, '0')}:${mm}`, relative: false };
  }
  // Every absolute form below (parseDate, englishDate) holds a four-digit year: without one, none is tried.
  if (!/\d{4}/u.test(s)) return undefined;
  // "10:14 AM · 26 sept. 2022": the time before the day.
  const timeFirst = /^(\d{1,2}):(\d{2})\s*(am|pm)?\s*[·•]?\s*(.+)$/u.exec(s);
  if (timeFirst !== null) {
    const day = parseDate(timeFirst[4] ?? '') ?? englishDate(timeFirst[4] ?? '');
    if (day !== undefined && !day.includes('T')) {
      let hour = Number(timeFirst[1]);
      if (timeFirst[3] === 'pm' && hour < 12) hour += 12;
      if (timeFirst[3] === 'am' && hour === 12) hour = 0;
      return { iso: `${day}T${String(hour).padStart(2, '0')}:${timeFirst[2]}`, relative: false };
    }
  }
  const iso = parseDate(s) ?? parseDate(s.replace(/\s+-\s+page\s+\d+$/u, '')) ?? englishDate(s) ?? parseDate(s.replace(/^[a-z]+\.?\s+/u, ''));
  return iso === undefined ? undefined : { iso, relative: false };
}

/** What a page or an app shows in place of a removed comment or message ("[removed]", "Ce message a été supprimé."). */
const REMOVED = /^(?:\[(?:removed|deleted|supprimé|supprime)\]|(?:ce\s+)?(?:commentaire|message)\s+(?:a\s+été\s+)?(?:supprimé|modéré|masqué)|(?:this\s+)?(?:comment|message)\s+(?:was\s+|has\s+been\s+)?(?:deleted|removed))\.?$/iu;

/** True when a comment's whole text is the mark of its removal. */
export const isRemovedText = (text: string): boolean => REMOVED.test(text.trim());

/**
 * Interface words: a line made of these (and counters) is the page's furniture, never a comment's
 * words. The generic list was written from the issue's list (Répondre, Signaler, Partager, Voir plus,
 * Charger plus, permalien, Reply, Report, Share, Like) and common site furniture; words added after
 * reading one kind of page in the development set are tagged with that kind in KIND_INTERFACE_WORDS,
 * so leave-one-kind-out scoring can read each kind without the words it motivated.
 */
const GENERIC_INTERFACE_WORDS = [
  'repondre', 'signaler', 'partager', 'citer', 'permalien', 'lien', 'modifier', 'supprimer', 'aime', "j'aime", 'j’aime', 'jaime',
  'reply', 'report', 'share', 'save', 'like', 'likes', 'quote', 'permalink', 'edit', 'delete', 'follow', 'suivre', 'haut', 'top',
  'reponses', 'reponse', 'replies', 'comments', 'commentaires', 'commentaire', 'comment', 'votes', 'vote', 'points', 'point',
  'op', 'auteur', 'author', 'web', 'abonne', 'abonnes', 'plus', 'more', 'voir', 'afficher', 'charger', 'load', 'show', 'view',
  'de', 'des', 'les', 'the', 'previous', 'suivants', 'precedents', 'reactions', 'reaction', 'retweets', 'reposts', 'vues', 'views',
  'envoyer', 'message', 'mp', 'profil', 'profile', 'alerter', 'moderer', 'recommander', 'recommande', 'utile', 'helpful',
  'citations', 'quotes', 'fan', 'epingle', 'pinned', 'masquer', 'hide', 'traduire', 'translate', 'translation', 'et', 'autres',
  'upvote', 'downvote', 'award', 'signet', 'bookmark', 'sort', 'by', 'trier', 'par', 'best', 'new', 'newest', 'oldest',
  'notifications', 'subscribe', 's’abonner', "s'abonner", 'sabonner', 'mentionner', 'lire', 'suite', 'read', 'continue', 'reading',
  // An edit mark alone under a post's header ("Modifié", "(edited)").
  'modifie', 'edited', 'modified',
];

/** Interface words added after reading one kind of page of the development set, by that kind. */
export const KIND_INTERFACE_WORDS: Readonly<Record<string, readonly string[]>> = {
  'news-reactions': ['facebook', 'twitter', 'x', 'whatsapp', 'linkedin', 'email', 'e-mail', 'mail', 'copier', 'imprimer', 'print', 'copy', 'link'],
  'lemonde-abonnes': ['un', 'abus', 'contenu', 'inapproprie', 'signalement', 'a', 'ce', 'commentaire', 'repondu', 'answered'],
  discourse: ['cree', 'derniere', 'utilisateurs', 'liens', 'users', 'links', 'created', 'last', 'posts', 'sujets', 'membre', 'member'],
  // "Vue 1,2 k fois · 34 votes positifs", "Voter pour · Commenter · Partager" under an answer.
  'qa-site': ['vue', 'fois', 'positifs', 'negatifs', 'voter', 'pour', 'contre', 'commenter'],
  // "Marquer comme réponse" under an answer of a course forum.
  'mooc-forum': ['marquer', 'comme', 'mark', 'as', 'answer'],
  // "Répondre avec citation" ("Reply With Quote") under each post of a vBulletin forum.
  'vbulletin-forum': ['avec', 'citation', 'with'],
  // "Aimer · Repartager · Commenter" and "17 J'aime · 5 Repartages" under a federated network's post.
  'diaspora-post': ['aimer', 'repartager', 'repartages', 'repartage', 'commenter'],
  // "Like comment: Like comment: 5 likes Like Comment button Reply" under a developer community's comment.
  'devto-post': ['button'],
};

/** What the date and name cues gave each distinct segment of one page (null: no cue), and the interface cue each distinct line. */
interface CueMemo {
  readonly dates: Map<string, DateCue | null>;
  readonly names: Map<string, string | null>;
  readonly interfaceLines: Map<string, boolean>;
}

/** The cues a reading uses: all of them, or all but those a kind motivated (leave-one-kind-out). */
export interface LineCueSet {
  readonly interfaceWords: ReadonlySet<string>;
  /** One page's memo, shared by the readings of that page (the line-role model's and the inferred layout's). */
  readonly memo?: CueMemo;
}

/** The cue set with an empty memo, for the readings of one page: a page's lines and segments repeat across readings. */
export function withPageMemo(cues: LineCueSet): LineCueSet {
  return { interfaceWords: cues.interfaceWords, memo: { dates: new Map(), names: new Map(), interfaceLines: new Map() } };
}

/** `read(key)` once per key when a memo is given. */
function memoised<T>(memo: Map<string, T | null> | undefined, key: string, read: (key: string) => T | undefined): T | undefined {
  if (memo === undefined) return read(key);
  let value = memo.get(key);
  if (value === undefined) {
    value = read(key) ?? null;
    memo.set(key, value);
  }
  return value ?? undefined;
}

/** The cue set without the words tagged with `kind` (none left out when undefined). */
export function lineCuesWithout(kind?: string): LineCueSet {
  const words = new Set(GENERIC_INTERFACE_WORDS);
  for (const [k, list] of Object.entries(KIND_INTERFACE_WORDS)) if (k !== kind) for (const w of list) words.add(w);
  return { interfaceWords: words };
}

/** Every cue. */
export const DEFAULT_LINE_CUES = lineCuesWithout();

/** The runs of letters (`\p{L}+`) in s, counted no further than `cap`. */
const letterRuns = (s: string, cap: number): number => {
  let n = 0;
  let inRun = false;
  for (let i = 0; i < s.length && n < cap;) {
    const c = s.codePointAt(i)!;
    const letter = isLetter(c);
    if (letter && !inRun) n += 1;
    inRun = letter;
    i += c > 0xffff ? 2 : 1;
  }
  return n;
};

/** A comment form's prompt ("Publiez votre réponse", "Leave a Reply", "Type your email..."), or who liked or answered a comment ("Liked by X", "2 replies by X and others"). */
const FORM_PROMPT = /^(?:(?:publiez|postez|écrivez|ajoutez|ajouter|écrire|rédigez|laissez|laisser|donnez|post|write|add|leave|join)\s+(?:votre|un|une|a|an|your|the)\s+(?:réponse|commentaire|avis|réaction|message|reply|comment|response|conversation|discussion)\b|(?:type|enter|saisissez|entrez|indiquez)\s+(?:your|votre)\s+(?:e-?mail|adresse)\b|(?:liked|loved|aimé|aimée|apprécié)\s+(?:by|par)\s|\d+\s+(?:repl(?:y|ies)|réponses?|comments?|commentaires?)\s+(?:by|de|par)\s).{0,40}$/iu;

/** The first word of every FORM_PROMPT line ("2 replies by" starts its letters at "replies"): a line not starting so is not tried. */
const FORM_PROMPT_FIRST = /^(?:publiez|postez|écrivez|ajoutez|ajouter|écrire|rédigez|laissez|laisser|donnez|post|write|add|leave|join|type|enter|saisissez|entrez|indiquez|liked|loved|aimé|aimée|apprécié|repl(?:y|ies)|réponses?|comments?|commentaires?)$/iu;

/** A rating, short, as review pages print it: "★★★★☆", "Note : 4/5", "Note moyenne : 3,1/5 · 1 254 avis", "4,5 sur 5". */
const isRating = (folded: string): boolean =>
  folded.length <= 60 && (/^[★☆✩✪⭐\s]{3,}$/u.test(folded) || (/\d(?:[.,]\d+)?\s*(?:\/|sur|out of)\s*(?:5|10|20)\b/u.test(folded) && letterRuns(folded, 9) <= 8 && !/[.!?]$/u.test(folded)));

/** True for a line that is a rating ("★★☆☆☆", "Noté 2 sur 5 étoiles", "Note : 4/5"): a review's header, not its words. */
export const isRatingLine = (line: string): boolean => /\d\s*(?:\/|sur|out of)\s*(?:5|10|20)\b|[★☆✩✪⭐]{3}/u.test(line) && isRating(fold(line));

/**
 * True for a line of interface words, counters, symbols and separators only: "Répondre · Signaler · 👍 38",
 * "↑ 142 ↓", "14 réponses". With a page's memo, each distinct line is read once (the inferred reader's
 * lines, the segments of their headers and names, the line-role model's features ask for the same ones).
 */
export function isInterfaceLine(line: string, cues: LineCueSet = DEFAULT_LINE_CUES): boolean {
  const memo = cues.memo?.interfaceLines;
  if (memo === undefined) return readInterfaceLine(line, cues);
  let value = memo.get(line);
  if (value === undefined) {
    value = readInterfaceLine(line, cues);
    memo.set(line, value);
  }
  return value;
}

function readInterfaceLine(line: string, cues: LineCueSet): boolean {
  // Past 60 characters only the word list can match, and it needs at most 10 words (20 letter runs
  // with elisions): a sentence stops here without being folded.
  if (line.length > 60 && letterRuns(line, 21) > 20) return false;
  // Its first word is an interface word too (a letter alone may be a unit: "1,2 k"): most text stops here.
  const first = /[\p{L}\p{M}'’]+/u.exec(line)?.[0];
  if (first !== undefined && FORM_PROMPT_FIRST.test(first) && FORM_PROMPT.test(line.trim())) return true;
  if (isRatingLine(line)) return true;
  if (first !== undefined && first.length > 1 && !cues.interfaceWords.has(fold(first))) return false;
  const s = fold(line);
  if (s === '') return false;
  if (/^(?:voir|afficher|charger|load|show|view|lire)\s+(?:plus|more|les|la|\d+|the|previous|suivants|tous|all)\b.{0,40}$/u.test(s)) return true;
  const words = s.replace(/[\d.,\s]+k\b/gu, ' ').replace(/[^\p{L}'’]+/gu, ' ').trim().split(/\s+/u).filter((w) => w !== '');
  if (words.length === 0) return /[\p{N}\p{S}\p{P}]/u.test(s) && s.length <= 40;
  // A row of buttons each named twice for screen readers ("Like comment: Like comment: 5 likes Like Comment button Reply") runs to ten words.
  return words.length <= 10 && words.every((w) => cues.interfaceWords.has(w) || (w.length === 1 && !/^[aày]$/u.test(w)));
}

/** A reply marker: "level 2", "↪ Réponse à X", "Replying to @X", "#1.1", "X a écrit :", "RE:", "↩ X", "Lucie M. → X". */
export interface ReplyCue {
  /** Depth announced by the marker ("level 2" → 1). */
  readonly depth?: number;
  /** Name of the author answered. */
  readonly target?: string;
  /** "En réponse à @a et @b": the handles named, the conversation's root first. */
  readonly targets?: readonly string[];
  /** "X a écrit :": a quotation of X follows. */
  readonly quote?: string;
}

/** How every reply marker below starts or ends: a line matching none is not one, without trying each. */
// Tried on most short lines: written without the i flag (caseless.ts), the end of the line read only
// when its last character may close "a écrit :" or "wrote".
const REPLY_START = new RegExp(caseless('^(?:level|niveau|#|↪|↳|↩|en\\s|réponse|répondre|in\\s|replying|reply|a\\s+répondu\\s|répond\\s|replied\\s)'), 'u');
// "@Y a dit dans <topic> :" ("@Y said in <topic>:"): a forum engine's quotation naming the topic.
const REPLY_END = new RegExp(caseless(String.raw`(?:écrit|wrote)\s*:?\s*↑?$|\s(?:a\s+dit\s+dans|said\s+in)\s.{1,150}:$`), 'u');
/** /^(?:level|…|reply)|(?:écrit|wrote)\s*:?\s*↑?$/iu on a trimmed line. */
export const mayBeReplyCue = (t: string): boolean => REPLY_START.test(t) || (':↑tTeE'.includes(t.charAt(t.length - 1)) && t !== '' && REPLY_END.test(t));

/** Read a line as a reply marker, or undefined. */
export function replyCueOf(line: string): ReplyCue | undefined {
  let t = line.trim();
  // "(En réponse à X du commentaire #2)", "(In reply to X from comment #2)": the marker in parentheses, the number of the comment after the name.
  if (t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1).replace(/\s+(?:du|from)\s+(?:commentaire|comment)\s+#?\d+$/iu, '').trim();
  if (!mayBeReplyCue(t)) return undefined;
  const level = /^(?:level|niveau)\s+(\d+)$/iu.exec(t);
  if (level !== null) return { depth: Number(level[1]) - 1 };
  const numbered = /^#\d+((?:\.\d+)*)$/u.exec(t);
  if (numbered !== null) return { depth: (numbered[1]?.split('.').length ?? 1) - 1 };
  // "En réponse à" alone: the names answered are on the next line.
  if (/^(?:↪|↳|↩)?\s*(?:en\s+)?(?:réponse\s+à|in\s+reply\s+to|replying\s+to)\s*:?$/iu.test(t)) return {};
  // "a répondu à X" / "replied to X" under the poster's name: the verb without its subject.
  const answer = /^(?:↪|↳|↩)?\s*(?:en\s+)?(?:réponse\s+à|répondre\s+à|in\s+reply\s+to|replying\s+to|reply\s+to|a\s+répondu\s+à|répond\s+à|replied\s+to|réponse\s+au\s+(?:commentaire|message|post|avis)\s+de)\s+@?(.+?)\s*:?$/iu.exec(t);
  if (answer !== null) {
    // "En réponse à @a et @b": a list of handles, the conversation's root first.
    const handles = /^(?:↪|↳|↩)?\s*(?:en\s+)?(?:réponse\s+à|in\s+reply\s+to|replying\s+to)\s+(@.+)$/iu.exec(t)?.[1];
    const list = handles === undefined ? undefined : handlesOf(handles);
    return list !== undefined && list.length > 1 ? { targets: list } : { target: answer[1]?.replace(/^@/u, '') };
  }
  // "↳ X a répondu": a header naming who answers (replyHeaderOf), not the person answered.
  if (/\s(?:a\s+répondu|replied)\b/iu.test(t)) return undefined;
  const arrow = /^(?:↩|↪|↳)\s*@?(\S.{0,40})$/u.exec(t);
  if (arrow !== null) return { target: arrow[1]?.trim() };
  // "Le 26 septembre 2022 à 10:05:13 :X a écrit :", "On Sep 26, 2022, X wrote:": the quoted post's date first.
  const quote = /^(.{2,40}?)\s+a\s+écrit\s*:?\s*↑?$|^(.{2,40}?)\s+wrote\s*:?$/iu.exec(t.replace(/^(?:le|on)\s+.*?\d(?::\d{2})*\s*[:,]\s*(?=\S)/iu, ''));
  if (quote !== null) return { quote: (quote[1] ?? quote[2])?.trim() };
  const quoteIn = /^(\S.{0,40}?)\s+(?:a\s+dit\s+dans|said\s+in)\s.{1,150}:$/iu.exec(t);
  if (quoteIn !== null) return { quote: quoteIn[1]!.trim() };
  return undefined;
}

/** A header's segment naming its author as one who answers (replyHeaderOf). */
export interface ReplyHeader {
  readonly author: string;
  /** "Réponse de X à Y": the name answered; undefined when the comment above is ("Réponse de X", "↳ X a répondu"). */
  readonly target?: string;
}

const REPLY_HEADER_START = new RegExp(caseless('^(?:↳|↪|réponse|reply|answer)'), 'u');
const REPLY_HEADER_END = new RegExp(caseless('(?:répondu|replied)$'), 'u');
/** /^(?:↳|↪|réponse|reply|answer)|(?:répondu|replied)$/iu on a trimmed segment. */
export const mayBeReplyHeader = (t: string): boolean => REPLY_HEADER_START.test(t) || ('uUdD'.includes(t.charAt(t.length - 1)) && t !== '' && REPLY_HEADER_END.test(t)) || t.includes(' répondu à ') || t.includes(' replied to ');

/** "X a répondu à Y", "X replied to Y": a forum post's author line naming whom the post answers. */
const ANSWERED_TO = /^(\S.{0,40}?)\s+(?:a\s+répondu\s+à|replied\s+to)\s+@?(\S.{0,40})$/iu;

/** "Réponse de X à Y", "X a répondu à Y" (Y answered), "Réponse de X", "↳ X a répondu", "X replied" (the comment above answered), or undefined. */
export function replyHeaderOf(segment: string, cues: LineCueSet = DEFAULT_LINE_CUES): ReplyHeader | undefined {
  const t = segment.trim();
  if (!mayBeReplyHeader(t)) return undefined;
  const to = /^(?:↳|↪)?\s*(?:réponse|reply|answer)\s+(?:de|d['’]|from|by)\s*(.+?)\s+(?:à|to)\s+@?(.+)$/iu.exec(t);
  if (to !== null) {
    const author = authorOf(to[1] ?? '', cues);
    const target = authorOf(to[2] ?? '', cues);
    return author === undefined || target === undefined ? undefined : { author, target };
  }
  const answeredTo = ANSWERED_TO.exec(t);
  if (answeredTo !== null) {
    const author = authorOf(answeredTo[1]!, cues);
    const target = authorOf(answeredTo[2]!, cues);
    if (author !== undefined && target !== undefined) return { author, target };
  }
  const from = /^(?:↳|↪)?\s*(?:réponse|reply|answer)\s+(?:de|d['’]|from|by)\s*(.+)$/iu.exec(t)?.[1] ?? /^(?:↳|↪)?\s*(.+?)\s+(?:a\s+répondu|replied)$/iu.exec(t)?.[1];
  const author = from === undefined ? undefined : introducedName(from) ?? authorOf(from, cues);
  return author === undefined ? undefined : { author };
}

/** Words a page puts before a name on a header: "Avis de X", "Réponse de X", "Question posée par X", "Answered by X". */
const INTRODUCER = /^(?:(?:avis|réponse|question|commentaire|review|answer|reply)\s+(?:(?:posée|postée|publiée|laissée|rédigée)\s+)?(?:de|d['’]|par|from|by)|(?:posée|asked|answered|reviewed)\s+(?:par|by))\s*/iu;

/** The name after an introducer, whatever its case ("Réponse de Mon carnet de santé"): short, no sentence end, no "à Y". */
function introducedName(s: string): string | undefined {
  const t = s.trim();
  return t !== '' && wordCount(t) <= 6 && (!/[.!?:;,…]$/u.test(t) || /(?:^|\s)\p{Lu}\.$/u.test(t)) && !/\s(?:à|to)\s/u.test(t) && !/^\d/u.test(t) ? t : undefined;
}

const wordCount = (s: string): number => s.split(/\s+/u).filter((w) => w !== '').length;

/** A line of handles only: "@KerlouanMairie", "@elise_b@mamot.fr", "@yannick_lb et @KerlouanMairie". */
export function handlesOf(line: string): string[] | undefined {
  const t = line.trim();
  if (!/^@[\p{L}\p{N}_][\p{L}\p{N}_.-]*(?:@[\p{L}\p{N}.-]+)?(?:(?:\s*,\s*|\s+(?:et|and)\s+)@[\p{L}\p{N}_][\p{L}\p{N}_.-]*(?:@[\p{L}\p{N}.-]+)?)*$/u.test(t)) return undefined;
  return t.split(/\s*,\s*|\s+(?:et|and)\s+/u);
}

/** Parts of a header line split at its separators. */
export function segmentsOf(line: string): string[] {
  return line.split(SEPARATOR).flatMap(splitTrailingAge).map((s) => s.trim()).filter((s) => s !== '');
}

/** "Louise_Tech il y a 5 jours", "marie_k 3 days ago": a name then its relative date in words, without a separator between. */
const AGE_UNIT = String.raw`(?:minutes?|heures?|jours?|semaines?|mois|ans|années?|hours?|days?|weeks?|months?|years?)`;
const TRAILING_AGE = new RegExp(String.raw`^([^\s★☆]\S*(?:\s+\S+)*?)\s+(il\s+y\s+a\s+(?:\d+|un|une)\s+${AGE_UNIT}|\d+\s+${AGE_UNIT}\s+ago)$`, 'u');
const splitTrailingAge = (segment: string): string[] => {
  const m = segment.includes(' il y a ') || segment.endsWith(' ago') ? TRAILING_AGE.exec(segment.trim()) : null;
  return m === null ? [segment] : [m[1] ?? '', m[2] ?? ''];
};

/** Words that introduce an author on a byline or header: "Par X", "Posted by u/X", "Message par X". */
const AUTHOR_PREFIX = /^(?:(?:message\s+)?par|by|posted\s+by|publiée?\s+par|postée?\s+par|écrite?\s+par|de|from|épinglé\s+par|pinned\s+by)\s+(?:u\/)?/iu;

/** A role in parentheses after a name: "(Professeur principal)", "(invité)". */
const ROLE_AFTER_NAME = /(\S)\s+\(((?:\p{L}[\p{L}'’-]*\s?){1,4})\)$/u;
/** Pronouns a display name shows in parentheses: part of the name. */
const PRONOUNS = /^(?:(?:elle|il|iel|ielle|ils|elles|she|he|they|her|him|them|hers|his|theirs)(?:\s*\/\s*|\s+)?)+$/iu;

/** A name as a header shows it, or undefined: "@bastien_infra", "Lucie M.", "Posted by u/X" → "X". */
export function authorOf(segment: string, cues: LineCueSet = DEFAULT_LINE_CUES): string | undefined {
  return memoised(cues.memo?.names, segment, (s) => readAuthor(s, cues));
}

function readAuthor(segment: string, cues: LineCueSet): string | undefined {
  // "Avis de Corentin L.", "Question posée par Inès Carré": after an introducer, the words are a name whatever their case.
  const introduced = INTRODUCER.exec(segment.trim());
  if (introduced !== null) {
    const name = introducedName(segment.trim().slice(introduced[0].length));
    if (name !== undefined && !isInterfaceLine(name, cues) && dateCueOf(name, cues) === undefined) return name;
  }
  // "Collectif Gratte-Ciel à vélo says:": the words before "dit :" are a name, whatever their case.
  const trimmed = segment.trim();
  const says = trimmed.endsWith(':') && /\S\s+(?:dit|says|a dit)\s*:$/iu.test(trimmed);
  // The unanchored patterns below are tried only on segments holding what they need (an arrow, a
  // bullet, the last letter of "dit" or "says", a closing parenthesis): a segment without is unchanged by them.
  let t = trimmed.replace(AUTHOR_PREFIX, '').replace(/^u\//u, '');
  if (t.includes('→') || t.includes('->')) t = t.replace(/\s*(?:→|->)\s*.+$/u, '');
  if (t.includes('•') || t.includes('·')) t = t.replace(/\s+[•·]\s+\d+(?:e|er|nd|rd|th)\+?$/u, '');
  t = t.trim();
  if (':tTsS\u017f'.includes(t.charAt(t.length - 1)) && t !== '') t = t.replace(/\s+(?:dit|says|a dit)\s*:?$/iu, '');
  // "(modifié)" after a name; "Mme LE CORRE A. (Professeur principal)": a role in parentheses after the
  // name is no part of it, pronouns are ("Élise (elle)", "Sam (they/them)").
  if (t.endsWith(')')) t = t.replace(/\s*\((?:modifié|edited)\)$/iu, '').replace(ROLE_AFTER_NAME, (whole, last: string, role: string) => (PRONOUNS.test(role) ? whole : last));
  t = t.trim();
  if (t === '' || t.length > 80 || /[.!?;]$/u.test(t) && !/\b\p{Lu}\.$/u.test(t)) return undefined;
  const words = t.split(/\s+/u);
  // "Members 1.2m": a label and a counter, not a name.
  if (words.length > 6 || (words.length > 1 && words.some((w) => /^\d/u.test(w)))) return undefined;
  // A handle, or a name: every word capitalised, or a particle, or an initial ("Jean-Yves D.", "Ministère de l'économie").
  const nameLike = /^@?[\p{L}\p{N}_][\p{L}\p{N}_.'’-]*(?:@[\p{L}\p{N}.-]+)?$/u.test(t)
    || words.every((w) => /^[\p{Lu}\p{N}@][\p{L}\p{N}_.'’-]*$/u.test(w) || /^(?:de|du|des|d['’]\p{L}+|la|le|l['’]\p{L}+|von|van|et|of|the|en|à|lambda)$/iu.test(w));
  return (nameLike || says) && !isInterfaceLine(t, cues) && dateCueOf(t, cues) === undefined ? t : undefined;
}
