import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the --lang-detector flag', () => {
  it('exits 2 naming the detectors it accepts when given an unknown one', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'run', '--lang-detector', 'cld9'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cld9.*eld, eld-small, franc/su);
  });
});
