import { describe, expect, it } from 'vitest';
import { packedColumns, unpackCell } from '../../../src/ingest/formats/packed-cells.js';
import { parseDayMonthYear } from '../../../src/ingest/formats/parse-date.js';
import { readCsv } from '../../../src/ingest/formats/read-csv.js';

// An invented helpdesk export: one ticket a row, its notes in repeated "Note" columns packed as
// "date|login|text" (a shape in no eval page: another separator, other names, four-digit years).
const CSV = [
  'Ref,Sujet,État,Responsable,Demandeur,Ouvert le,Exposé,Note,Note,Note',
  'HD-2041,Imprimante,Ouvert,jlemoine,asarr,02-Apr-2025 08:15,"Depuis la mise à jour, l\'imprimante du deuxième étage refuse les travaux envoyés depuis les postes de la mairie.","02-Apr-2025 09:02|jlemoine|Le pilote a changé, je le réinstalle sur les postes concernés cet après-midi.","02-Apr-2025 16:40|asarr|{quote}je le réinstalle sur les postes concernés{quote}\nC\'est fait pour l\'accueil, il reste le bureau des élus.",',
  'HD-2057,Messagerie,Ouvert,jlemoine,pbrun,03-Apr-2025 11:30,"Les messages envoyés vers la préfecture reviennent avec une erreur de certificat depuis ce matin.","03-Apr-2025 11:52|jlemoine|Le certificat du relais a expiré, je demande le renouvellement au prestataire.",,',
].join('\n');

describe('comments packed in cells of repeated columns', () => {
  it('unpacks "date;name;text" and "date|name|text" cells, the text keeping its own separators', () => {
    expect(unpackCell('12/Mar/25 9:48 AM;hnguyen;Un texte ; avec un point-virgule.')).toEqual({ published: '12/Mar/25 9:48 AM', author: 'hnguyen', text: 'Un texte ; avec un point-virgule.' });
    expect(unpackCell('Un texte ordinaire; sans date; en tête')).toBeUndefined();
  });

  it('finds only repeated columns whose cells unpack', () => {
    expect(packedColumns(['a', 'n', 'n', 'l', 'l'], [['x', '02-Apr-2025 09:02|jl|texte long', '', 'rouge', 'vert'], ['y', '03-Apr-2025 11:52|pb|autre texte', '', 'bleu', '']])).toEqual([1, 2]);
  });

  it('reads one document a row: its own text the article, author by the people who write the notes, notes as comments, a wiki quote giving quotes and parent', () => {
    const { records, diagnostics } = readCsv(CSV, undefined, 'tickets.csv');
    expect(records.map((r) => r.id)).toEqual(['HD-2041', 'HD-2057']);
    const [first, second] = records.map((r) => r.page);
    expect([first!.author, first!.published, first!.body.slice(0, 22)]).toEqual(['asarr', '2025-04-02T08:15', 'Depuis la mise à jour,']);
    expect(first!.comments.map((c) => [c.author, c.published, c.parentIndex, c.quotesIndex])).toEqual([
      ['jlemoine', '2025-04-02T09:02', undefined, undefined],
      ['asarr', '2025-04-02T16:40', 0, 0],
    ]);
    expect(first!.comments[1]!.text).toBe("C'est fait pour l'accueil, il reste le bureau des élus.");
    expect(second!.comments.map((c) => c.author)).toEqual(['jlemoine']);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'schema-inferred', message: expect.stringContaining('author = Demandeur') as string }));
  });

  it('reads the day/month-abbreviation/year dates of such exports, 12-hour clocks as 24', () => {
    expect(parseDayMonthYear('03/Mar/25 9:02 AM')).toBe('2025-03-03T09:02');
    expect(parseDayMonthYear('12/Mar/25 12:15 PM')).toBe('2025-03-12T12:15');
    expect(parseDayMonthYear('12/Mar/25 12:15 AM')).toBe('2025-03-12T00:15');
    expect(parseDayMonthYear('30-Apr-2025')).toBe('2025-04-30');
    expect(parseDayMonthYear('30/Foo/25')).toBeUndefined();
  });
});
