import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPORT_FILES } from '../../src/report/outputs.js';

const CLI = path.resolve('src/cli.ts');
// Run from other folders: tsx is named by its file, not resolved from the working folder.
const TSX = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;

function cli(cwd: string, ...args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], { encoding: 'utf8', cwd });
  return { status: r.status, stderr: r.stderr };
}

const temp = (): string => mkdtempSync(path.join(tmpdir(), 'controverse-repro-'));

describe('running from any folder, and reproducing a run', () => {
  // One published output folder, made from a folder that has no lexicons/: the shipped ones are used.
  const elsewhere = temp();
  cpSync('corpus', path.join(elsewhere, 'corpus'), { recursive: true });
  const first = cli(elsewhere, 'run', 'corpus', '--out', 'out');
  const out = path.join(elsewhere, 'out');

  it('runs with the shipped lexicons from a folder without any, and says so', () => {
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/lexicons: shipped\n$/u);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { options: Record<string, unknown> };
    expect(manifest.options.lexicon_source).toBe('shipped');
    expect(manifest.options.lexicon_dir).toBe(path.resolve('lexicons'));
  });

  it('records every output file, the code, the detector and every option in the manifest', () => {
    const m = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as {
      outputs: { file: string; sha256: string }[]; tool: { code_sha256: string }; detector: { name: string; version: string }; options: Record<string, unknown>;
    };
    expect(m.outputs.map((o) => o.file)).toEqual(REPORT_FILES.filter((f) => f !== 'manifest.json'));
    expect(m.tool.code_sha256).toMatch(/^[0-9a-f]{64}$/u);
    expect(m.detector).toMatchObject({ name: 'eld', version: expect.stringMatching(/^\d+\.\d+\.\d+$/u) as unknown });
    expect(Object.keys(m.options).sort()).toEqual(['fields', 'fitted', 'full', 'lang_detector', 'lexicon_dir', 'lexicon_source', 'shard', 'spreadsheet', 'worker_memory_mb', 'workers']);
  });

  it('verify passes on the published folder, then names the file where one byte changed (exit 1)', () => {
    expect(cli(elsewhere, 'verify', 'out').status).toBe(0);
    const copy = temp();
    cpSync(out, copy, { recursive: true });
    appendFileSync(path.join(copy, 'stances.csv'), ' ');
    const r = cli(elsewhere, 'verify', copy);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/stances\.csv differs/u);
    expect(r.stderr).not.toMatch(/units\.csv differs/u);
  });

  it('verify --rerun runs the analysis again and finds the same outputs', () => {
    const r = cli(elsewhere, 'verify', '--rerun', 'out');
    expect(r.stderr).toMatch(/8 output files match a rerun/u);
    expect(r.status).toBe(0);
  });

  it('verify --rerun runs with the --fields the manifest records', () => {
    const dir = temp();
    mkdirSync(path.join(dir, 'corpus'));
    // A flat export whose text column has a name of its own: without the map, no text is read.
    writeFileSync(path.join(dir, 'corpus', 'export.csv'), 'doc_id,comment_id,corps\np1,c1,Encore des milliards dilapidés pour un cloud que personne ne veut.\n');
    expect(cli(dir, 'run', 'corpus', '--out', 'out', '--fields', 'text=corps', '--quiet').status).toBe(0);
    expect(readFileSync(path.join(dir, 'out', 'units.csv'), 'utf8')).toContain('Encore des milliards dilapidés');
    const r = cli(dir, 'verify', '--rerun', 'out');
    expect(r.stderr).toMatch(/output files match a rerun/u);
    expect(r.status).toBe(0);
  });

  it('verify exits 2 on a folder without a manifest', () => {
    expect(cli(elsewhere, 'verify', 'corpus').status).toBe(2);
  });

  it('init copies the shipped lexicons for editing, then run uses ./lexicons; init refuses to overwrite', () => {
    const dir = temp();
    expect(cli(dir, 'init').status).toBe(0);
    expect(existsSync(path.join(dir, 'lexicons', 'stances', 'sceptical.fr.yaml'))).toBe(true);
    expect(cli(dir, 'init').status).toBe(2);
    cpSync('corpus', path.join(dir, 'corpus'), { recursive: true });
    const r = cli(dir, 'run', '--out', 'out', '--quiet');
    expect(r.status).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'out', 'manifest.json'), 'utf8')) as { options: Record<string, unknown> };
    expect(manifest.options.lexicon_source).toBe('working-folder');
  });
});
