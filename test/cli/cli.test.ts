import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function cli(...args: string[]): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

describe('controverse CLI', () => {
  it('exits 2 with one clear line for a corpus path that does not exist', () => {
    const r = cli('run', 'does-not-exist/');
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/corpus path not found: .*does-not-exist/);
  });

  it('exits 2 for an unknown flag', () => {
    const r = cli('run', '--bogus');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--bogus'/);
  });

  it('exits 2 for a missing lexicon folder before doing any work', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'controverse-cli-'));
    const r = cli('run', 'corpus', '--out', out, '--lexicons', 'nope/');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/lexicon folder not found/);
  });

  it('exits 1 when some input was skipped, and 0 on a clean corpus', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'controverse-cli-'));
    expect(cli('run', 'test/fixtures/corpora/basic', '--out', out, '--quiet').status).toBe(1);
    expect(cli('run', 'corpus', '--out', out, '--quiet').status).toBe(0);
  });

  it('prints help for every command', () => {
    const r = cli('run', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--lexicons <dir>/);
  });
});
