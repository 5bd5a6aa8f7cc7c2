import { describe, expect, it } from 'vitest';
import { lineShape, shapeDistance } from '../../../src/ingest/template/line-shape.js';

describe('lineShape', () => {
  it('masks names, numbers and dates so that one page\'s headers read alike', () => {
    expect(lineShape('Lou-Anne-du-56, Posté le mardi 11 mars 2025 15:02').key).toBe('N , N le D');
    expect(lineShape('x-ThOmAs-x, Posté le mercredi 12 mars 2025 07:58').key).toBe('N , N le D');
    expect(lineShape('14/02/2026 à 09:12 — Rozenn Le Du').key).toBe('D — N');
    expect(lineShape('— Yann Morvan, le 3 mars 2026').key).toBe('— N , le D');
  });

  it('reads relative dates, spelled numbers and rating marks as one slot each', () => {
    expect(lineShape('★★★★☆ il y a un mois').key).toBe(lineShape('★☆☆☆☆ il y a 2 semaines').key);
    expect(lineShape('il y a 3 h').slots.at(-1)).toEqual({ kind: 'date', text: 'y a 3 h' });
  });

  it('keeps what a slot masks, and a month word in a sentence stays a word', () => {
    const shape = lineShape('par Anonyme Lâche le mercredi 12 mars 2025 @10h19');
    expect(shape.slots.filter((s) => s.kind === 'name').map((s) => s.text)).toEqual(['Anonyme Lâche']);
    expect(lineShape('en mars on verra').key).toBe('en mars on verra');
    expect(lineShape('12 réponses').key).toBe('0 réponses');
  });

  it('measures how many slots two shapes differ by', () => {
    expect(shapeDistance(lineShape('par Kerfuffle (41877) le 12 mars 2025'), lineShape('par Anonyme le 12 mars 2025'))).toBe(3);
    expect(shapeDistance(lineShape('Marie le 12 mars 2025'), lineShape('Paul le 13 mars 2025'))).toBe(0);
  });
});
