import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvs, tempDir } from './run-helpers.js';

describe('the built CLI (dist/)', () => {
  it('runs its compiled worker threads and writes the same CSVs as the sources do', () => {
    // Build into a scratch project (package.json + node_modules link) so the real dist/ is left alone.
    const project = tempDir('built');
    copyFileSync('package.json', path.join(project, 'package.json'));
    symlinkSync(path.resolve('node_modules'), path.join(project, 'node_modules'), 'dir');
    const tsc = spawnSync(process.execPath, [path.resolve('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', path.join(project, 'dist')], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');

    const fromDist = tempDir('out-dist');
    const built = spawnSync(process.execPath, [path.join(project, 'dist', 'cli.js'), 'run', 'corpus', '--out', fromDist, '--workers', '2'], { encoding: 'utf8' });
    expect(built.status).toBe(0);
    expect(built.stderr).toMatch(/5 files \(5 added/u);
    const fromSource = tempDir('out-src');
    const source = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'run', 'corpus', '--out', fromSource, '--quiet'], { encoding: 'utf8' });
    expect(source.status).toBe(0);
    expect(readCsvs(fromDist)).toEqual(readCsvs(fromSource));
    expect(readFileSync(path.join(fromDist, 'manifest.json'), 'utf8')).toMatch(/"reports_rewritten": true/u);
  }, 240_000);
});
