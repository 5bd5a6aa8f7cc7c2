import { type FormatDiagnostic, type FormatResult } from './format.js';
import { DEFAULT_FIELD_MAP, type FlatField, fieldKeyOf, type FlatRow, groupFlatRows, parseFlatDate, unixMillisOf } from './flat-records.js';
import { plainTextOf } from './markup.js';
import { ownerIdOf, ownersOf } from './record-owners.js';

/**
 * Schema inference for exports whose field names match no alias (a chat app's own export, an API
 * response saved as is, a research tool's CSV in another language): the records are found where they
 * are (the largest array of objects anywhere in a JSON document, or the rows of a CSV), and each
 * field's role is read from its values across the records, never from its name:
 *
 * - text: the field whose values hold the most words (markup removed; an array of fragments or of
 *   objects with a `text` is joined);
 * - date: the field most of whose values read as a date (ISO, "YYYY-MM-DD hh:mm", French forms, Unix
 *   seconds or milliseconds between 2000 and 2100), dates written as text before Unix numbers;
 * - id and parent: the pair (id unique per record, parent another field) where the most records'
 *   parent value is an earlier record's id (two links at least);
 * - author: short, name-like strings (no URL, no long digit run, a capital or "@" first) present on
 *   most records and not all the same; a nested object's fields count (`poster.label`).
 *
 * A field an alias names is only a candidate for its own role. Nothing is inferred when the records
 * carry neither a date nor a reply link (a table of something else than a thread). Only called when
 * the alias path read nothing, so pages already read are unchanged.
 */

/** Why the fields were inferred, for the info row: the alias path read nothing… */
export const NOTHING_READ = 'nothing read under the known field names';
/** …or read the records as separate documents, and the inferred reading links them into a thread (reading-choice.ts). */
export const SEPARATE_DOCUMENTS = 'the known field names read the records as separate documents, but their values link them as one thread';

/** True when a result holds at least one unit: an article body or a comment with text. */
export const readsSomething = (result: FormatResult): boolean => result.records.some((r) => r.page.body.trim() !== '' || r.page.comments.some((c) => c.text.trim() !== ''));

/** The roles inferred, each the source field's path (`poster.label` for a nested object's field). */
export interface InferredFields {
  readonly text: string;
  readonly published?: string;
  readonly id?: string;
  readonly parent?: string;
  readonly author?: string;
  /** The next author field, read where `author` is empty (a display name left null, the account's name beside it). */
  readonly alsoAuthor?: string;
  /** Other fields of words of their own, each cell a unit after the text's (a survey's free-text questions). */
  readonly alsoText?: readonly string[];
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Records found in a JSON document, and whether they sit in a container object with fields of its own (a chat, a topic). */
export interface FoundRecords {
  readonly records: readonly Obj[];
  readonly path: string;
  readonly inContainer: boolean;
  /** The whole file, where other arrays may hold the records' owners (record-owners.ts). */
  readonly root?: unknown;
}

const keyOverlap = (a: readonly Obj[], b: readonly Obj[]): number => {
  const ka = new Set(a.flatMap((o) => Object.keys(o)));
  const kb = new Set(b.flatMap((o) => Object.keys(o)));
  const common = [...ka].filter((k) => kb.has(k)).length;
  return common / Math.max(1, Math.min(ka.size, kb.size));
};

/**
 * The largest array of objects anywhere in the document (walked with a stack); sibling arrays of
 * the same object whose records share most keys are read as one, in the object's order (an API's
 * `ancestors` then `descendants`). Undefined when no array holds two objects.
 */
export function findRecords(value: unknown): FoundRecords | undefined {
  let best: FoundRecords | undefined;
  const consider = (found: FoundRecords): void => {
    if (found.records.length >= 2 && (best === undefined || found.records.length > best.records.length)) best = found;
  };
  const stack: { value: unknown; path: string; parent?: Obj }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: v, path, parent } = stack.pop()!;
    if (Array.isArray(v)) {
      const objects = v.filter(isObject);
      if (objects.length === v.length && objects.length > 0 && parent === undefined) consider({ records: objects, path: path || '(top)', inContainer: false });
      for (const item of v) stack.push({ value: item, path: `${path}[]` });
      continue;
    }
    if (!isObject(v)) continue;
    const arrays = Object.entries(v).filter(([, inner]) => Array.isArray(inner) && inner.length > 0 && inner.every(isObject)) as [string, Obj[]][];
    const ownFields = Object.values(v).some((inner) => !Array.isArray(inner) && !isObject(inner) && inner !== null);
    const used = new Set<string>();
    for (const [key, items] of arrays) {
      if (used.has(key)) continue;
      const group = arrays.filter(([k, other]) => !used.has(k) && (k === key || keyOverlap(items, other) >= 0.8));
      for (const [k] of group) used.add(k);
      consider({ records: group.flatMap(([, o]) => o), path: `${path}${path === '' ? '' : '.'}${group.map(([k]) => k).join('+')}`, inContainer: ownFields });
    }
    for (const [key, inner] of Object.entries(v)) if (typeof inner === 'object' && inner !== null) stack.push({ value: inner, path: `${path}${path === '' ? '' : '.'}${key}`, parent: Array.isArray(inner) ? v : undefined });
  }
  return best === undefined ? undefined : { ...best, root: value };
}

