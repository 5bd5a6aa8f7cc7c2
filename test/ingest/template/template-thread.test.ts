import { describe, expect, it } from 'vitest';
import { DEFAULT_LINE_CUES } from '../../../src/ingest/layouts/line-cues.js';
import { splitLines } from '../../../src/ingest/layouts/text-lines.js';
import { induceRecordTemplate } from '../../../src/ingest/template/record-template.js';
import { readTemplateThread } from '../../../src/ingest/template/template-thread.js';

// Pages of layouts invented for these tests: no site prints them so, and no cue of the reader was written for them.
const NAME_AFTER_DATE = `Le Carnet des Jardins
Accueil   Articles   Contact

Planter des haies en ville
La commune a décidé de planter trois kilomètres de haies le long des routes communales cette année, avec des essences locales choisies par les habitants.

3 contributions

14/02/2026 à 09:12 — Rozenn Le Du
Les haies, c'est bien, mais qui va les tailler ? Les agents sont déjà débordés.
Utile (4)

14/02/2026 à 10:40 — Malo Guégan
On peut organiser des chantiers participatifs, comme dans la commune voisine.
Utile (1)

15/02/2026 à 18:05 — Soizic Tanguy
Excellente nouvelle pour les oiseaux du quartier.
Utile (0)

Mentions légales   Plan du site   Nous écrire
`;

const BYLINE_UNDER_TEXT = `Courrier du mois
Nous avons reçu beaucoup de lettres sur la fermeture de la piscine municipale, en voici quelques-unes, publiées avec l'accord de leurs auteurs.

La piscine était le seul endroit où mes enfants apprenaient à nager. Sa fermeture est une vraie perte pour le quartier.
— Yann Morvan, le 3 mars 2026

Je comprends le coût, mais on aurait pu chercher une gestion intercommunale avant de fermer.
Une autre commune l'a fait il y a deux ans.
— Gwen Riou, le 4 mars 2026

Merci d'en parler, personne ne nous avait consultés.
— Tanguy Bras, le 6 mars 2026
`;

// A header in two lines, the name over a stamp that reads "Date :", the same label on every record.
const LABELLED_BLOCKS = `Liste de diffusion du conseil de quartier
Le compte rendu de la dernière réunion est en pièce jointe ; vos remarques sont attendues avant la fin du mois, merci à toutes et à tous.

De : Armelle Quéré
Date : 02/03/2026 08:30
Je propose d'ajouter la question des bancs de la place au prochain ordre du jour.

De : Erwan Le Goff
Date : 02/03/2026 11:02
D'accord avec Armelle, et il faudrait aussi parler de l'éclairage.

De : Nolwenn Caradec
Date : 03/03/2026 19:45
Je ne pourrai pas venir, je vous envoie mes remarques par écrit.
`;

const read = (text: string) => readTemplateThread(splitLines(text), DEFAULT_LINE_CUES);

describe('readTemplateThread', () => {
  it('cuts a page whose header prints the name after the date into its records', () => {
    const page = read(NAME_AFTER_DATE)!.page;
    expect(page.body).toBe('La commune a décidé de planter trois kilomètres de haies le long des routes communales cette année, avec des essences locales choisies par les habitants.');
    expect(page.comments.map((c) => [c.author, c.published, c.text])).toEqual([
      ['Rozenn Le Du', '2026-02-14T09:12', 'Les haies, c\'est bien, mais qui va les tailler ? Les agents sont déjà débordés.'],
      ['Malo Guégan', '2026-02-14T10:40', 'On peut organiser des chantiers participatifs, comme dans la commune voisine.'],
      ['Soizic Tanguy', '2026-02-15T18:05', 'Excellente nouvelle pour les oiseaux du quartier.'],
    ]);
  });

  it('cuts a page whose byline stands under the text: each header closes its record', () => {
    const lines = splitLines(BYLINE_UNDER_TEXT);
    expect(induceRecordTemplate(lines, DEFAULT_LINE_CUES)?.opens).toBe(false);
    const page = read(BYLINE_UNDER_TEXT)!.page;
    expect(page.body).toContain('Nous avons reçu beaucoup de lettres');
    expect(page.comments.map((c) => [c.author, c.published, c.text])).toEqual([
      ['Yann Morvan', '2026-03-03', 'La piscine était le seul endroit où mes enfants apprenaient à nager. Sa fermeture est une vraie perte pour le quartier.'],
      ['Gwen Riou', '2026-03-04', 'Je comprends le coût, mais on aurait pu chercher une gestion intercommunale avant de fermer.\nUne autre commune l\'a fait il y a deux ans.'],
      ['Tanguy Bras', '2026-03-06', 'Merci d\'en parler, personne ne nous avait consultés.'],
    ]);
  });

  it('finds the name by what changes from record to record, not by its label', () => {
    const page = read(LABELLED_BLOCKS)!.page;
    expect(page.comments.map((c) => [c.author, c.published])).toEqual([
      ['Armelle Quéré', '2026-03-02T08:30'], ['Erwan Le Goff', '2026-03-02T11:02'], ['Nolwenn Caradec', '2026-03-03T19:45'],
    ]);
    expect(page.comments[1]!.text).toBe('D\'accord avec Armelle, et il faudrait aussi parler de l\'éclairage.');
  });

  it('reads nothing on a page without a dated line that comes back', () => {
    expect(read('Un titre\nUn paragraphe de texte sans aucune date ni nom qui revienne.\n\nUn autre paragraphe.\n')).toBeUndefined();
    expect(read('Publié le 3 mars 2026\nUn article.\nMis à jour le 4 mars 2026\n')).toBeUndefined();
  });
});
