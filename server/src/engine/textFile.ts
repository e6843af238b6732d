// A file's text where there is one to read: a missing or unreadable file is for the caller to treat as absent.
import fs from 'node:fs';

export function readTextFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
