import { plainTextOf } from './markup.js';

/**
 * Records that name another array's record by its id hang under it, as a relational export writes
 * them (a board's actions naming their card, a tracker's comments naming their issue): that record is
 * their document, and its own longest text is the article. Found from the values alone: the path in
 * the records (up to three levels, `data.card.id`) whose values are the ids of the records of another
 * array of the same file, the array whose records hold text (more than three words on average).
 */

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Longest id token: an address naming a record (`issue_url`) runs past a short id's 64 characters. */
const MAX_ID_CHARS = 256;
const idToken = (v: unknown): string | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string' && v.trim() !== '' && v.length <= MAX_ID_CHARS && !/\s/u.test(v.trim())) return v.trim();
  return undefined;
};
const wordsOf = (v: unknown): number => (typeof v === 'string' ? plainTextOf(v).split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length : 0);

/** The owners found: the records' path naming them, and each owner's text (empty when it has none), in the owners' array order. */
export interface RecordOwners {
  /** Path in the records whose value is the owner's id (`data.card.id`). */
  readonly key: string;
  /** Where the owners sit in the file, and the field holding their text. */
  readonly place: string;
  readonly textField: string;
  /** Owner id → its text, in the order of the owners' array. */
  readonly texts: ReadonlyMap<string, string>;
  /** Owner id → the owner record itself (its own author and date fields). */
  readonly owners: ReadonlyMap<string, Obj>;
}

/** Paths to scalar id tokens in a record, nested objects read up to three levels down. */
function idPaths(record: Obj, prefix = '', depth = 0, out = new Map<string, string>()): Map<string, string> {
  for (const [key, v] of Object.entries(record)) {
    const token = idToken(v);
    if (token !== undefined) out.set(`${prefix}${key}`, token);
    else if (isObject(v) && depth < 2) idPaths(v, `${prefix}${key}.`, depth + 1, out);
  }
  return out;
}

/**
 * Every array of objects in the file but `records` itself, with where it sits; and every object
 * of the file's top level that sits beside the records (an export's `issue` beside its `comments`),
 * as an array of one.
 */
function otherArrays(root: unknown, records: readonly Obj[]): { place: string; items: Obj[] }[] {
  const out: { place: string; items: Obj[] }[] = [];
  const stack: { value: unknown; place: string }[] = [{ value: root, place: '' }];
  while (stack.length > 0) {
    const { value, place } = stack.pop()!;
    if (Array.isArray(value)) {
      const items = value.filter(isObject);
      if (items.length > 0 && items.length === value.length && !items.some((o) => records.includes(o))) out.push({ place: place || '(top)', items });
      for (const item of value) stack.push({ value: item, place: `${place}[]` });
    } else if (isObject(value)) {
      for (const [key, inner] of Object.entries(value)) if (typeof inner === 'object' && inner !== null) stack.push({ value: inner, place: `${place}${place === '' ? '' : '.'}${key}` });
    }
  }
  if (isObject(root) && Object.values(root).some((v) => Array.isArray(v) && v.some((o) => records.includes(o as Obj)))) {
    for (const [key, inner] of Object.entries(root)) if (isObject(inner)) out.push({ place: key, items: [inner] });
  }
  return out;
}

/**
 * An array's id fields (top-level fields unique on every item; of a lone object, every field an
 * id token: which one the records name is read from them) and its text field (most words, more than
 * three on average).
 */
function idsAndText(items: readonly Obj[]): { ids: string[]; text: string } | undefined {
  const keys = [...new Set(items.flatMap((o) => Object.keys(o)))];
  const unique = keys.filter((k) => {
    const values = items.map((o) => idToken(o[k]));
    return values.every((v) => v !== undefined) && new Set(values).size === items.length;
  });
  const ids = items.length === 1 ? unique : unique.slice(0, 1);
  if (ids.length === 0) return undefined;
  let text: string | undefined;
  let best = 3;
  for (const k of keys) {
    const words = items.reduce((n, o) => n + wordsOf(o[k]), 0) / items.length;
    if (words > best) { text = k; best = words; }
  }
  return text === undefined ? undefined : { ids, text };
}

/**
 * The owners of `records` in the file `root`, or undefined when no path of theirs names the records
 * of another array holding text for at least half of them.
 */
export function ownersOf(root: unknown, records: readonly Obj[]): RecordOwners | undefined {
  if (records.length < 2) return undefined;
  const paths = records.map((r) => idPaths(r));
  let best: (RecordOwners & { count: number }) | undefined;
  const keys = new Set(paths.flatMap((p) => [...p.keys()]));
  for (const { place, items } of otherArrays(root, records)) {
    const fields = idsAndText(items);
    if (fields === undefined) continue;
    for (const idField of fields.ids) {
      const ids = new Set(items.map((o) => idToken(o[idField])!));
      for (const key of keys) {
        const count = paths.filter((p) => ids.has(p.get(key) ?? '')).length;
        if (count * 2 < records.length || (best !== undefined && count <= best.count)) continue;
        const texts = new Map(items.map((o) => [idToken(o[idField])!, typeof o[fields.text] === 'string' ? (o[fields.text] as string) : '']));
        best = { key, place, textField: fields.text, texts, owners: new Map(items.map((o) => [idToken(o[idField])!, o])), count };
      }
    }
  }
  if (best === undefined) return undefined;
  const { count: _count, ...owners } = best;
  return owners;
}

/** The owner id a record names under `key`. */
export const ownerIdOf = (record: Obj, key: string): string | undefined => idPaths(record).get(key);
