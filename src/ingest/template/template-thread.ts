import { isBoilerplate } from '../boilerplate.js';
import type { ParsedComment } from '../page.js';
import type { LayoutReading } from '../layouts/layout.js';
import { isInterfaceLine, type LineCueSet, replyCueOf } from '../layouts/line-cues.js';
import { isBlank, wordCount } from '../layouts/text-lines.js';
import { lineShape } from './line-shape.js';
import { induceRecordTemplate, isProseLine, type RecordHeader } from './record-template.js';

/**
 * A text copy cut into records by its own template (record-template.ts): each record is a header
 * and the text under it (or above it, when the page prints a byline under the text); the page's
 * furniture between records (action bars, counters, lines that come back the same) is left out.
 * The article is the prose above the first record, or the first record when there is none.
 */

/** Shortest run of one line's words, in lines coming back the same, that is furniture rather than text. */
const MAX_FURNITURE_WORDS = 14;
/** Words of a line that make it a paragraph of an article. */
const PARAGRAPH_WORDS = 12;
/** Counter lines ("12 J'aime", "3 réponses") come back this often at least to be furniture by their shape. */
const MIN_COUNTER_REPEATS = 3;

/** Lines of the page that are its furniture: interface lines, short lines that come back the same, counters of one shape. */
function furnitureOf(lines: readonly string[], cues: LineCueSet): Set<number> {
  const same = new Map<string, number>();
  const shapes = new Map<number, string>();
  const shapeCount = new Map<string, number>();
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t === '' || wordCount(t, MAX_FURNITURE_WORDS + 1) > MAX_FURNITURE_WORDS) return;
    same.set(t, (same.get(t) ?? 0) + 1);
    if (!/\d/u.test(t)) return;
    const shape = lineShape(t);
    if (!shape.slots.some((s) => s.kind === 'number') || shape.slots.some((s) => s.kind === 'date')) return;
    shapes.set(i, shape.key);
    shapeCount.set(shape.key, (shapeCount.get(shape.key) ?? 0) + 1);
  });
  const out = new Set<number>();
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t === '') return;
    if (((same.get(t) ?? 0) >= 2 && !isProseLine(t)) || (shapeCount.get(shapes.get(i) ?? '') ?? 0) >= MIN_COUNTER_REPEATS || isInterfaceLine(t, cues) || isBoilerplate(t)) out.add(i);
  });
  return out;
}

/** The text lines of a range: neither blank nor furniture. */
const textLines = (from: number, to: number, furniture: ReadonlySet<number>, lines: readonly string[]): number[] => {
  const out: number[] = [];
  for (let i = Math.max(0, from); i <= to && i < lines.length; i += 1) if (!isBlank(lines[i]!) && !furniture.has(i)) out.push(i);
  return out;
};

/** True when no blank line stands between two text lines (furniture may): one paragraph block. */
const blankBetween = (lines: readonly string[], from: number, to: number): boolean => {
  for (let i = from + 1; i < to; i += 1) if (isBlank(lines[i]!)) return true;
  return false;
};
const oneBlock = (text: readonly number[], lines: readonly string[]): boolean => text.every((i, k) => k === 0 || !blankBetween(lines, text[k - 1]!, i));

/** The first block of a range's text lines (up to the first blank line), or its last block. */
function firstBlock(text: readonly number[], lines: readonly string[]): number[] {
  const end = text.findIndex((i, k) => k > 0 && blankBetween(lines, text[k - 1]!, i));
  return end === -1 ? [...text] : text.slice(0, end);
}
function lastBlock(text: readonly number[], lines: readonly string[]): number[] {
  let start = text.length - 1;
  while (start > 0 && !blankBetween(lines, text[start - 1]!, text[start]!)) start -= 1;
  return text.slice(Math.max(0, start));
}

