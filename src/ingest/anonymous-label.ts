/** Labels a platform prints for a poster without a name ("Anonyme", "Anonymous", "Invité"): no author, not a name. */
const ANONYMOUS = /^(?:anonyme|anonymous|unknown|inconnu|invité|invitée|guest)$/iu;

/** True when an author cell or label stands for no one in particular. */
export const isAnonymousLabel = (name: string): boolean => ANONYMOUS.test(name.trim());
