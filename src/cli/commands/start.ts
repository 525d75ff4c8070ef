/**
 * `endtrace start` (what `npm start` runs): bring the lists up to date — from the official
 * addresses when they can be reached (unless --offline or ENDTRACE_OFFLINE), else from a local
 * folder (ENDTRACE_LISTS_DIR, or ../shared/data beside the repository) — into the store, and
 * print the status of every loaded source.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { listStatus } from '../../service/index.js';
import type { GlobalOptions } from '../context.js';
import { makeContext } from '../context.js';
import { log } from '../output.js';
import { logUpdateResults, printStatus, runLoad, runUpdate, updateFailed } from './lists.js';

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
        let code = 0;
        let online = false;
        if (!opts.offline && !ctx.settings.offline) {
          log('endtrace: checking the official list addresses…');
          // The first source tells whether the addresses can be reached at all.
          const first = await runUpdate(ctx, store, ['ofac-sdn'], ctx.settings.registryBase, { quiet: true });
          if (first[0]?.status !== 'unreachable') {
            online = true;
            const rest = await runUpdate(ctx, store, ['ofac-cons', 'us-csl', 'uk-ofsi', 'un-sc'], ctx.settings.registryBase, { quiet: true });
            logUpdateResults([...first, ...rest]);
            if (updateFailed([...first, ...rest])) code = 1;
          } else {
            log(`endtrace: offline (${first[0].error?.oneLine() ?? 'unreachable'}); using local files`);
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
          code = (await runLoad(ctx, store, dir, {})).code;
        }
        printStatus(ctx, await listStatus(store));
        return code;
      });
    });
}
