// Writes a JSON document piece by piece: a large monorepo's report has hundreds of thousands of
// components, more than one JavaScript string can hold. Objects are laid out like JSON.stringify with
// two-space indentation, except that the elements of the lists named `streamed` (arrays, or lazy
// sequences) are written one per line.
export function writeJson(value: object, write: (text: string) => void, streamed: ReadonlySet<string>): void {
  const buffered = new BufferedWriter(write);
  writeObject(value, (text) => buffered.write(text), streamed, '');
  buffered.flush();
}

/**
 * Gathers small pieces into writes of about a megabyte: one system call per array element would cost
 * more than building the report.
 */
class BufferedWriter {
  private pending: string[] = [];
  private size = 0;

  constructor(private readonly sink: (text: string) => void) {}

  write(text: string): void {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= 1 << 20) this.flush();
  }

  flush(): void {
    if (this.size > 0) this.sink(this.pending.join(''));
    this.pending = [];
    this.size = 0;
  }
}

function writeObject(value: object, write: (text: string) => void, streamed: ReadonlySet<string>, indent: string): void {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  const inner = `${indent}  `;
  write('{\n');
  entries.forEach(([key, v], index) => {
    write(`${inner}${JSON.stringify(key)}: `);
    if (streamed.has(key) && isIterable(v)) {
      writeArray(v, write, inner);
    } else if (Array.isArray(v) && v.some((item) => isObject(item) && containsStreamed(item, streamed))) {
      write('[\n');
      v.forEach((item, i) => {
        write(`${inner}  `);
        writeObject(item as object, write, streamed, `${inner}  `);
        write(i < v.length - 1 ? ',\n' : '\n');
      });
      write(`${inner}]`);
    } else if (isObject(v) && containsStreamed(v, streamed)) {
      writeObject(v, write, streamed, inner);
    } else {
      write(JSON.stringify(v, null, 2).split('\n').join(`\n${inner}`));
    }
    write(index < entries.length - 1 ? ',\n' : '\n');
  });
  write(`${indent}}${indent === '' ? '\n' : ''}`);
}

/** An array element already written as JSON text (by a writer that knows which of its parts repeat). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** An array, or a lazy sequence whose elements exist only while they are written. */
function writeArray(items: Iterable<unknown>, write: (text: string) => void, indent: string): void {
  let first = true;
  for (const item of items) {
    write(first ? `[\n${indent}  ` : `,\n${indent}  `);
    write(item instanceof RawJson ? item.text : JSON.stringify(item));
    first = false;
  }
  write(first ? '[]' : `\n${indent}]`);
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.iterator in value;
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether a nested object holds an array that must be streamed (SARIF's runs[0].results). */
function containsStreamed(value: object, streamed: ReadonlySet<string>): boolean {
  return Object.keys(value).some((key) => streamed.has(key));
}
