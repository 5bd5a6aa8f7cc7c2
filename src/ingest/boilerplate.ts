/**
 * Site furniture that scrapers keep with the text: share buttons, comment forms, newsletter and
 * cookie blurbs, "Répondre" links, like counters. Written as general French web patterns (the
 * wording of WordPress, Discourse, Lemmy, consent banners…), not fitted to one site.
 *
 * `end`: the article or thread stops here (what follows is page furniture);
 * `drop`: the line is removed and reading goes on.
 */
import { caseless } from '../text/caseless.js';

export type BoilerplateKind = 'end' | 'drop';

export interface BoilerplatePattern {
  readonly id: string;
  readonly kind: BoilerplateKind;
  /** Tested against the trimmed line. */
  readonly pattern: RegExp;
  /** A cheap test every line `pattern` matches also passes, tried first: most lines fail it, sparing the costly pattern. */
  readonly hint?: RegExp;
}

const A = '[\'’]'; // either apostrophe
// One button or counter of a comment's action bar.
const ACTION = String.raw`(?:répondre|signaler|citer|modifier|supprimer|permalien|partager|j${A}aime|voir la traduction|voir (?:les |plus de )?réponses?|masquer les réponses|afficher (?:les )?\d*\s*réponses?|charger plus de commentaires|voir plus de commentaires|\d+\s+réponses?|\d+\s*(?:s|min|h|j|sem|mois|an)|il y a \d+\s+\p{L}+)`;

