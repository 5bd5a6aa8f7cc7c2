import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';

/** One output file as manifest.json records it. */
export interface OutputHash {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
}

// Bytes read at a time: a report is hashed without ever being in memory whole.
const READ_CHUNK = 1 << 20;

/** sha256 and size of one file, read in chunks. */
export function hashFile(file: string): { sha256: string; bytes: number } {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(READ_CHUNK);
  const fd = openSync(file, 'r');
  let bytes = 0;
  try {
    for (let n = readSync(fd, buffer, 0, READ_CHUNK, null); n > 0; n = readSync(fd, buffer, 0, READ_CHUNK, null)) {
      hash.update(buffer.subarray(0, n));
      bytes += n;
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** sha256 and size of each of `files` in `dir` (a report file that is missing throws: the caller wrote them). */
export function hashOutputs(dir: string, files: readonly string[]): OutputHash[] {
  return files.map((file) => ({ file, ...hashFile(path.join(dir, file)) }));
}
