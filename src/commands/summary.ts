import path from 'node:path';
import type { RunSummary } from '../pipeline/run-summary.js';

/** The closing line of `run` and `merge` on stderr: what was done, what changed, where the reports are. */
export function printSummary(summary: RunSummary): void {
  const c = summary.changes;
  if (summary.storeRebuiltFrom !== undefined) {
    process.stderr.write(`controverse: info: the store was written by an older controverse (store schema ${summary.storeRebuiltFrom}): rebuilt, every file analysed again\n`);
  }
  const changes = `${c.added.length} added, ${c.changed.length} changed, ${c.removed.length} removed, ${c.reanalysed} re-analysed, ${c.reused} reused`;
  process.stderr.write(
    `controverse: ${summary.files} files (${changes}), ${summary.documents} documents, ${summary.units} units; ` +
      `${summary.diagnostics} diagnostics (${summary.errors} errors) → ${path.relative(process.cwd(), summary.outDir) || '.'}/` +
      `${summary.reportsWritten ? '' : ' (reports unchanged)'}; lexicons: ${summary.lexicons.source === 'shipped' ? 'shipped' : path.relative(process.cwd(), summary.lexicons.dir) || '.'}\n`,
  );
}
