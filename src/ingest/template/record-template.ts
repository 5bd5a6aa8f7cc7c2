import { authorOf, dateCueOf, type LineCueSet, replyCueOf, segmentsOf } from '../layouts/line-cues.js';
import { indentOf, isBlank, wordCount } from '../layouts/text-lines.js';
import { lineShape, type LineShape, shapeDistance } from './line-shape.js';

/**
 * A page's record template induced from repetition (wrapper induction): the masked line shapes
 * (line-shape.ts) that come back on the page and hold a date are its records' header lines; whether
 * a header opens its record (text under it) or closes it (a byline under the text) is read from where
 * the text stands around the headers; the slot of the header that holds the name is the name slot
 * whose words change most from record to record, whatever the words around it. No word of any site.
 */

/** Longest header line, in words and in characters. */
const MAX_HEADER_WORDS = 14;
const MAX_HEADER_CHARS = 160;
/** Fewest headers of one shape that make it the page's template, and fewest records in all. */
const MIN_REPEATS = 2;
const MIN_RECORDS = 3;
/** Edit distance (in slots) within which a single line is a variant of a header shape ("par N le D" of "par N ( 0 ) le D"). */
const VARIANT_DISTANCE = 3;
/** Lines of a header above or below its dated line, at most. */
const MAX_LEAD = 5;

/** One record's header, as the template reads it. */
export interface RecordHeader {
  /** First and last line of the header (the dated line and the template's lines around it). */
  readonly from: number;
  readonly to: number;
  /** The dated line. */
  readonly anchor: number;
  readonly shape: string;
  readonly author?: string;
  readonly published?: string;
  readonly indent: number;
}

export interface RecordTemplate {
  /** True when a header stands above its record's text; false when it closes it (a byline under the text). */
  readonly opens: boolean;
  readonly headers: readonly RecordHeader[];
  /** Shapes of headers that never open a run of records and each follow another shape's record: answers. */
  readonly answerShapes: ReadonlySet<string>;
}

