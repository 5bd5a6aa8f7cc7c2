import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DetectorName } from './detect-language.js';
import { installedPackageDir } from './eld-package.js';

/** The npm package behind each detector. */
const PACKAGE_OF: Readonly<Record<DetectorName, string>> = { eld: 'eld', 'eld-small': 'eld', franc: 'franc' };

/** The detector's package and installed version, for the manifest. */
export function detectorVersion(name: DetectorName): { readonly name: DetectorName; readonly package: string; readonly version: string } {
  const pkg = PACKAGE_OF[name];
  const dir = installedPackageDir(pkg);
  const version = dir === undefined ? 'unknown' : (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  return { name, package: pkg, version };
}
