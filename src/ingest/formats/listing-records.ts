/**
 * An API response saved as is that wraps each record in an envelope (`{ kind, data }`), lists them
 * under `data.children` and nests each record's replies under `replies` (another listing, or "" when
 * there are none): a link aggregator's post page (Reddit's `.json`). The records come out in page
 * order (depth first), each with the record it hangs under.
 */

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A listing: an envelope whose `data` holds an array `children`. */
const isListing = (v: unknown): v is { data: { children: unknown[] } } => isPlainObject(v) && isPlainObject(v.data) && Array.isArray(v.data.children);

/** One record found in a listing, with the record it replies to (undefined at the top of its listing). */
export interface ListedRecord {
  readonly record: Record<string, unknown>;
  readonly parent?: Record<string, unknown>;
  /** Index of the top-level listing it was found in (a post page: 0 the post, 1 the comments). */
  readonly listing: number;
}

/** True when a parsed JSON value is a listing or an array of listings (and nothing else). */
export function isListingResponse(value: unknown): boolean {
  const items = Array.isArray(value) ? value : [value];
  return items.length > 0 && items.every(isListing);
}

/**
 * The records of a listing response, depth first. A child whose own `data` is a listing (a stub
 * for records not loaded, listing only their ids) gives no record; children that are not
 * envelopes are skipped. Walked with a stack, not recursion (the JSON depth is bounded before).
 */
export function listedRecords(value: unknown): ListedRecord[] {
  const out: ListedRecord[] = [];
  const listings = Array.isArray(value) ? value : [value];
  listings.forEach((listing, index) => {
    const stack: { children: readonly unknown[]; at: number; parent?: Record<string, unknown> }[] = [];
    if (isListing(listing)) stack.push({ children: listing.data.children, at: 0 });
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.at >= top.children.length) { stack.pop(); continue; }
      const child = top.children[top.at];
      top.at += 1;
      if (!isPlainObject(child) || !isPlainObject(child.data) || Array.isArray(child.data.children)) continue;
      const record = child.data;
      out.push({ record, parent: top.parent, listing: index });
      if (isListing(record.replies)) stack.push({ children: record.replies.data.children, at: 0, parent: record });
    }
  });
  return out;
}
