import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('src/run.ts', () => {
  it('is a composer under 150 lines', () => {
    expect(readFileSync('src/run.ts', 'utf8').split('\n').length).toBeLessThan(150);
  });

  it('is imported by no module of src/ but the CLI', () => {
    const importers = sources('src').filter((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/from '([^']+)'/gu)].some((m) => path.resolve(path.dirname(file), m[1]!.replace(/\.js$/u, '.ts')) === path.resolve('src/run.ts'));
    });
    expect(importers).toEqual([path.join('src', 'cli.ts')]);
  });

  it('no command exits the process itself: only the CLI maps errors to exit codes', () => {
    const exits = sources('src').filter((f) => f !== path.join('src', 'cli.ts') && /process\.exit\(/u.test(readFileSync(f, 'utf8')));
    expect(exits).toEqual([]);
  });
});
