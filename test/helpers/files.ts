// Files made for one test: a path below `root`, its folders created as needed; an object is written as JSON.
import fs from 'node:fs';
import path from 'node:path';

export function writeFile(root: string, file: string, content: string | Buffer | object = ''): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2));
}
