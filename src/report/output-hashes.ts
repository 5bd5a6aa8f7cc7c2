import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One output file as manifest.json records it. */
export interface OutputHash {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** sha256 and size of each of `files` in `dir` (a report file that is missing throws: the caller wrote them). */
export function hashOutputs(dir: string, files: readonly string[]): OutputHash[] {
  return files.map((file) => {
    const bytes = readFileSync(path.join(dir, file));
    return { file, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
  });
}
