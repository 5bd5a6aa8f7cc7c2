import { createHash } from 'node:crypto';
import { analyseDocument, type AnalysisContext } from '../analyse/analyse-document.js';
import { DocumentSignatures, loadPhraseWords } from '../phrases/find-phrases.js';
import { fieldMapOf } from '../ingest/formats/flat-records.js';
import { ingestFile, type IngestOptions } from '../ingest/ingest-file.js';
import { createDetector } from '../language/detect-language.js';
import { loadLexicons } from '../lexicon/load-lexicon.js';
import type { RunLexicons } from '../lexicon/run-lexicons.js';
import type { FileAnalysis } from '../model.js';
import type { RunOptions } from '../options.js';
import { WordFolder } from '../text/normalise.js';
import { createStemmer } from '../text/stem-fr.js';
import { Vocabulary } from '../text/vocabulary.js';

/**
 * What the per-document stages need: loaded once per run, and once in every worker thread. With
 * `signPhrases`, the units phrase discovery reads are collected for their documents' phrase signatures.
 * `lexicons`: the run's lexicons, already loaded (a worker compiles those the main thread read);
 * without them, the lexicon folder is read here.
 */
export function createAnalysisContext(options: Pick<RunOptions, 'lexiconDir' | 'langDetector' | 'fields' | 'fitted'>, signPhrases = false, lexicons?: RunLexicons): FileAnalysisContext {
  return {
    ingest: { fieldMap: fieldMapOf(options.fields) },
    detector: createDetector(options.langDetector), lexicons: lexicons?.set ?? loadLexicons(options.lexiconDir, { fitted: options.fitted }),
    folder: new WordFolder(), vocabulary: new Vocabulary(), stem: createStemmer(),
    ...(signPhrases ? { phrases: new DocumentSignatures(lexicons?.phraseWords ?? loadPhraseWords(options.lexiconDir)) } : {}),
  };
}

/** The per-document context plus how files are read (export field names). */
export interface FileAnalysisContext extends AnalysisContext {
  readonly ingest?: IngestOptions;
}

/**
 * Read and analyse one corpus file. Bad input comes back as diagnostics. Whatever else one file
 * makes a stage throw (a stack overflow on input nested deeper than a reader checks, a library's
 * own exception) is contained too: the file gets an `analysis-failed` row and the run goes on,
 * since every rerun would otherwise fail on the same file.
 */
export function analyseFile(file: string, bytes: Uint8Array, context: FileAnalysisContext, docId?: string): FileAnalysis {
  try {
    const started = context.clock?.now() ?? 0;
    const ingested = ingestFile(file, bytes, { ...context.ingest, ...(docId === undefined ? {} : { docId }) });
    context.clock?.lap('ingest', started);
    return {
      file, sha256: ingested.sha256, bytes: bytes.length,
      documents: ingested.documents.map((d) => analyseDocument(d, context)),
      diagnostics: ingested.diagnostics,
    };
  } catch (error) {
    return {
      file, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, documents: [],
      diagnostics: [{ level: 'error', code: 'analysis-failed', file, message: `the file could not be analysed (${describeError(error)}); skipped` }],
    };
  }
}

/** "RangeError: Maximum call stack size exceeded", on one line. */
export function describeError(error: unknown): string {
  const e = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return e.replace(/\s+/gu, ' ').slice(0, 300);
}
