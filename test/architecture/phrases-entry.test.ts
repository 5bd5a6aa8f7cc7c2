import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('src/phrases/', () => {
  it('is used from outside through its one entry point, find-phrases.ts', () => {
    const folder = path.resolve('src/phrases');
    const reachedInside = sources('src').filter((f) => !path.resolve(f).startsWith(folder + path.sep)).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/from '([^']+)'/gu)]
        .map((m) => path.resolve(path.dirname(file), m[1]!.replace(/\.js$/u, '.ts')))
        .filter((target) => target.startsWith(folder + path.sep))
        .map((target) => path.relative(folder, target));
    });
    expect(reachedInside.length).toBeGreaterThan(0);
    expect([...new Set(reachedInside)]).toEqual(['find-phrases.ts']);
  });
});
