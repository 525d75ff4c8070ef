/**
 * Settings, read from environment variables in one place, each with its default
 * (after yente's settings module). Command-line flags override these.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

const env = (name: string): string | undefined => {
  const v = process.env[name];
  return v === undefined || v === '' ? undefined : v;
};

export interface Settings {
  /** ENDTRACE_DB: SQLite file path, or a postgres:// URL. Default: ./data/endtrace.db in the working directory. */
  db: string;
  /** ENDTRACE_LISTS_DIR: a folder of list files to load when the official addresses cannot be reached. */
  listsDir: string | undefined;
  /** ENDTRACE_OFFLINE=1: never try the official download addresses. */
  offline: boolean;
  /** ENDTRACE_REGISTRY_BASE: replaces the scheme and host of every official address (tests, mirrors). */
  registryBase: string | undefined;
  /** ENDTRACE_DOWNLOAD_TIMEOUT_MS: time allowed to connect to an official address. */
  downloadTimeoutMs: number;
  /** ENDTRACE_CACHE_DIR: where downloads are kept between updates. */
  cacheDir: string;
}

export function loadSettings(): Settings {
  return {
    db: env('ENDTRACE_DB') ?? resolve('data', 'endtrace.db'),
    listsDir: env('ENDTRACE_LISTS_DIR'),
    offline: ['1', 'true', 'yes'].includes((env('ENDTRACE_OFFLINE') ?? '').toLowerCase()),
    registryBase: env('ENDTRACE_REGISTRY_BASE'),
    downloadTimeoutMs: Number(env('ENDTRACE_DOWNLOAD_TIMEOUT_MS') ?? 8000),
    cacheDir: env('ENDTRACE_CACHE_DIR') ?? join(homedir(), '.cache', 'endtrace'),
  };
}
