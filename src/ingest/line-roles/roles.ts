/**
 * The role of one line of a copied page, as the learned line-role reader sees it:
 * - `header`: a unit's author/date line, or a line of its header (handle, badge, reply marker);
 * - `start`: the first line of a comment's own words; `text`: a further line of them;
 * - `action`: interface and counter lines around a comment ("Répondre · Signaler · 👍 38");
 * - `body`: a line of the article;
 * - `quote`: a quotation of another post inside a comment ("X a écrit :" and the quoted lines);
 * - `other`: navigation, boilerplate, profile blocks, footers.
 */
export const LINE_ROLES = ['header', 'start', 'text', 'action', 'body', 'quote', 'other'] as const;
export type LineRole = (typeof LINE_ROLES)[number];
