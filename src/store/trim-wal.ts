import { closeSync, fstatSync, ftruncateSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';

// SQLite's WAL format (sqlite.org/fileformat2.html#walformat and the wal-index header of wal.c):
// the WAL is a 32-byte header then frames of 24 bytes + one page; the wal-index (`-shm`) starts
// with two copies of a 48-byte header whose `mxFrame` is the last frame of a committed transaction.
const WAL_HEADER = 32;
const FRAME_HEADER = 24;
const INDEX_HEADER = 48;

function readAt(file: string, length: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(length);
    return readSync(fd, buffer, 0, length, 0) === length ? buffer : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Cut a WAL file back to its last committed frame, dropping the frames a failed transaction left
 * behind: after SQLITE_FULL they fill the whole disk (a 12 MB WAL on a 12 MB disk), so the
 * checkpoint that would fold the WAL into the database cannot even grow the database by a page.
 * SQLite never reads past that frame, so nothing committed is lost. Only while the caller's
 * connection, the only one (the run lock), is open and outside a transaction; does nothing unless
 * both copies of the index header agree and match the WAL's salt. True when it cut something.
 */
export function trimWalToCommitted(dbFile: string): boolean {
  const index = readAt(`${dbFile}-shm`, 2 * INDEX_HEADER);
  const wal = readAt(`${dbFile}-wal`, WAL_HEADER);
  if (index === undefined || wal === undefined) return false;
  if (!index.subarray(0, INDEX_HEADER).equals(index.subarray(INDEX_HEADER))) return false;
  // The index header is in the machine's byte order; the WAL header is big-endian.
  const native = endianness() === 'LE';
  const u16 = (offset: number): number => (native ? index.readUInt16LE(offset) : index.readUInt16BE(offset));
  const u32 = (offset: number): number => (native ? index.readUInt32LE(offset) : index.readUInt32BE(offset));
  const pageSize = u16(14) === 1 ? 65_536 : u16(14);
  const mxFrame = u32(16);
  // The salts are copied byte for byte from the WAL header: the index describes this WAL.
  if (wal.readUInt32BE(8) !== pageSize || !index.subarray(32, 40).equals(wal.subarray(16, 24))) return false;
  const committed = WAL_HEADER + mxFrame * (FRAME_HEADER + pageSize);
  const fd = openSync(`${dbFile}-wal`, 'r+');
  try {
    if (fstatSync(fd).size <= committed) return false;
    ftruncateSync(fd, committed);
    return true;
  } finally {
    closeSync(fd);
  }
}
