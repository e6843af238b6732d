// What an installed Python distribution declares of its licence: the METADATA of the version locked, in the virtual
// environment beside the lockfile (`.venv`, as uv and Poetry's in-project setting make it, or `venv`), in its
// site-packages (`lib/python3.X/site-packages`, or `Lib/site-packages` on Windows).
import path from 'node:path';
import { normalisePypiName } from '../../../rules/src/ids';
import { folderEntries, readTextFile } from './textFile';

const ENVIRONMENTS = ['.venv', 'venv'];

/** The licence a distribution installed beside `dir` declares, by name and version; undefined where none is installed. */
export function installedDistributions(dir: string): ((name: string, version: string) => string | undefined) | undefined {
  const installed = distInfoFolders(dir);
  if (installed.size === 0) return undefined;
  return (name, version) => {
    const folder = installed.get(`${normalisePypiName(name)}==${version}`);
    const metadata = folder === undefined ? undefined : readTextFile(path.join(folder, 'METADATA'));
    return metadata === undefined ? undefined : metadataLicense(metadata);
  };
}

/** `name==version` → the `.dist-info` folder of each distribution the environments beside `dir` hold. */
function distInfoFolders(dir: string): Map<string, string> {
  const folders = new Map<string, string>();
  for (const environment of ENVIRONMENTS.map((name) => path.join(dir, name))) {
    const versions = folderEntries(path.join(environment, 'lib')).filter((name) => name.startsWith('python'));
    const sites = [...versions.map((name) => path.join(environment, 'lib', name, 'site-packages')), path.join(environment, 'Lib', 'site-packages')];
    for (const site of sites) {
      for (const folder of folderEntries(site)) {
        const distInfo = /^(.+)-([^-]+)\.dist-info$/.exec(folder);
        if (distInfo) folders.set(`${normalisePypiName(distInfo[1]!)}==${distInfo[2]}`, path.join(site, folder));
      }
    }
  }
  return folders;
}

/**
 * What core metadata says of the licence: `License-Expression` (metadata 2.4), else a `License` of one line (a longer
 * one is the licence's text), else the last part of its one licence classifier (`License :: OSI Approved :: MIT License`).
 */
export function metadataLicense(metadata: string): string | undefined {
  const fields: { name: string; value: string; lines: number }[] = [];
  for (const line of metadata.split(/\r?\n/)) {
    // The headers end at the first empty line; the description follows.
    if (line === '') break;
    const last = fields.at(-1);
    // A line that starts with white space goes on with the field above it (RFC 822 folding).
    if (/^\s/.test(line) && last) {
      last.lines++;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0) fields.push({ name: line.slice(0, colon).toLowerCase(), value: line.slice(colon + 1).trim(), lines: 1 });
  }
  const first = (name: string) => fields.find((field) => field.name === name);
  const expression = first('license-expression')?.value;
  if (expression) return expression;
  const license = first('license');
  if (license?.value && license.lines === 1) return license.value;
  const classifiers = fields.filter((field) => field.name === 'classifier' && field.value.startsWith('License ::'));
  return classifiers.length === 1 ? classifiers[0]!.value.split('::').at(-1)!.trim() : undefined;
}
