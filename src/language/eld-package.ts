import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The installed eld package's directory. eld exports its entries for `import` only, and none of
 * its inner files, so require.resolve cannot name them: look for the package where require would.
 */
export function eldPackageDir(): string {
  const dir = installedPackageDir('eld');
  if (dir === undefined) throw new Error('the eld package is not installed (npm ci)');
  return dir;
}

/** Where an installed package lives, looked up where require would look; undefined when it is not installed. */
export function installedPackageDir(name: string): string | undefined {
  return (require.resolve.paths(name) ?? []).map((p) => path.join(p, name)).find((p) => existsSync(path.join(p, 'package.json')));
}

/** A file of the eld package, by its path inside the package (`src/dictionary.js`). */
export function eldFile(relative: string): string {
  return path.join(eldPackageDir(), relative);
}

/**
 * Evaluate one of eld's small ES modules (Node ≥ 20.19 can require an ES module).
 * Never used on the n-gram databases: evaluating those is what costs hundreds of MB.
 */
export function requireEldModule(relative: string): unknown {
  return require(eldFile(relative));
}
