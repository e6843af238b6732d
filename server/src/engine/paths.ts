// Paths as the project reports them: relative to the scanned root, with `/` on every platform.
import path from 'node:path';

export function relativeTo(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}
