/**
 * `endtrace start` (what `npm start` runs): bring the lists up to date — from the official
 * addresses when they can be reached, else from a local folder (ENDTRACE_LISTS_DIR, or
 * ../shared/data beside the repository) — into the default SQLite store, and print their status.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { listStatus, updateLists } from '../../service/index.js';
import type { GlobalOptions } from '../context.js';
import { makeContext } from '../context.js';
import { log } from '../output.js';
import { printStatus, progressReporter, runLoad } from './lists.js';

const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function localListsDir(explicit: string | undefined): string | undefined {
  if (explicit) return explicit;
  const shared = fileURLToPath(new URL('../shared/data', `file://${PACKAGE_ROOT}`));
  return existsSync(shared) ? shared : undefined;
}

export function registerStart(program: Command, globals: () => GlobalOptions): void {
  program
    .command('start')
    .description('load the official lists (online, else from a local folder) and show their status')
    .option('--offline', 'do not try the official addresses')
    .action(async (opts: { offline?: boolean }) => {
      const ctx = makeContext(globals());
      log(`endtrace: store ${ctx.dbLocation}`);
      process.exitCode = await ctx.withStore(async (store) => {
        let online = false;
        if (!opts.offline && !ctx.settings.offline && !ctx.settings.listsDir) {
          log('endtrace: checking the official list addresses…');
          const progress = progressReporter(ctx.json);
          const first = await updateLists(store, { sources: ['ofac-sdn'], base: ctx.settings.registryBase, cacheDir: ctx.settings.cacheDir, timeoutMs: ctx.settings.downloadTimeoutMs, progress });
          if (first[0]?.status !== 'unreachable') {
            online = true;
            const rest = await updateLists(store, { sources: ['ofac-cons', 'us-csl', 'uk-ofsi', 'un-sc'], base: ctx.settings.registryBase, cacheDir: ctx.settings.cacheDir, timeoutMs: ctx.settings.downloadTimeoutMs, progress });
            for (const r of [...first, ...rest]) log(`${r.source}: ${r.status}${r.error ? ` — ${r.error.oneLine()}` : ''}`);
          } else {
            log(`endtrace: offline (${first[0].error?.message ?? 'unreachable'}); using local files`);
          }
        }
        if (!online) {
          const dir = localListsDir(ctx.settings.listsDir);
          if (!dir) {
            log('endtrace: no local list folder: set ENDTRACE_LISTS_DIR to a folder of list files');
            printStatus(ctx, await listStatus(store));
            return 1;
          }
          log(`endtrace: loading lists from ${dir}`);
          const code = await runLoad(ctx, store, dir, {});
          return code;
        }
        printStatus(ctx, await listStatus(store));
        return 0;
      });
    });
}
