import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOILERPLATE, cutGluedConsent, isBoilerplate, isEndMarker, matchBoilerplate } from '../../src/ingest/boilerplate.js';

describe('boilerplate patterns', () => {
  it.each([
    ['Partager cette publication', 'share'],
    ['Rejoignez la communauté Clubic', 'join-community'],
    ['Source : Reuters', 'source'],
    ['Écrit par Sébastien Gavois', 'written-by'],
    ['Laisser un commentaire', 'comment-form'],
    ['Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *', 'comment-form-email'],
    ['Abonnez-vous à notre newsletter !', 'newsletter'],
    ['Recevez un résumé quotidien de l\'actu technologique.', 'newsletter'],
    ['Pour poursuivre votre navigation sur , vous devez acceptez l’utilisation des cookies nécessaires à son fonctionnement.', 'cookies'],
    ['Je refuse | J\'accepte |', 'consent-buttons'],
    ['Vous êtes un utilisateur de Google Actualités ou de WhatsApp ?', 'google-news'],
  ])('ends the article or thread at "%s" (%s)', (line, id) => {
    expect(matchBoilerplate(line)?.id).toBe(id);
    expect(isEndMarker(line)).toBe(true);
  });

  it.each([
    ['Répondre', 'reply-link'],
    ['  Répondre · Signaler', 'reply-link'],
    ['J’aime · Répondre · 3 h', 'reply-link'],
    ['Partager :', 'reply-link'],
    ['23 « J\'aime »', 'like-counter'],
    ['1 J’aime', 'like-counter'],
    ['▲ 12 ▼ 3', 'like-counter'],
    ['12 points', 'like-counter'],
    ['Bruno Le Maire © Alexandros Michailidis / Shutterstock.com', 'image-credit'],
    ['Sommaire de l\'article', 'table-of-contents'],
    ['Avatar de l\'auteur', 'author-avatar'],
    ['Lire aussi : Le cloud de confiance, un label contesté', 'read-also'],
  ])('drops the line "%s" (%s) and reads on', (line, id) => {
    expect(matchBoilerplate(line)?.id).toBe(id);
    expect(isEndMarker(line)).toBe(false);
  });

  it.each([
    'La CNIL a sanctionné Google pour ses cookies publicitaires déposés sans consentement.',
    'Il faut répondre à cette question avant de partager les données.',
    'Partager des données avec les Américains, voilà le problème.',
    'Les sources de financement restent floues.',
    'J\'aime beaucoup cette idée de cloud européen.',
  ])('keeps the ordinary sentence "%s"', (line) => {
    expect(isBoilerplate(line)).toBe(false);
  });

  it('cuts a consent banner glued to the end of a text line', () => {
    expect(cutGluedConsent('Fin de l’article. En poursuivant votre navigation, vous acceptez les cookies.')).toEqual({ kept: 'Fin de l’article. ', cut: true });
    expect(cutGluedConsent('Une phrase ordinaire.')).toEqual({ kept: 'Une phrase ordinaire.', cut: false });
  });

  it('finds the pattern trying each in turn would (its pre-tests only skip lines no pattern matches)', () => {
    // Pieces of the hinted patterns (image credits, cookie banners) and of ordinary lines, in any case.
    const piece = fc.constantFrom(
      '©', '(c)', '(C) ', '(', ':', ' : ', 'crédit', 'Crédits photo', 'CRÉDIT', 'photo', 'Photo :', 'illustration', 'ILLUſTRATION :',
      'cookie', 'Cookies', 'COOKIES', 'coo\u212aie', 'vous', 'votre', 'nous utilisons', 'ce site', 'en savoir plus', 'j’accepte',
      'accepter', 'refuser', 'paramétrer', 'consentement', 'navigation', 'gérer', 'Répondre', 'Source', 'le', 'chat', ' ', '  ', '\t', 'é', '3', '.',
    );
    const reference = (line: string): string | undefined => {
      const t = line.trim();
      return t === '' ? undefined : BOILERPLATE.find((b) => (b.hint === undefined || b.hint.test(t)) && b.pattern.test(t))?.id;
    };
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), (line) => {
        expect(matchBoilerplate(line)?.id).toBe(reference(line));
      }),
      { numRuns: 3000, seed: 5 },
    );
    for (const line of ['Photo : AFP', 'Crédits : X', 'Bruno © Y', 'Nous utilisons des cookies : accepter ou refuser ? Votre choix.']) expect(matchBoilerplate(line)?.id).toBe(reference(line));
  });
});