/** Read a text copy by its induced record template; undefined when it shows none. */
export function readTemplateThread(lines: readonly string[], cues: LineCueSet): LayoutReading | undefined {
  const template = induceRecordTemplate(lines, cues);
  if (template === undefined) return undefined;
  const { headers, opens } = template;
  const furniture = furnitureOf(lines, cues);
  for (const h of headers) for (let i = h.from; i <= h.to; i += 1) furniture.add(i);
  const n = headers.length;
  // Each record's text lines: under its header up to the next one, or above it from the previous one.
  const records = headers.map((h, k) => (opens
    ? textLines(h.to + 1, (headers[k + 1]?.from ?? lines.length) - 1, furniture, lines)
    : textLines(k === 0 ? 0 : headers[k - 1]!.to + 1, h.from - 1, furniture, lines)));
  // Records of one block each: the one at the page's edge ends with its block too (the footer or the article is not its text).
  const inner = opens ? records.slice(0, -1) : records.slice(1);
  if (inner.every((r) => oneBlock(r, lines))) {
    if (opens) records[n - 1] = firstBlock(records[n - 1]!, lines);
    else records[0] = lastBlock(records[0]!, lines);
  }
  // A title over most records' text (a short line, no sentence, with text under it): no part of the text.
  const titled = records.filter((r) => r.length > 1 && !isProseLine(lines[r[0]!]!) && wordCount(lines[r[0]!]!, 13) <= 12);
  if (titled.length * 2 >= records.filter((r) => r.length > 1).length && titled.length >= 2) {
    for (const r of titled) r.shift();
  }
  if (records.some((r) => r.length === 0)) return undefined;

  const articleEnd = opens ? headers[0]!.from : records[0]![0]!;
  const articleLines = textLines(0, articleEnd - 1, furniture, lines);
  const firstProse = articleLines.findIndex((i) => isProseLine(lines[i]!));
  const lastProse = articleLines.findLastIndex((i) => isProseLine(lines[i]!));
  // An article holds a paragraph: a title or a line of furniture above the records is none.
  const paragraph = articleLines.some((i) => wordCount(lines[i]!, PARAGRAPH_WORDS) >= PARAGRAPH_WORDS && /[.!?…:»"”)]$/u.test(lines[i]!.trim()));
  const body = firstProse === -1 || !paragraph ? '' : articleLines.slice(firstProse, lastProse + 1).map((i) => lines[i]!.trim()).join('\n');

  const comments: ParsedComment[] = [];
  const parents = parentsOf(lines, headers, template.answerShapes);
  headers.forEach((h, k) => {
    comments.push({ author: h.author, published: h.published, text: records[k]!.map((i) => lines[i]!.trim()).join('\n'), parentIndex: parents[k] });
  });
  const diagnostics: LayoutReading['diagnostics'] = [{
    level: 'info',
    code: 'thread-template',
    message: `thread cut into ${n} records by the page's repeated header shape "${headers[0]!.shape}", each header ${opens ? 'above' : 'under'} its text`,
  }];
  if (body === '') {
    // No prose above the records: the first record is the page's first post, its article.
    const [first, ...rest] = comments;
    return {
      page: { author: first!.author, published: first!.published, body: first!.text, comments: rest.map((c) => ({ ...c, parentIndex: c.parentIndex === undefined || c.parentIndex === 0 ? undefined : c.parentIndex - 1 })) },
      diagnostics,
    };
  }
  return { page: { body, comments }, diagnostics };
}

/**
 * Each record's parent: a reply marker naming an earlier record's author, an answer shape (the
 * record above of another shape), or indentation (the nearest record above indented less).
 */
function parentsOf(lines: readonly string[], headers: readonly RecordHeader[], answerShapes: ReadonlySet<string>): (number | undefined)[] {
  const indented = new Set(headers.map((h) => h.indent)).size > 1;
  return headers.map((h, k) => {
    for (let i = h.from; i <= h.to; i += 1) {
      const target = replyCueOf(lines[i]!)?.target;
      if (target === undefined) continue;
      for (let j = k - 1; j >= 0; j -= 1) if (headers[j]!.author === target) return j;
    }
    if (answerShapes.has(h.shape)) {
      for (let j = k - 1; j >= 0; j -= 1) if (!answerShapes.has(headers[j]!.shape)) return j;
    }
    if (indented) {
      for (let j = k - 1; j >= 0; j -= 1) if (headers[j]!.indent < h.indent) return j;
    }
    return undefined;
  });
}