/** A token an id can be: a number, or a string of at most 64 characters without white space. */
const isIdToken = (x: unknown): boolean => (typeof x === 'number' && Number.isFinite(x)) || (typeof x === 'string' && x.trim() !== '' && x.length <= 64 && !/\s/u.test(x.trim()));

/**
 * A value as text: strings trimmed, numbers written, a list of ids (the chain of records a reply
 * answers, oldest first) its last, an array of fragments (strings, or objects with a `text`) joined.
 */
function valueText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (Array.isArray(v) && v.length > 0 && v.every(isIdToken)) return String(v.at(-1)).trim();
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' || (isObject(x) && typeof x.text === 'string'))) {
    const joined = v.map((x) => (typeof x === 'string' ? x : String((x as Obj).text))).join('');
    return joined.trim() === '' ? undefined : joined;
  }
  return undefined;
}

/** A record's values by path: its own, then one level into nested objects (`poster.label`). */
export function valuesOf(record: Obj): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, v] of Object.entries(record)) {
    const t = valueText(v);
    if (t !== undefined) out.set(key, t);
  }
  for (const [key, v] of Object.entries(record)) {
    if (!isObject(v)) continue;
    for (const [sub, inner] of Object.entries(v)) {
      const t = valueText(inner);
      if (t !== undefined && !out.has(`${key}.${sub}`)) out.set(`${key}.${sub}`, t);
    }
  }
  return out;
}

const MIN_UNIX = Date.UTC(2000, 0, 1);
const MAX_UNIX = Date.UTC(2100, 0, 1);

/** A value read as a date, and whether it was Unix time; undefined when it is none. */
function dateOf(raw: string): { unix: boolean } | undefined {
  const s = raw.trim();
  const ms = unixMillisOf(s);
  if (ms !== undefined) return ms >= MIN_UNIX && ms < MAX_UNIX ? { unix: true } : undefined;
  if (s.length > 40) return undefined;
  return parseFlatDate(s) === undefined ? undefined : { unix: false };
}

const wordsOf = (s: string): number => plainTextOf(s).split(/\s+/u).filter((w) => /\p{L}/u.test(w) && !w.includes('://')).length;

/** How much a value looks like a person's or an account's name (0 when it cannot be one). */
function nameLikeness(s: string): number {
  const t = s.trim();
  if (t.length > 60 || t.split(/\s+/u).length > 6 || /\/|\d{4}/u.test(t) || !/\p{L}/u.test(t)) return 0;
  return /^[\p{Lu}@]/u.test(t) ? 1 : 0.5;
}

/**
 * The role of each field, read from the values of all records. Undefined when no field holds text
 * (more than three words a record on average), or when no field holds dates or reply links.
 */
