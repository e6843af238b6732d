// A file's text, a JSON file's object or a folder's entries, where there is one to read: a missing or unreadable
// file or folder (or, for JSON, a malformed file) is for the caller to treat as absent.
import fs from 'node:fs';
import { type Table, table } from '../readers/lockfiles/values';

export function readTextFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function readJsonObject(file: string): Table | undefined {
  const text = readTextFile(file);
  if (text === undefined) return undefined;
  try {
    return table(JSON.parse(text));
  } catch {
    return undefined;
  }
}

export function folderEntries(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
