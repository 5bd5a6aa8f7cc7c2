import { readFileSync } from 'node:fs';

/** The tool's version, from package.json: written in the manifest and part of every cache key. */
export const TOOL_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
