import { InvalidArgumentError } from 'commander';
import { parseFieldsOption } from '../ingest/formats/flat-records.js';

/** `--fields field=name,…` of `run` and `merge`: a bad map is a usage error (exit 2) naming what is wrong. */
export function parseFieldsFlag(value: string): Record<string, string> {
  try {
    return parseFieldsOption(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}