export function inferFields(records: readonly Obj[]): InferredFields | undefined {
  const values = records.map(valuesOf);
  const all: string[] = [];
  for (const m of values) for (const k of m.keys()) if (!all.includes(k)) all.push(k);
  // A field an alias names keeps its role: `title` is never the text, `author` never the date.
  const roleOf = (name: string): FlatField | undefined => DEFAULT_FIELD_MAP.fieldOf.get(fieldKeyOf(name));
  const free = (role: FlatField) => (name: string): boolean => { const named = roleOf(name); return named === undefined || named === role; };
  const n = records.length;
  const column = (name: string): (string | undefined)[] => values.map((m) => m.get(name));

  let text: string | undefined;
  let textScore = 3;
  const wordy: string[] = [];
  for (const name of all.filter(free('text'))) {
    const score = column(name).reduce((sum, v) => sum + (v === undefined ? 0 : wordsOf(v)), 0) / n;
    if (score > 3) wordy.push(name);
    if (score > textScore) { text = name; textScore = score; }
  }
  if (text === undefined) return undefined;
  const texted = values.filter((m) => m.get(text!) !== undefined && plainTextOf(m.get(text!)!).trim() !== '');

  const dateShare = new Map<string, number>();
  let published: string | undefined;
  let dateScore = 0.5;
  for (const name of all) {
    if (name === text) continue;
    const dates = column(name).map((v) => (v === undefined ? undefined : dateOf(v)));
    const share = dates.filter((d) => d !== undefined).length / n;
    dateShare.set(name, share);
    if (!free('published')(name)) continue;
    const score = share + (dates.some((d) => d?.unix === false) ? 0.01 : 0);
    if (score > dateScore) { published = name; dateScore = score; }
  }

  const idLike = all.filter(free('id')).filter((name) => {
    if (name === text || name === published) return false;
    const col = column(name).filter((v): v is string => v !== undefined);
    return col.length >= 0.8 * n && new Set(col).size === col.length && col.every((v) => v.length <= 64 && !/\s/u.test(v));
  });
  let id: string | undefined;
  let parent: string | undefined;
  let links = 0;
  for (const idName of idLike) {
    const ids = column(idName);
    // A reply comes after what it answers: only links to an earlier record count.
    const firstAt = new Map<string, number>();
    ids.forEach((v, i) => { if (v !== undefined && !firstAt.has(v)) firstAt.set(v, i); });
    for (const name of all.filter(free('parent_id'))) {
      if (name === idName || name === text || name === published) continue;
      const count = column(name).filter((v, i) => v !== undefined && (firstAt.get(v) ?? i) < i).length;
      if (count > links) { id = idName; parent = name; links = count; }
    }
  }
  if (links < Math.min(2, n - 1)) { parent = undefined; id = idLike.find((name) => (dateShare.get(name) ?? 0) < 0.5); }
  // The records of a thread carry a time or a reply link; a table of other things (this tool's own
  // outputs: claims, stances) carries neither and is not read as comments.
  if (published === undefined && parent === undefined) return undefined;

  const authors: { name: string; score: number; named: boolean }[] = [];
  for (const name of all.filter(free('author'))) {
    if ([text, published, id, parent].includes(name) || (dateShare.get(name) ?? 0) >= 0.5) continue;
    const col = texted.map((m) => m.get(name)).filter((v): v is string => v !== undefined);
    if (col.length === 0 || col.some((v) => /^\d+(?:\.\d+)?$/u.test(v.trim()))) continue;
    // A key of the records (unique on each, a digit in each: "PRJ-142") names no person.
    if (col.length === texted.length && col.length >= 2 && new Set(col).size === col.length && col.every((v) => /\d/u.test(v) && !/\s/u.test(v.trim()))) continue;
    const likeness = col.reduce((sum, v) => sum + nameLikeness(v), 0) / col.length;
    const constant = col.length >= 2 && new Set(col).size === 1 ? 0.2 : 1;
    const score = (col.length / Math.max(1, texted.length)) * likeness * constant;
    if (score > 0.3) authors.push({ name, score, named: roleOf(name) === 'author' });
  }
  // The best first; on a tie, a field an alias names as the author, then the field met first.
  const [best, next] = authors.map((a, i) => ({ ...a, i })).sort((a, b) => b.score - a.score || Number(b.named) - Number(a.named) || a.i - b.i);
  const author = best?.name;
  // Where the author field is empty on some records, the next one that names them there.
  const unnamed = author === undefined ? [] : texted.filter((m) => m.get(author) === undefined);
  const alsoAuthor = next !== undefined && unnamed.length > 0 && unnamed.every((m) => m.get(next.name) !== undefined) ? next.name : undefined;
  // Records without reply links holding several fields of words, none a copy of another (a survey's answers to
  // two open questions): each is read, a unit a cell. A field repeating or holding the text (its rich-text copy) is not.
  const distinct = (a: string, b: string): boolean => values.every((m) => {
    const x = m.get(a)?.trim() ?? '';
    const y = m.get(b)?.trim() ?? '';
    return x === '' || y === '' || (!x.includes(y) && !y.includes(x));
  });
  const alsoText = parent === undefined ? wordy.filter((name) => name !== text && ![published, id, author].includes(name) && distinct(name, text!)) : [];
  return { text, published, id, parent, author, ...(alsoAuthor === undefined ? {} : { alsoAuthor }), ...(alsoText.length === 0 ? {} : { alsoText }) };
}

