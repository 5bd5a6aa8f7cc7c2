import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { hashOutputs, type OutputHash } from './output-hashes.js';
import type { Manifest } from './write-manifest.js';

/** One difference between an output folder and what a manifest records. */
export interface OutputDifference {
  readonly file: string;
  readonly reason: string;
}

/** Read an output folder's manifest.json (UserError when absent or not one of ours). */
export function readManifest(outDir: string): Manifest {
  const file = path.join(outDir, 'manifest.json');
  if (!existsSync(file)) throw new UserError(`${file} not found`, 'Give the output folder of a "controverse run".');
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>;
  } catch (error) {
    throw new UserError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(manifest.outputs)) {
    throw new UserError(`${file} records no output hashes`, 'It was written by an earlier controverse; run the analysis again to get a manifest that verify can check.');
  }
  return manifest as Manifest;
}

/** Compare the files of `dir` with the hashes `expected` records: every differing, missing file. */
export function compareOutputs(dir: string, expected: readonly OutputHash[]): OutputDifference[] {
  const differences: OutputDifference[] = [];
  for (const want of expected) {
    if (!existsSync(path.join(dir, want.file))) {
      differences.push({ file: want.file, reason: 'missing' });
      continue;
    }
    const [got] = hashOutputs(dir, [want.file]);
    if (got!.sha256 !== want.sha256) differences.push({ file: want.file, reason: `sha256 ${got!.sha256.slice(0, 12)}… (${got!.bytes} bytes), manifest says ${want.sha256.slice(0, 12)}… (${want.bytes} bytes)` });
  }
  return differences;
}
