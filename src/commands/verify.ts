import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { EXIT } from '../errors.js';
import type { DetectorName } from '../language/detect-language.js';
import type { LexiconSource } from '../lexicon/lexicon-folder.js';
import type { RunOptions } from '../options.js';
import type { RunSummary } from '../pipeline/run-summary.js';
import { compareOutputs, readManifest, type OutputDifference } from '../report/verify-outputs.js';

/** The analysis `verify --rerun` runs again (the CLI passes `run`: no command imports the composer). */
export type RunAnalysis = (options: RunOptions) => Promise<RunSummary>;

function report(differences: readonly OutputDifference[], checked: number, what: string): void {
  for (const d of differences) process.stderr.write(`controverse: ${d.file} differs: ${d.reason}\n`);
  process.stderr.write(differences.length === 0
    ? `controverse: ${checked} output files match ${what}\n`
    : `controverse: ${differences.length} of ${checked} output files differ from ${what}\n`);
  process.exitCode = differences.length === 0 ? EXIT.ok : EXIT.skipped;
}

/** `controverse verify [out] [--rerun]`: check an output folder against its manifest, or rerun the analysis and compare. */
export function registerVerifyCommand(program: Command, runAnalysis: RunAnalysis): void {
  program
    .command('verify')
    .description('check the files of an output folder against the sha256 its manifest.json records (exit 0 all match, 1 naming each file that differs); --rerun runs the same analysis again into a temporary folder and compares')
    .argument('[out]', 'output folder', 'out')
    .option('--rerun', 'run the analysis the manifest describes again (same corpus, lexicons, detector, options) and compare its outputs', false)
    .action(async (out: string, flags: { rerun: boolean }) => {
      const outDir = path.resolve(out);
      const manifest = readManifest(outDir);
      if (!flags.rerun) {
        report(compareOutputs(outDir, manifest.outputs), manifest.outputs.length, `${path.join(out, 'manifest.json')}`);
        return;
      }
      const o = manifest.options;
      const temp = mkdtempSync(path.join(os.tmpdir(), 'controverse-verify-'));
      try {
        await runAnalysis({
          inputs: manifest.corpus, outDir: temp, lexiconDir: String(o.lexicon_dir), lexiconSource: o.lexicon_source as LexiconSource,
          langDetector: o.lang_detector as DetectorName, spreadsheet: o.spreadsheet === true, commandLine: ['controverse', 'verify', '--rerun', out],
          full: true, fitted: o.fitted !== false, ...(typeof o.workers === 'number' ? { workers: o.workers } : {}),
          ...(typeof o.worker_memory_mb === 'number' ? { workerMemoryMb: o.worker_memory_mb } : {}),
          ...(typeof o.fields === 'object' && o.fields !== null ? { fields: o.fields } : {}),
        });
        const rerun = readManifest(temp);
        const inputsNow = new Map(rerun.inputs.map((i) => [i.file, i.sha256]));
        const changedInputs = manifest.inputs.filter((i) => inputsNow.get(i.file) !== i.sha256).length + rerun.inputs.filter((i) => !manifest.inputs.some((m) => m.file === i.file)).length;
        if (changedInputs > 0) process.stderr.write(`controverse: note: ${changedInputs} corpus files differ from those the manifest lists\n`);
        report(compareOutputs(temp, manifest.outputs), manifest.outputs.length, 'a rerun of the same analysis');
      } finally {
        rmSync(temp, { recursive: true, force: true });
      }
    });
}
