import type { Token } from '../model.js';

/**
 * Negation that reaches past the window through a denied belief: "je ne crois pas une seconde que
 * ce soit un progrès", "personne ne pense que ça marchera", "rien ne prouve que les données sont
 * protégées". A negated verb of believing or saying (`belief_verbs` of negation.fr.yaml) followed by
 * "que" denies the whole clause after it, up to clause punctuation or "mais", however long it is.
 */

/** What the frame needs from the negation rules. */
export interface BeliefRules {
  /** Verbs of believing, saying, proving ("crois", "pense", "prouve", "dirais"), folded. */
  readonly beliefVerbs: ReadonlySet<string>;
  /** Subjects that negate with "ne" ("personne ne croit", "nul ne pense"). */
  readonly neSubjects: ReadonlySet<string>;
  readonly ne: ReadonlySet<string>;
}

/** Tokens looked back from a cue for the "que" of the frame. */
const QUE_REACH = 30;
/** Tokens between the verb and "que" ("je ne crois pas une seconde que"). */
const VERB_TO_QUE = 5;
/** Tokens around the verb that may hold its negation ("n'ai jamais cru", "ne crois pas"). */
const NEGATION_AROUND_VERB = 3;
const QUE = new Set(['que', "qu'"]);
const CLAUSE_END_WORDS = new Set(['mais']);

/**
 * Index of the negation word of a denied belief whose "que" clause holds token `i`, or -1.
 * `isCue(k)`: token k negates on its own ("pas", "jamais", "rien"); `breakAfter(k)`: the text between
 * tokens k and k + 1 ends a clause.
 */
export function beliefNegationBefore(tokens: readonly Token[], i: number, rules: BeliefRules, isCue: (k: number) => boolean, breakAfter: (k: number) => boolean): number {
  for (let q = i - 1; q >= 0 && q >= i - QUE_REACH; q -= 1) {
    if (breakAfter(q) || CLAUSE_END_WORDS.has(tokens[q]!.norm)) return -1;
    if (!QUE.has(tokens[q]!.norm)) continue;
    for (let v = q - 1; v >= 0 && v >= q - VERB_TO_QUE; v -= 1) {
      if (breakAfter(v)) break;
      if (!rules.beliefVerbs.has(tokens[v]!.norm)) continue;
      const cue = negationOfVerb(tokens, v, q, rules, isCue);
      if (cue >= 0) return cue;
    }
  }
  return -1;
}

/** The word negating the verb at `v` ("ne crois pas", "personne ne croit", "rien ne prouve"), before `q`, or -1. */
function negationOfVerb(tokens: readonly Token[], v: number, q: number, rules: BeliefRules, isCue: (k: number) => boolean): number {
  for (let k = Math.max(0, v - NEGATION_AROUND_VERB); k < q && k <= v + NEGATION_AROUND_VERB; k += 1) {
    if (k === v) continue;
    if (isCue(k)) return k;
    const next = tokens[k + 1]?.norm;
    if (rules.neSubjects.has(tokens[k]!.norm) && next !== undefined && rules.ne.has(next)) return k;
  }
  return -1;
}
