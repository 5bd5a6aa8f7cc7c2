import { describe, expect, it } from 'vitest';
import { labelLines } from '../../../src/ingest/line-roles/label-lines.js';
import { lineFeatures, shapeOf } from '../../../src/ingest/line-roles/line-features.js';
import { readLineRoles } from '../../../src/ingest/line-roles/line-role-reader.js';
import { trainRoleModel } from '../../../src/ingest/line-roles/role-model.js';
import { syntheticPage, syntheticPages } from '../../../src/ingest/line-roles/synthetic-pages.js';

const fold = (s: string): string => s.replace(/\s+/gu, ' ').trim();

describe('synthetic pages', () => {
  const pages = syntheticPages(100);

  it('are the same for the same seed and differ between seeds', () => {
    expect(syntheticPages(5, 40)).toEqual(syntheticPages(5, 40));
    expect(syntheticPage(41)).toEqual(syntheticPages(5, 40)[1]);
    expect(syntheticPage(1).lines).not.toEqual(syntheticPage(2).lines);
  });

  it('give a role to every line that is not blank, and none to blank lines', () => {
    for (const p of pages) {
      expect(p.roles.length).toBe(p.lines.length);
      p.lines.forEach((line, i) => expect(p.roles[i] === undefined).toBe(line.trim() === ''));
    }
  });

  it('open each comment on a start line holding its first words, under a header naming its author', () => {
    for (const p of pages) {
      let from = 0;
      for (const unit of p.units.slice(1)) {
        // The first words may run onto the next lines (text lines) when the first is short.
        const wordsFrom = (i: number): string => { let j = i + 1; while (j < p.lines.length && (p.roles[j] === undefined || p.roles[j] === 'text')) j += 1; return fold(p.lines.slice(i, j).join(' ')); };
        const at = p.lines.findIndex((_, i) => i > from && p.roles[i] === 'start' && wordsFrom(i).includes(unit.firstWords));
        expect(at, unit.firstWords).toBeGreaterThan(from);
        // The header lines just above (action lines among them), or the start line itself in a chat copy.
        const above: string[] = [p.lines[at]!];
        for (let i = at - 1; i >= 0 && [undefined, 'header', 'quote', 'action'].includes(p.roles[i]); i -= 1) if (p.roles[i] === 'header') above.push(p.lines[i]!);
        expect(above.some((l) => l.includes(unit.author)), `${unit.author} above "${p.lines[at]}"`).toBe(true);
        from = at;
      }
    }
  });

  it('label their lines as label-lines.ts labels them from their units', () => {
    let same = 0;
    let all = 0;
    for (const p of pages) {
      const derived = labelLines(p.lines, p.units);
      expect(derived.missing).toBe(0);
      p.roles.forEach((role, i) => { if (role === undefined) return; all += 1; if (derived.roles[i] === role) same += 1; });
    }
    expect(same / all).toBeGreaterThanOrEqual(0.99);
  });

  it('vary the shapes of headers, dates and action lines', () => {
    const shapes = (role: string): Set<string> => new Set(pages.flatMap((p) => p.lines.filter((_, i) => p.roles[i] === role).map(shapeOf)));
    expect(shapes('header').size).toBeGreaterThanOrEqual(60);
    expect(shapes('action').size).toBeGreaterThanOrEqual(40);
  });

  it('are read back into their units by a model trained on other synthetic pages', () => {
    const model = trainRoleModel(syntheticPages(60, 1000).map((p) => ({ features: lineFeatures(p.lines), roles: p.roles })));
    let found = 0;
    let total = 0;
    for (const p of syntheticPages(10, 5000)) {
      const comments = readLineRoles(p.lines, model)?.page.comments ?? [];
      const starts = new Set(comments.map((c) => fold(c.text).split(' ').slice(0, 6).join(' ')));
      for (const unit of p.units.slice(1)) { total += 1; if (starts.has(unit.firstWords)) found += 1; }
    }
    expect(found / total).toBeGreaterThanOrEqual(0.8);
  }, 60_000);
});
