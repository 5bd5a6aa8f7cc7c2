import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LexiconFile } from '../lexicon/load-lexicon.js';
import { TOOL_VERSION } from '../version.js';

function codeFiles(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) codeFiles(full, out);
    else if (/\.(?:js|ts|mjs|json)$/u.test(e.name) && !e.name.endsWith('.d.ts')) out.push(full);
  }
}

/**
 * Hash of the pipeline's own code (the folder this module was loaded from: dist/ or src/), so that
 * any change of the analysis or of the report rows invalidates the stored analyses, even without a
 * version bump.
 */
export function pipelineHash(): string {
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const files: string[] = [];
  codeFiles(root, files);
  const hash = createHash('sha256').update(TOOL_VERSION);
  for (const f of files) hash.update(path.relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex');
}

/** What a stored analysis depends on besides the file itself: pipeline code and version, every lexicon, the detector. */
export interface AnalysisKeyParts {
  readonly pipeline: string;
  readonly lexicons: readonly LexiconFile[];
  readonly langDetector: string;
  /** `--fields`: the same file may read into other documents. */
  readonly fields?: Readonly<Record<string, string>>;
}

/** The key every stored file analysis carries; a stored analysis with another key is redone. */
export function analysisKey(parts: AnalysisKeyParts): string {
  const lexicons = parts.lexicons.map((l) => ({ path: l.path, sha256: l.sha256, version: l.version }));
  return createHash('sha256').update(JSON.stringify({ pipeline: parts.pipeline, lexicons, langDetector: parts.langDetector, ...(parts.fields === undefined ? {} : { fields: parts.fields }) })).digest('hex');
}
