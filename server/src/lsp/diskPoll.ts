// What changed on disk, for a client that cannot watch files for the server (no dynamically registered
// workspace/didChangeWatchedFiles: Neovim before 0.9). Polls the files the server judges and the folders they are in: a
// file's size or modification time tells a change, a folder's listing a file created or deleted (a quick fix's new
// sovereign-lint.json, the package-lock.json `npm install` writes). Nothing is read but what `stat` and `readdir` give.
import fs from 'node:fs';
import path from 'node:path';
import { FileChangeType, type FileEvent } from 'vscode-languageserver/node';
import { pathToFileURL } from 'node:url';

/** The pause between two polls: changes show within it, and a few hundred stat calls a second cost next to nothing. */
export const POLL_INTERVAL_MS = 1000;
/** A poll takes at most this share of the time: a monorepo of thousands of folders is polled less often. */
const MAX_POLL_SHARE = 0.05;

export interface PolledPaths {
  /** Files whose changes matter. */
  files: string[];
  /** Folders whose new and deleted files matter. */
  folders: string[];
}

/**
 * Polls what `paths()` names every interval and hands the changes to `changed`, as a client's watcher would send
 * them; `interesting` says which files created in a folder matter (a manifest, a lockfile, a config).
 */
export class DiskPoller {
  private readonly stamps = new Map<string, string>();
  private readonly listings = new Map<string, Set<string>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly paths: () => PolledPaths,
    private readonly interesting: (file: string) => boolean,
    private readonly changed: (changes: FileEvent[]) => void,
  ) {}

  start(): void {
    this.schedule(this.timed(() => this.poll()));
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(lastPollMs: number): void {
    this.timer = setTimeout(() => {
      let changes: FileEvent[] = [];
      const took = this.timed(() => (changes = this.poll()));
      if (changes.length > 0) this.changed(changes);
      if (this.timer) this.schedule(took);
    }, Math.max(POLL_INTERVAL_MS, lastPollMs / MAX_POLL_SHARE));
    // Polling never keeps the server alive: it ends with the client's connection.
    this.timer.unref();
  }

  private timed(run: () => void): number {
    const started = performance.now();
    run();
    return performance.now() - started;
  }

  /** Records what is on disk now, and returns how it differs from the last poll (nothing, the first time). */
  private poll(): FileEvent[] {
    const { files, folders } = this.paths();
    const changes = new Map<string, FileChangeType>();
    for (const folder of new Set(folders)) {
      const now = listing(folder, this.interesting);
      const before = this.listings.get(folder);
      this.listings.set(folder, now);
      if (!before) continue;
      for (const file of now) if (!before.has(file)) changes.set(file, FileChangeType.Created);
      for (const file of before) if (!now.has(file)) changes.set(file, FileChangeType.Deleted);
    }
    for (const file of new Set(files)) {
      const now = stamp(file);
      const before = this.stamps.get(file);
      this.stamps.set(file, now);
      if (before === undefined || before === now || changes.has(file)) continue;
      changes.set(file, now === GONE ? FileChangeType.Deleted : before === GONE ? FileChangeType.Created : FileChangeType.Changed);
    }
    return [...changes].map(([file, type]) => ({ uri: pathToFileURL(file).href, type }));
  }
}

const GONE = 'gone';

function stamp(file: string): string {
  const stats = fs.statSync(file, { throwIfNoEntry: false });
  return stats ? `${stats.size}:${stats.mtimeMs}` : GONE;
}

function listing(folder: string, interesting: (file: string) => boolean): Set<string> {
  try {
    return new Set(fs.readdirSync(folder).map((name) => path.join(folder, name)).filter(interesting));
  } catch {
    return new Set();
  }
}
