import { analyseDocument, type AnalysisContext } from '../analyse/analyse-document.js';
import { PhraseSketch } from '../claims/find-phrases.js';
import { loadPhraseWords } from '../claims/load-phrase-words.js';
import { fieldMapOf } from '../ingest/formats/flat-records.js';
import { ingestFile, type IngestOptions } from '../ingest/ingest-file.js';
import { createDetector } from '../language/detect-language.js';
import { loadLexicons } from '../lexicon/load-lexicon.js';
import type { FileAnalysis } from '../model.js';
import type { RunOptions } from '../options.js';
import { WordFolder } from '../text/normalise.js';

/**
 * What the per-document stages need: loaded once per run, and once in every worker thread. With
 * `sketchPhrases`, the units' phrase segments are counted as they are analysed (pass 1 of phrase discovery).
 */
export function createAnalysisContext(options: Pick<RunOptions, 'lexiconDir' | 'langDetector' | 'fields'>, sketchPhrases = false): FileAnalysisContext {
  return {
    ingest: { fieldMap: fieldMapOf(options.fields) },
    detector: createDetector(options.langDetector), lexicons: loadLexicons(options.lexiconDir), folder: new WordFolder(),
    ...(sketchPhrases ? { phrases: new PhraseSketch(loadPhraseWords(options.lexiconDir)) } : {}),
  };
}

/** The per-document context plus how files are read (export field names). */
export interface FileAnalysisContext extends AnalysisContext {
  readonly ingest?: IngestOptions;
}

/** Read and analyse one corpus file. Bad input comes back as diagnostics; only bugs throw. */
export function analyseFile(file: string, bytes: Uint8Array, context: FileAnalysisContext): FileAnalysis {
  const ingested = ingestFile(file, bytes, context.ingest);
  return {
    file, sha256: ingested.sha256, bytes: bytes.length,
    documents: ingested.documents.map((d) => analyseDocument(d, context)),
    diagnostics: ingested.diagnostics,
  };
}
