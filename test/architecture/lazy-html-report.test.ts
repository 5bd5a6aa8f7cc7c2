import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The packages and src/ modules `file` imports when it is loaded (not `import type`, not `await import`). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gmsu)].map((m) => m[1]!);
}

/** Every package reached from `entry` through the imports made when it loads. */
function packagesReached(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(file)) {
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const target = path.resolve(path.dirname(file), spec.replace(/\.js$/u, '.ts'));
      if (existsSync(target)) visit(target);
    }
  };
  visit(path.resolve(entry));
  return packages;
}

describe('the HTML report', () => {
  it('is loaded by the CLI only when it is written: its charts library takes ~0.6 CPU s to load, a rerun with nothing new writes no report', () => {
    const reached = packagesReached('src/cli.ts');
    expect(reached.has('commander')).toBe(true);
    expect([...reached].filter((p) => p.startsWith('echarts'))).toEqual([]);
    expect([...packagesReached('src/report/html/write-html-report.ts')].some((p) => p.startsWith('echarts'))).toBe(true);
  });
});