/** True when the records' dates (undefined where a record has none) never rise and take three values at least: a list newest first. */
function newestFirst(dates: readonly (string | undefined)[]): boolean {
  const read = dates.map((d) => (d === undefined ? undefined : parseFlatDate(d))).filter((d): d is string => d !== undefined);
  return new Set(read).size >= 3 && read.every((d, i) => i === 0 || d <= read[i - 1]!);
}

/** An account URI (`acct:name@host`, RFC 7565) names its account `name`; any other author as written. */
const accountName = (author: string): string => /^acct:([^@\s]+)@[^@\s]+$/u.exec(author)?.[1] ?? author;

/**
 * Records → flat rows of one document under the inferred fields. Records without text (a sticker,
 * a service notice) are dropped, and a reply to one of them hangs where it hung. When the records sit
 * in a container (a chat's export) and the first answers nobody, it opens the thread: the article.
 */
export function readInferredRecords(found: FoundRecords, fileName: string, lines?: readonly (number | undefined)[], why = NOTHING_READ): FormatResult | undefined {
  let records = found.records;
  let fields = inferFields(records);
  if (fields === undefined) return undefined;
  // A file listing its records newest first (an activity feed) is read oldest first, as a thread is.
  const newest = fields.published !== undefined && newestFirst(records.map((r) => valuesOf(r).get(fields!.published!)));
  if (newest) { records = [...records].reverse(); fields = inferFields(records) ?? fields; }
  const read: InferredFields = fields;
  const lineOf = (i: number): number | undefined => lines?.[newest ? records.length - 1 - i : i];
  const owners = found.root === undefined ? undefined : ownersOf(found.root, records);
  const values = records.map(valuesOf);
  const parentOf = new Map<string, string>();
  if (fields.id !== undefined && fields.parent !== undefined) {
    for (const m of values) {
      const own = m.get(fields.id);
      const up = m.get(fields.parent);
      if (own !== undefined && up !== undefined) parentOf.set(own.trim(), up.trim());
    }
  }
  const kept = new Set<string>();
  const rows: FlatRow[] = [];
  let dropped = 0;
  const authorOf = (m: ReadonlyMap<string, string>): string | undefined => {
    const named = (fields.author === undefined ? undefined : m.get(fields.author)?.trim()) ?? (fields.alsoAuthor === undefined ? undefined : m.get(fields.alsoAuthor)?.trim());
    return named === undefined ? undefined : accountName(named);
  };
  // An owner's first record without text (its creation) gives the owner's article its author and date.
  const opened = new Map<string, { author?: string; published?: string }>();
  values.forEach((m, i) => {
    const ownerId = owners === undefined ? undefined : ownerIdOf(records[i]!, owners.key);
    const text = m.get(fields.text);
    // A text of one token that is one of the record's own other values (a join notice naming the user's login) holds no words.
    const echo = text !== undefined && !/\s/u.test(text.trim()) && [...m].some(([k, v]) => k !== fields.text && v.trim() === text.trim());
    const empty = text === undefined || plainTextOf(text).trim() === '' || echo;
    if (ownerId !== undefined && !opened.has(ownerId)) opened.set(ownerId, empty ? { author: authorOf(m), published: fields.published === undefined ? undefined : m.get(fields.published)?.trim() } : {});
    // The other fields of words, each a unit of its own after the text's.
    const more = (fields.alsoText ?? []).map((name) => m.get(name)).filter((t): t is string => t !== undefined && plainTextOf(t).trim() !== '');
    if (empty && more.length === 0) { dropped += 1; return; }
    for (const [k, words] of (empty ? more : [text, ...more]).entries()) pushRow(m, i, ownerId, words, k > 0);
  });
  function pushRow(m: ReadonlyMap<string, string>, i: number, ownerId: string | undefined, text: string, again: boolean): void {
    const cells: Partial<Record<FlatField, string>> = { doc_id: ownerId ?? fileName, text };
    const own = read.id === undefined || again ? undefined : m.get(read.id)?.trim();
    if (own !== undefined) { cells.id = own; kept.add(own); }
    let up = read.parent === undefined ? undefined : m.get(read.parent)?.trim();
    const seen = new Set<string>();
    while (up !== undefined && !kept.has(up) && parentOf.has(up) && !seen.has(up)) { seen.add(up); up = parentOf.get(up); }
    if (up !== undefined) cells.parent_id = up;
    const date = read.published === undefined ? undefined : m.get(read.published)?.trim();
    if (date !== undefined) cells.published = date;
    const author = authorOf(m);
    if (author !== undefined) cells.author = author;
    rows.push({ line: lineOf(i), cells, size: [...m.values()].reduce((s, v) => s + v.length, 0) });
  }
  if (rows.length === 0) return undefined;
  // Each owner with text is the article of the records naming it, in the owners' order.
  const articles: FlatRow[] = [];
  for (const [ownerId, text] of owners?.texts ?? []) {
    if (plainTextOf(text).trim() === '') continue;
    // Its author and date: its first record without text (its creation), else its own fields of the records' names.
    const own = owners?.owners.get(ownerId);
    const ownValues = own === undefined ? undefined : valuesOf(own);
    const { author = ownValues === undefined ? undefined : authorOf(ownValues), published = fields.published === undefined ? undefined : ownValues?.get(fields.published)?.trim() } = opened.get(ownerId) ?? {};
    articles.push({ cells: { doc_id: ownerId, id: ownerId, kind: 'post', text, ...(author === undefined ? {} : { author }), ...(published === undefined ? {} : { published }) }, size: text.length });
  }
  rows.unshift(...articles);
  const [first] = rows;
  if (owners === undefined && found.inContainer && first !== undefined && first.cells.parent_id === undefined && rows.length > 1) rows[0] = { ...first, cells: { ...first.cells, kind: 'post' } };
  const grouped = groupFlatRows(rows, fileName);
  const chosen = (['text', 'published', 'author', 'id', 'parent'] as const).map((role) => `${role} = ${fields[role] ?? '(none)'}`).join(', ');
  const info: FormatDiagnostic = {
    level: 'info', code: 'schema-inferred',
    message: `${why}; ${rows.length - articles.length} records of ${found.path} read with fields inferred from their values: ${chosen}${dropped > 0 ? `; ${dropped} without text skipped` : ''}${newest ? '; listed newest first, read oldest first' : ''}${owners === undefined ? '' : `; grouped by ${owners.key}, the records of ${owners.place} it names (their ${owners.textField} the article)`}${owners === undefined && rows[0]?.cells.kind === 'post' ? '; the first record opens the thread (article)' : ''}`,
  };
  return { records: grouped.records, diagnostics: [info, ...grouped.diagnostics] };
}
