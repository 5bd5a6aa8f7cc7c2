import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The language-identification benchmark is external data (not ours to ship): tests that need it read
 * it from CONTROVERSE_LANGID_DIR (default ../shared/benchmarks/langid/). Absent, they are skipped with
 * one line saying where to put it, except under CI=true, where absence is a failure.
 */
export function langidBenchmark(): { readonly file: string; readonly available: boolean; readonly skip: boolean } {
  const dir = path.resolve(process.env.CONTROVERSE_LANGID_DIR ?? '../shared/benchmarks/langid');
  const file = path.join(dir, 'langid-ud.tsv');
  const available = existsSync(file);
  const skip = !available && process.env.CI !== 'true';
  if (skip) process.stderr.write(`skipped: langid benchmark not found at ${file}; put langid-ud.tsv there or set CONTROVERSE_LANGID_DIR\n`);
  return { file, available, skip };
}
