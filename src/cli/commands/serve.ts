/**
 * `endtrace serve`: the HTTP API (yente-compatible endpoints, OpenAPI at /openapi.json, docs at
 * /docs). Local mode — a loopback address and no --auth — needs no key; on any other address,
 * or with --auth, every request needs an API key (`endtrace keys create`).
 */
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { usageError } from '../../model/index.js';
import { isLoopback, startServer } from '../../server/index.js';
import type { RunningServer } from '../../server/index.js';
import type { Store } from '../../store/index.js';
import type { GlobalOptions } from '../context.js';
import { makeContext } from '../context.js';
import { log } from '../output.js';
import { announce, reportListening, runPrimary, workerCount } from './serve-cluster.js';

export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export interface ServeFlags {
  port?: string;
  host?: string;
  auth?: boolean;
  workers?: string;
}

/** Starts the server on an open store and keeps it running until SIGINT/SIGTERM. */
export async function serveStore(store: Store, flags: ServeFlags, json: boolean): Promise<RunningServer> {
  const port = Number(flags.port ?? process.env.ENDTRACE_PORT ?? 8000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError('--port must be a port number');
  const host = flags.host ?? process.env.ENDTRACE_HOST ?? '127.0.0.1';
  const server = await startServer({ store, host, port, auth: flags.auth === true, version: packageVersion() });
  // A cluster worker leaves the announcement to the primary.
  if (cluster.isWorker) reportListening(server.url, server.deps.authRequired);
  else announce(server.url, server.deps.authRequired, json);
  if (!isLoopback(host) && !flags.auth && !cluster.isWorker) log('endtrace: bound beyond loopback: every request needs an API key');
  const t = performance.now();
  const who = cluster.isWorker ? `worker ${process.pid}: ` : '';
  void server.ready.then(() => log(`endtrace: ${who}screening index ready (${server.deps.screening.size.toLocaleString('en')} entities, ${((performance.now() - t) / 1000).toFixed(1)} s)`));
  const stop = async () => {
    log('endtrace: shutting down');
    await server.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return server;
}

export function registerServe(program: Command, globals: () => GlobalOptions): void {
  program
    .command('serve')
    .description('serve the HTTP API (yente-compatible) with OpenAPI and docs')
    .option('--port <port>', 'port (default 8000, env ENDTRACE_PORT)')
    .option('--host <host>', 'address to bind (default 127.0.0.1, env ENDTRACE_HOST)')
    .option('--auth', 'require API keys even on a loopback address')
    .option('--workers <n>', 'server processes sharing the port, each with its own index (default 1, env ENDTRACE_WORKERS; auto = one per core)')
    .action(async (flags: ServeFlags) => {
      const ctx = makeContext(globals());
      const { openStore } = await import('../../store/index.js');
      let workers: number;
      try {
        workers = workerCount(flags.workers, availableParallelism());
      } catch (err) {
        throw usageError((err as Error).message, 'workers');
      }
      if (cluster.isPrimary && workers > 1) {
        // Migrate once here, before the workers open the store side by side.
        await (await openStore(ctx.dbLocation)).close();
        await runPrimary(workers, ctx.json);
      }
      const store = await openStore(ctx.dbLocation);
      await serveStore(store, flags, ctx.json);
      // Runs until a signal stops it.
      await new Promise(() => undefined);
    });
}
