import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/lexicon/load-lexicon.js';
import { tokenise } from '../../src/text/tokenise.js';

const { stances } = loadLexicons(path.resolve('lexicons'));

/** The negation word (or '') governing the first match of `cue` in `text`. */
function negatorOf(text: string, cue: string): string {
  const tokens = tokenise(text);
  const at = tokens.findIndex((t) => t.norm === cue);
  expect(at, `"${cue}" in "${text}"`).toBeGreaterThanOrEqual(0);
  const k = stances.negationBefore(tokens, at, undefined, text);
  return k < 0 ? '' : tokens[k]!.surface;
}

describe('a denied belief negates its whole "que" clause, past the five-word window', () => {
  it('reaches a cue far after "je ne crois pas une seconde que"', () => {
    expect(negatorOf('Je ne crois pas une seconde que ce nouveau projet de plateforme nationale soit un gaspillage.', 'gaspillage')).toBe('pas');
  });

  it('takes "personne ne", "nul ne" and "rien ne" as the negation of the verb', () => {
    expect(negatorOf('Personne ne pense vraiment que ce grand chantier numérique sera un échec.', 'echec')).toBe('Personne');
    expect(negatorOf('Rien ne prouve aujourd’hui que toutes ces données de santé sont menacées.', 'menacees')).toBe('Rien');
  });

  it('reads "ne dis pas que" as a denial although "pas que" alone means "not only"', () => {
    expect(negatorOf('Je ne dis pas que la migration vers le cloud de Microsoft est une capitulation.', 'capitulation')).toBe('pas');
  });

  it('stops at the end of the clause, at "mais", and needs the verb to be negated', () => {
    expect(negatorOf('Je ne crois pas que ce soit simple, pourtant ce fut un gaspillage.', 'gaspillage')).toBe('');
    expect(negatorOf('Je ne pense pas que ce soit facile mais ce sera un gaspillage de plus.', 'gaspillage')).toBe('');
    expect(negatorOf('Je crois vraiment que le nouveau projet de plateforme nationale sera un gaspillage.', 'gaspillage')).toBe('');
  });

  it('leaves the five-word window as it was for other cues', () => {
    expect(negatorOf('Ce n’est pas du tout le très grand gaspillage annoncé.', 'gaspillage')).toBe('');
    expect(negatorOf('Ce n’est pas un gaspillage.', 'gaspillage')).toBe('pas');
  });
});
