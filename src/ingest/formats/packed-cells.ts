import { DEFAULT_FIELD_MAP, fieldKeyOf, parseFlatDate, type FlatField, type FlatRow } from './flat-records.js';
import { inferFields } from './infer-schema.js';

/**
 * A table with one row per document whose comments sit in cells of a column repeated under one
 * name, each cell packing one comment as "date;name;text" (an issue tracker's CSV of all fields:
 * "12/Mar/25 9:48 AM;hnguyen;text", the text free to hold more separators). Found from the values:
 * a repeated column most of whose filled cells unpack so. Each row is then a document: its other
 * columns' roles inferred from their values (infer-schema.ts), its own text the article, the packed
 * cells its comments in column order.
 */

/** One comment unpacked from a cell. */
export interface PackedComment {
  readonly published: string;
  readonly author: string;
  readonly text: string;
}

const PACKED = /^([^;|\n]{6,40})([;|])([^;|\s]{1,64})\2([\s\S]*\S[\s\S]*)$/u;

/** A cell as "date<sep>name<sep>text" (`;` or `|`), or undefined when it is not one. */
export function unpackCell(cell: string): PackedComment | undefined {
  const m = PACKED.exec(cell.trim());
  if (m === null || parseFlatDate(m[1] ?? '') === undefined) return undefined;
  return { published: (m[1] ?? '').trim(), author: m[3] ?? '', text: wikiQuotesAsMarkdown(m[4] ?? '') };
}

/** A wiki-markup quote block (`{quote}…{quote}`) written as the Markdown "> " paragraph the flat reader takes quotes from. */
function wikiQuotesAsMarkdown(text: string): string {
  return text.replace(/\{quote\}([\s\S]*?)\{quote\}[ \t]*\n?/gu, (_, quoted: string) => `${quoted.trim().split('\n').map((l) => `> ${l}`).join('\n')}\n\n`).trim();
}

/** Indices of the header's columns repeated under one name whose filled cells (two at least) mostly unpack as comments. */
export function packedColumns(header: readonly string[], rows: readonly (readonly string[])[]): number[] {
  const byName = new Map<string, number[]>();
  header.forEach((name, i) => byName.set(name, [...(byName.get(name) ?? []), i]));
  return [...byName.values()].filter((at) => {
    if (at.length < 2) return false;
    const cells = rows.flatMap((r) => at.map((i) => r[i] ?? '')).filter((c) => c.trim() !== '');
    return cells.length >= 2 && cells.filter((c) => unpackCell(c) !== undefined).length >= 0.8 * cells.length;
  }).flat();
}

/**
 * The column naming each row's author: the one whose values are most often among the people who
 * write the packed comments, not the same on every row; on a tie, a column an alias names as the
 * author (`creator`), then the first. Undefined when no column names a commenter.
 */
function articleAuthorColumn(header: readonly string[], objects: readonly Record<string, string>[], commenters: readonly string[], packed: readonly number[]): string | undefined {
  const people = new Set(commenters.filter((c) => c !== ''));
  let best: { name: string; score: number } | undefined;
  header.forEach((name, i) => {
    if (packed.includes(i) || header.indexOf(name) !== i) return;
    const values = objects.map((o) => (o[name] ?? '').trim());
    const hits = values.filter((v) => people.has(v)).length;
    if (hits === 0) return;
    const score = hits * (objects.length >= 2 && new Set(values).size === 1 ? 0.2 : 1) + (DEFAULT_FIELD_MAP.fieldOf.get(fieldKeyOf(name)) === 'author' ? 0.5 : 0);
    if (best === undefined || score > best.score) best = { name, score };
  });
  return best?.name;
}

/**
 * Rows whose `packed` columns hold their comments → flat rows (an article row, then its comments,
 * per row), or undefined when the other columns hold no text and no date. The document id is the
 * first column whose values are ids (unique, no white space, a digit in each), else file and line.
 */
export function rowsWithPackedComments(header: readonly string[], rows: readonly { record: readonly string[]; line: number }[], packed: readonly number[], fileName: string): { rows: FlatRow[]; fields: string } | undefined {
  const objects = rows.map(({ record }) => {
    const o: Record<string, string> = {};
    header.forEach((name, i) => { if (!packed.includes(i) && (o[name] ?? '') === '') o[name] = record[i] ?? ''; });
    return o;
  });
  const fields = inferFields(objects);
  if (fields === undefined) return undefined;
  const idColumn = header.find((name, i) => {
    if (packed.includes(i)) return false;
    const values = objects.map((o) => (o[name] ?? '').trim());
    return values.every((v) => v !== '' && !/\s/u.test(v) && /\d/u.test(v) && parseFlatDate(v) === undefined) && new Set(values).size === values.length;
  });
  const authorColumn = articleAuthorColumn(header, objects, rows.flatMap(({ record }) => packed.map((i) => unpackCell(record[i] ?? '')?.author ?? '')), packed) ?? fields.author;
  const out: FlatRow[] = [];
  rows.forEach(({ record, line }, r) => {
    const o = objects[r]!;
    const docId = idColumn === undefined ? `${fileName}:${line}` : o[idColumn]!.trim();
    const cell = (f: string | undefined): string | undefined => (f === undefined || (o[f] ?? '').trim() === '' ? undefined : o[f]!.trim());
    const article: Partial<Record<FlatField, string>> = { doc_id: docId, id: docId, kind: 'post', text: o[fields.text] ?? '' };
    const author = cell(authorColumn);
    const published = cell(fields.published);
    if (author !== undefined) article.author = author;
    if (published !== undefined) article.published = published;
    out.push({ line, cells: article, size: record.reduce((n, c) => n + c.length, 0) });
    for (const i of packed) {
      const comment = unpackCell(record[i] ?? '');
      if (comment !== undefined) out.push({ line, cells: { doc_id: docId, text: comment.text, author: comment.author, published: comment.published }, size: 0 });
    }
  });
  const chosen = `id = ${idColumn ?? '(file and line)'}, text = ${fields.text}, published = ${fields.published ?? '(none)'}, author = ${authorColumn ?? '(none)'}, comments = ${packed.length} "${header[packed[0]!]}" columns`;
  return { rows: out, fields: chosen };
}