export const BOILERPLATE: readonly BoilerplatePattern[] = [
  // Sharing and printing
  // "Partager cette publication" ends an article; a bare "Partager" may sit under every comment (an action, below).
  { id: 'share', kind: 'end', pattern: /^(?:partager|partagez)\s+(?:cette publication|cet article|l['’]article|sur\s+\S+.*|la publication)\s*:?\s*$/iu },
  { id: 'share-buttons', kind: 'drop', pattern: /^(?:(?:facebook|twitter|x|linkedin|whatsapp|e-?mail|imprimer|tweeter|envoyer par e-?mail|copier le lien|pinterest|reddit|telegram)\s*[|·•,]?\s*){1,8}$/iu },
  // End of the article: sources, signatures, related links
  { id: 'source', kind: 'end', pattern: /^sources?\s*:/iu },
  { id: 'written-by', kind: 'end', pattern: /^(?:écrit|rédigé|publié)\s+par\s+\S/iu },
  { id: 'related', kind: 'end', pattern: new RegExp(String.raw`^(?:(?:tiens,\s*)?en parlant de ça|suggestions de sujets|sujets (?:similaires|suggérés|connexes)|sur le même (?:sujet|thème)|articles? (?:similaires|liés|recommandés)|dans la même rubrique|vous aimerez aussi|nos autres articles)\s*:?\s*$`, 'iu') },
  { id: 'read-also', kind: 'drop', pattern: /^(?:à lire aussi|lire aussi|voir aussi|à voir aussi|lire la suite)\b.{0,200}$/iu },
  { id: 'table-of-contents', kind: 'drop', pattern: /^(?:sommaire(?: de l['’]article)?|table des matières)\s*:?$/iu },
  { id: 'author-avatar', kind: 'drop', pattern: /^(?:avatar de l['’]auteur|photo de l['’]auteur|avatar)$/iu },
  { id: 'published-in', kind: 'drop', pattern: /^(?:publié dans|catégorie|rubrique|tags?|mots-clés)\s*:?$/iu },
  { id: 'image-credit', kind: 'drop', hint: /©|\(c\)|crédit|photo|illustration/iu, pattern: /^.{0,120}(?:©|\(c\)\s|crédits?(?: photo)?\s*:|photo\s*:|illustration\s*:).{0,120}$/iu },
  // Comment forms
  { id: 'comment-form', kind: 'end', pattern: new RegExp(String.raw`^(?:(?:laisser un commentaire|ajout(?:er)? (?:de |un )?commentaire|laisser une réponse|laissez un commentaire|ajouter un commentaire|écrire un commentaire|réagissez|votre commentaire|connectez-vous pour (?:commenter|réagir|répondre)|vous devez être connecté.*|annuler la réponse)\s*[.:!]?\s*)+$`, 'iu') },
  { id: 'comment-form-email', kind: 'end', pattern: /^votre adresse (?:e-?mail|de messagerie|courriel) ne sera pas publiée/iu },
  { id: 'comment-form-fields', kind: 'drop', pattern: /^(?:les champs obligatoires sont indiqués avec \*.*|(?:nom|e-?mail|site web|commentaire)\s*\*|enregistrer mon nom.*)$/iu },
  // Newsletters, apps and "follow us"
  { id: 'newsletter', kind: 'end', pattern: /^(?:abonnez-vous|inscrivez-vous|recevez|s['’]inscrire)\b.{0,80}(?:newsletter|lettre d['’]information|résumé quotidien|notre sélection|actu)/iu },
  { id: 'newsletter-unsubscribe', kind: 'end', pattern: /^(?:désinscrivez-vous|vous pouvez vous désinscrire)\b/iu },
  { id: 'follow-us', kind: 'end', pattern: /^(?:suivez-nous|retrouvez-nous|rejoignez-nous)\b.{0,100}$/iu },
  { id: 'google-news', kind: 'end', pattern: /^vous êtes un utilisateur de google actualités/iu },
  { id: 'join-community', kind: 'end', pattern: /^rejoignez la communauté(?![\p{L}\p{N}])/iu },
  // Cookie and consent banners
  // A line that speaks to the reader about cookies and what to do with them (not an article about cookies).
  { id: 'cookies', kind: 'end', hint: /cookie/iu, pattern: /^(?=.{0,400}$)(?=.*\bcookies?\b)(?=.*(?:\bvous\b|\bvotre\b|\bvos\b|nous utilisons|ce site|en savoir plus|j['’]accepte))(?=.*(?:accept|refus|paramétr|consent|navigation|confidentialité|gérer)).*$/iu },
  { id: 'consent-buttons', kind: 'end', pattern: /^(?:je refuse|j['’]accepte|tout accepter|tout refuser|accepter et fermer|continuer sans accepter|personnaliser|gérer mes choix)(?:\s*[|·]\s*(?:je refuse|j['’]accepte|tout accepter|tout refuser|accepter et fermer|continuer sans accepter|personnaliser|gérer mes choix)?)*\s*\|?\s*$/iu },
  // Comment furniture
  // An action bar under a comment: "Répondre", "J’aime · Répondre · 3 h", "Citer | Signaler", "12 réponses".
  { id: 'reply-link', kind: 'drop', pattern: new RegExp(String.raw`^${ACTION}(?:\s*[|·•]?\s*${ACTION})*\s*:?\s*$`, 'iu') },
  { id: 'like-counter', kind: 'drop', pattern: new RegExp(String.raw`^(?:\d+\s*)?(?:«\s*)?(?:j${A}aime|like|likes|votes?|points?|upvotes?)(?:\s*»)?(?:\s*\d+)?\s*$|^[♥❤👍↑▲⬆]\s*\d+(?:\s*[↓▼⬇]\s*\d+)?$`, 'iu') },
  { id: 'post-counters', kind: 'drop', pattern: /^(?:\d+(?:[,.]\d+)?k?\s+(?:boosts?|partages?|repartages?|favoris|réponses?|vues|repouets?|retweets?|likes?|j['’]aime)\s*[·•,]?\s*)+$/iu },
  { id: 'sort-by', kind: 'drop', pattern: /^trier par\s*:.{0,40}$/iu },
  { id: 'reading-time', kind: 'drop', pattern: /^(?:temps de )?lecture\s*:?\s*\d+\s*min(?:utes?)?$|^\d+\s*min(?:utes?)? de lecture$/iu },
  { id: 'advert', kind: 'drop', pattern: /^(?:publicité|annonce|sponsorisé|contenu sponsorisé)$/iu },
];

// The patterns without a hint as one regex (all are anchored and share the flags iu): a line that is
// no furniture, nearly every line, is told so in one test instead of one per pattern.
const ANY_UNHINTED = new RegExp(BOILERPLATE.filter((b) => b.hint === undefined).map((b) => `(?:${b.pattern.source})`).join('|'), 'iu');
// The hints (unanchored, read through every line) as one pattern without the i flag (caseless.ts): a
// line matches it when it matches one of them.
const ANY_HINT = new RegExp(caseless(BOILERPLATE.flatMap((b) => (b.hint === undefined ? [] : [b.hint.source])).join('|')), 'u');
/**
 * What every line a hinted pattern matches holds: "©", "(" or ":" (each form of an image credit) or
 * "cookie" (`\bcookies?\b`). About twice as fast as the hints (one short class and one word, against
 * five words read at every character), and most lines of prose hold none: the hints are read on the
 * few that do. Exact: boilerplate.test.ts compares `matchBoilerplate` with every pattern tried in turn.
 */
const MAY_BE_HINTED = new RegExp(`[©(:]|${caseless('cookie')}`, 'u');

/** The first boilerplate pattern a line matches, if any. */
export function matchBoilerplate(line: string): BoilerplatePattern | undefined {
  const trimmed = line.trim();
  if (trimmed === '') return undefined;
  if (!ANY_UNHINTED.test(trimmed) && !(MAY_BE_HINTED.test(trimmed) && ANY_HINT.test(trimmed))) return undefined;
  return BOILERPLATE.find((b) => (b.hint === undefined || b.hint.test(trimmed)) && b.pattern.test(trimmed));
}

/** True for a line that is page furniture of any kind. */
export function isBoilerplate(line: string): boolean {
  return matchBoilerplate(line) !== undefined;
}

/** True for a line after which the article or thread is over (share bar, comment form, newsletter, cookies). */
export function isEndMarker(line: string): boolean {
  return matchBoilerplate(line)?.kind === 'end';
}

// Consent banners glued to the end of a text line: "…ensemble. En poursuivant votre navigation…"
// Tried on every line of an article: written without the i flag (caseless.ts).
const GLUED_CONSENT = new RegExp(caseless(String.raw`(?:en poursuivant|pour poursuivre|en continuant)\s+(?:votre|la)\s+navigation|(?:ce site|nous) utilis(?:e|ons) des cookies|nos partenaires et nous`), 'u');

/** A line cut before a consent banner glued to its end, or the line unchanged. */
export function cutGluedConsent(line: string): { kept: string; cut: boolean } {
  const m = GLUED_CONSENT.exec(line);
  if (m === null) return { kept: line, cut: false };
  return { kept: line.slice(0, m.index), cut: true };
}
