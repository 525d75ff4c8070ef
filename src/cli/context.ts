/** What every command shares: the global options and the store they select. */
import { loadSettings } from '../config/index.js';
import { usageError } from '../model/index.js';
import type { Settings } from '../config/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/index.js';

export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

export interface CommandContext {
  settings: Settings;
  json: boolean;
  dbLocation: string;
  withStore<T>(fn: (store: Store) => Promise<T>): Promise<T>;
}

export function makeContext(opts: GlobalOptions): CommandContext {
  const settings = loadSettings();
  if (!Number.isFinite(settings.downloadTimeoutMs) || settings.downloadTimeoutMs <= 0) {
    throw usageError(`ENDTRACE_DOWNLOAD_TIMEOUT_MS must be a positive number of milliseconds, not "${process.env.ENDTRACE_DOWNLOAD_TIMEOUT_MS}"`);
  }
  const dbLocation = opts.db ?? settings.db;
  return {
    settings,
    json: opts.json ?? false,
    dbLocation,
    async withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
      const store = await openStore(dbLocation);
      try {
        return await fn(store);
      } finally {
        await store.close();
      }
    },
  };
}
