/**
 * `endtrace start` (what `npm start` runs): bring the lists up to date — from the official
 * addresses when they can be reached (unless --offline or ENDTRACE_OFFLINE), else from a local
 * folder (ENDTRACE_LISTS_DIR, or ../shared/data beside the repository) — into the store, print
 * the status of every loaded source, then serve the HTTP API on it (unless --no-serve).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { listStatus } from '../../service/index.js';
import type { GlobalOptions } from '../context.js';
import { makeContext } from '../context.js';
import { log } from '../output.js';
import { logUpdateResults, printStatus, runLoad, runUpdate, updateFailed } from './lists.js';
import type { ServeFlags } from './serve.js';
import { serveStore } from './serve.js';

const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function localListsDir(explicit: string | undefined): string | undefined {
  if (explicit) return explicit;
  const shared = fileURLToPath(new URL('../shared/data', `file://${PACKAGE_ROOT}`));
  return existsSync(shared) ? shared : undefined;
}

export function registerStart(program: Command, globals: () => GlobalOptions): void {
  program
    .command('start')
    .description('load the official lists (online, else from a local folder), show their status, and serve the HTTP API')
    .option('--offline', 'do not try the official addresses')
    .option('--no-serve', 'exit after loading instead of serving the API')
    .option('--port <port>', 'port of the API (default 8000, env ENDTRACE_PORT)')
    .option('--host <host>', 'address to bind (default 127.0.0.1, env ENDTRACE_HOST)')
    .option('--auth', 'require API keys even on a loopback address')
    .action(async (opts: { offline?: boolean; serve: boolean } & ServeFlags) => {
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
        const status = await listStatus(store);
        printStatus(ctx, status);
        if (!opts.serve) return code;
        if (!status.length) {
          log('endtrace: no list is loaded; not serving');
          return 1;
        }
        if (code !== 0) log('endtrace: some lists failed to load (see above); serving the versions that are loaded');
        await serveStore(store, opts, ctx.json);
        // Runs until a signal stops it (serveStore closes the store and exits).
        return new Promise<number>(() => undefined);
      });
    });
}