/** A line of running text: long, or a sentence of a few words. */
export function isProseLine(line: string): boolean {
  const t = line.trim();
  const words = wordCount(t, 9);
  return words >= 8 || (words >= 3 && /[.!?…]["»”)]?$/u.test(t));
}

/** What a line holding a date slot holds (line-shape.ts): a digit, a spelled number, or a relative date's word. */
const MAY_BE_DATED = /\d|\b(?:[uU]ne?|[oO]ne|ago|[hH]ier|[yY]esterday|[tT]oday|[aA]ujourd)\b/u;

/** A line ending like a sentence. */
const endsSentence = (line: string): boolean => /(?:[!?…]|[\p{Ll}\p{N}]{2}\.)["»”)]?$/u.test(line.trim());

/** A short line that may be a header's. */
const isShort = (line: string): boolean => line.trim().length <= MAX_HEADER_CHARS && wordCount(line, MAX_HEADER_WORDS + 1) <= MAX_HEADER_WORDS;

/** The date of a header line: its date slots read together, else each segment of the line. */
function dateOf(line: string, shape: LineShape, cues: LineCueSet): { iso?: string } | undefined {
  const dates = shape.slots.filter((s) => s.kind === 'date');
  // "@09h41": a time some sites print after an at sign.
  const texts = dates.map((s) => s.text.replace(/@(?=\d)/gu, ''));
  for (const candidate of [texts.join(' '), ...texts, ...segmentsOf(line.trim())]) {
    const cue = dateCueOf(candidate, cues);
    if (cue?.iso !== undefined) return { iso: cue.iso };
  }
  return dates.length > 0 ? {} : undefined;
}

/**
 * The slot of a shape's name slots that holds the poster's name: the one whose words differ most
 * across the shape's lines; on a tie, one the name cue reads ("Réponse de X": "Réponse" is no name).
 */
function nameSlotOf(shapes: readonly LineShape[], cues: LineCueSet): number | undefined {
  let best: { index: number; distinct: number; named: number } | undefined;
  shapes[0]!.slots.forEach((slot, index) => {
    if (slot.kind !== 'name') return;
    const values = shapes.map((s) => s.slots[index]!.text);
    const distinct = new Set(values).size;
    const named = values.filter((v) => authorOf(v, cues) !== undefined).length;
    // The same words on three headers or more are the template's own (a label), not a poster's name.
    if (named === 0 || (distinct === 1 && values.length >= MIN_RECORDS)) return;
    if (best === undefined || distinct > best.distinct || (distinct === best.distinct && named > best.named)) best = { index, distinct, named };
  });
  return best?.index;
}

/** The names and dates of a shape, in order: "N D" of "N D | parent [ – ]". */
const nameAndDateSlots = (shape: LineShape): string => shape.slots.filter((s) => s.kind === 'name' || s.kind === 'date').map((s) => s.kind).join(' ');

/**
 * A variant of a header shape: a few other words, marks or numbers ("par N le D" of "par N ( 0 ) le
 * D", "N D | next [ – ]" of "N D | parent [ – ]"), the same names and dates in the same order.
 */
const isVariant = (repeated: LineShape, shape: LineShape): boolean =>
  shapeDistance(repeated, shape) <= VARIANT_DISTANCE && nameAndDateSlots(repeated) === nameAndDateSlots(shape);

/** The template's headers of a page, or undefined when no dated shape comes back often enough. */
export function induceRecordTemplate(lines: readonly string[], cues: LineCueSet): RecordTemplate | undefined {
  const shapes = new Map<number, LineShape>();
  const count = new Map<string, number>();
  const texts = new Map<string, Set<string>>();
  lines.forEach((line, i) => {
    // Every date slot holds a digit, a spelled number or a relative word: most lines stop here, unmasked.
    if (line.length > MAX_HEADER_CHARS || isBlank(line) || !MAY_BE_DATED.test(line) || !isShort(line)) return;
    const shape = lineShape(line);
    if (!shape.slots.some((s) => s.kind === 'date')) return;
    shapes.set(i, shape);
    // A dated line right under another ("Modifié le …" under "Posté le …") is that header's, not one of its own.
    if (shapes.has(i - 1)) return;
    count.set(shape.key, (count.get(shape.key) ?? 0) + 1);
    texts.set(shape.key, (texts.get(shape.key) ?? new Set()).add(line.trim()));
  });
  // A shape that comes back with other words each time (a line that comes back the same is a signature or furniture).
  const repeated = [...count].filter(([key, n]) => n >= MIN_REPEATS && texts.get(key)!.size > 1).map(([key]) => key);
  if (repeated.length === 0) return undefined;
  // A dated line of a shape that comes back, or a variant of such a shape.
  const repeatedShapes = repeated.map((key) => [...shapes.values()].find((s) => s.key === key)!);
  const candidates: number[] = [];
  for (const [i, shape] of shapes) {
    if (shapes.has(i - 1)) continue;
    if (repeated.includes(shape.key)) candidates.push(i);
    else if (candidates.length > 0 && repeatedShapes.some((r) => isVariant(r, shape))) candidates.push(i);
  }
  candidates.sort((a, b) => a - b);
  // A dated line giving the very date and time of a header above it cites that record ("Le 12/03/2025 à
  // 18:31, X a dit :"): a quotation's header, not a record's.
  const dates = new Map(candidates.map((a) => [a, dateOf(lines[a]!, shapes.get(a)!, cues)?.iso]));
  const seen = new Set<string>();
  const kept = candidates.filter((a) => {
    const iso = dates.get(a);
    if (iso === undefined || !iso.includes('T')) return true;
    if (seen.has(iso)) return false;
    seen.add(iso);
    return true;
  });
  if (kept.length < MIN_RECORDS) return undefined;
  const anchorSet = new Set(kept);

  // Lines of the header around the dated line: lines just above it (no blank between), short and no
  // sentence, when most headers have them; a line just below of the same shape under most headers.
  const above = kept.map((a) => {
    let n = 0;
    while (n < MAX_LEAD && a - n - 1 >= 0 && !isBlank(lines[a - n - 1]!) && !shapes.has(a - n - 1) && isShort(lines[a - n - 1]!) && !endsSentence(lines[a - n - 1]!)) n += 1;
    return n;
  });
  const withLead = above.filter((n) => n > 0).length * 2 >= kept.length;
  const belowKeys = kept.map((a) => (a + 1 < lines.length && !isBlank(lines[a + 1]!) && isShort(lines[a + 1]!) && !isProseLine(lines[a + 1]!) ? lineShape(lines[a + 1]!).key : undefined));
  const belowCount = new Map<string, number>();
  for (const k of belowKeys) if (k !== undefined) belowCount.set(k, (belowCount.get(k) ?? 0) + 1);
  const withTrail = (k: string | undefined): boolean => k !== undefined && (belowCount.get(k) ?? 0) * 2 >= kept.length;

  // Where the text stands: under the headers (they open their records) or above them (bylines).
  let opens = 0;
  let closes = 0;
  kept.forEach((a, k) => {
    const from = a - (withLead ? above[k]! : 0);
    const to = withTrail(belowKeys[k]) ? a + 1 : a;
    const next = lines[to + 1];
    const previous = lines[from - 1];
    const proseBelow = next !== undefined && !isBlank(next) && !anchorSet.has(to + 1);
    const proseAbove = previous !== undefined && !isBlank(previous) && isProseLine(previous);
    if (proseBelow) opens += 1;
    else if (proseAbove) closes += 1;
  });
  const opensRecords = opens >= closes;

  const headerShapes = kept.map((a) => shapes.get(a)!);
  const byKey = new Map<string, LineShape[]>();
  for (const s of headerShapes) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s]);
  const nameSlot = new Map<string, number | undefined>();
  for (const [key, list] of byKey) if (list.length >= MIN_REPEATS) nameSlot.set(key, nameSlotOf(list, cues));
  // A shape seen once (a variant of a repeated one): the name slot of the nearest repeated shape, by its rank among the name slots.
  for (const [key, list] of byKey) {
    if (list.length >= MIN_REPEATS) continue;
    const nearest = [...byKey].filter(([, l]) => l.length >= MIN_REPEATS).sort((x, y) => shapeDistance(x[1][0]!, list[0]!) - shapeDistance(y[1][0]!, list[0]!))[0];
    const slot = nearest === undefined ? undefined : nameSlot.get(nearest[0]);
    if (nearest === undefined || slot === undefined) continue;
    const rank = nearest[1][0]!.slots.slice(0, slot).filter((x) => x.kind === 'name').length;
    const names = list[0]!.slots.map((x, i) => (x.kind === 'name' ? i : -1)).filter((i) => i >= 0);
    nameSlot.set(key, names[rank]);
  }
  const froms = kept.map((a, k) => (opensRecords && withLead ? a - above[k]! : a));
  const leadName = leadNameOf(lines, kept, froms, cues);

  const headers = kept.map((a, k): RecordHeader => {
    const shape = shapes.get(a)!;
    const from = froms[k]!;
    const to = withTrail(belowKeys[k]) ? a + 1 : a;
    const slot = nameSlot.get(shape.key);
    let author = slot === undefined ? undefined : authorOf(shape.slots[slot]!.text, cues) ?? shape.slots[slot]!.text;
    // No name on the dated line: the header's line where the template puts the name, else the first
    // line above it that reads as a name (past a reply marker), else the line just below or above.
    const lead = leadLines(lines, from, a);
    const named = leadName === undefined ? undefined : lead[leadName.offset];
    if (author === undefined && named !== undefined) {
      const line = lines[named]!.trim();
      const shape = leadName!.slot === undefined ? undefined : lineShape(line);
      const slotText = shape?.slots[leadName!.slot!]?.kind === 'name' ? shape.slots[leadName!.slot!]!.text : undefined;
      author = authorOf(slotText ?? line, cues);
    }
    for (const j of [...lead, a + 1, a - 1]) {
      if (author !== undefined) break;
      if (j < 0 || j >= lines.length || j > to + 1 || isBlank(lines[j]!) || !isShort(lines[j]!) || anchorSet.has(j)) continue;
      author = authorOf(lines[j]!.trim(), cues);
    }
    return { from: Math.min(from, a), to, anchor: a, shape: shape.key, author, published: dates.get(a) ?? undefined, indent: indentOf(lines[a]!) };
  });

  // A header shape that never comes first and whose records each follow a record of another shape
  // (or of its own, after one of the other): answers to the record above ("Réponse de X, le …").
  const answerShapes = new Set<string>();
  if (byKey.size > 1) {
    for (const key of byKey.keys()) {
      if (headers[0]!.shape === key) continue;
      // Its own words, not only other marks or numbers: a header worded otherwise, not a variant of one.
      const words = new Set(byKey.get(key)![0]!.slots.filter((s) => s.kind === 'word').map((s) => s.text));
      const distinct = [...byKey.keys()].filter((other) => other !== key).every((other) => {
        const otherWords = new Set(byKey.get(other)![0]!.slots.filter((s) => s.kind === 'word').map((s) => s.text));
        return shapeDistance(byKey.get(other)![0]!, byKey.get(key)![0]!) >= 2 && [...words].some((w) => !otherWords.has(w));
      });
      if (distinct && (byKey.get(key)?.length ?? 0) >= MIN_REPEATS) answerShapes.add(key);
    }
  }
  return { opens: opensRecords, headers, answerShapes };
}

/** The lines of a header above its dated line, reply markers left out ("↪ En réponse à X" over the name). */
const leadLines = (lines: readonly string[], from: number, anchor: number): number[] =>
  Array.from({ length: Math.max(0, anchor - from) }, (_, j) => from + j).filter((i) => replyCueOf(lines[i]!.trim()) === undefined);

/** Where the template puts the name above the dated line: a line of the header counted from its top, and the name slot of that line's shape when every header shows it alike. */
interface LeadName {
  readonly offset: number;
  readonly slot?: number;
}

/**
 * Where the template puts the name above the dated line: the line of the header, counted from its
 * top, whose words change most from record to record among those the name cue reads on most headers
 * ("Goéland56 / Membre / 1 842 messages / Posté(e) …": the top line, "Membre" never changes); on a
 * line of one shape on every header ("De : X"), its name slot.
 */
function leadNameOf(lines: readonly string[], anchors: readonly number[], froms: readonly number[], cues: LineCueSet): LeadName | undefined {
  const leads = anchors.map((a, k) => leadLines(lines, froms[k]!, a));
  let best: { offset: number; slot?: number; distinct: number } | undefined;
  for (let offset = 0; offset < MAX_LEAD; offset += 1) {
    const at = leads.map((l) => l[offset]).filter((i): i is number => i !== undefined).map((i) => lines[i]!.trim());
    if (at.length * 2 < anchors.length) break;
    const shapes = at.map(lineShape);
    const slot = at.length >= MIN_REPEATS && shapes.every((x) => x.key === shapes[0]!.key) ? nameSlotOf(shapes, cues) : undefined;
    const values = slot === undefined ? at : shapes.map((x) => x.slots[slot]!.text);
    const named = values.filter((v) => authorOf(v, cues) !== undefined).length;
    if (named * 2 < values.length) continue;
    const distinct = new Set(values).size;
    if (distinct < 2 && values.length >= MIN_RECORDS) continue;
    if (best === undefined || distinct > best.distinct) best = { offset, slot, distinct };
  }
  return best === undefined ? undefined : { offset: best.offset, slot: best.slot };
}
