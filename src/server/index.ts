/** Starting the HTTP server: the services it needs, the index built in the background, and shutdown. */
import type { FastifyInstance } from 'fastify';
import { AuditLog, EntityViews, JobRegistry, KeyCache, ScreeningService } from '../service/index.js';
import type { Store } from '../store/index.js';
import { buildApp } from './app.js';
import type { ServerDeps } from './deps.js';

export { buildApp } from './app.js';
export type { AuditEntry, AuditSink, KeyVerifier, Principal, Role, ServerDeps } from './deps.js';

export interface ServeOptions {
  store: Store;
  host: string;
  port: number;
  /** Require API keys even on a loopback address. */
  auth?: boolean;
  version: string;
  logger?: boolean;
  bodyLimit?: number;
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  deps: ServerDeps;
  /** Resolves when the screening index is built. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export async function createServer(opts: ServeOptions & { deferIndex?: boolean }): Promise<{ app: FastifyInstance; deps: ServerDeps; ready: Promise<void>; audit: AuditLog; startIndex: () => void }> {
  const screening = new ScreeningService(opts.store, 1000);
  const audit = new AuditLog(opts.store);
  let indexed = false;
  const deps: ServerDeps = {
    store: opts.store,
    screening,
    views: new EntityViews(opts.store),
    jobs: new JobRegistry(opts.store),
    version: opts.version,
    authRequired: opts.auth === true || !isLoopback(opts.host),
    keys: new KeyCache(opts.store),
    audit,
    ready: () => indexed,
  };
  const app = await buildApp(deps, { logger: opts.logger ?? false, ...(opts.bodyLimit ? { bodyLimit: opts.bodyLimit } : {}) });
  // The index builds once asked to (startServer asks after listening, so /healthz answers meanwhile).
  let startIndex!: () => void;
  const ready = new Promise<void>((resolve) => (startIndex = resolve))
    .then(() => screening.refresh())
    .then(() => {
      indexed = true;
    });
  if (!opts.deferIndex) startIndex();
  return { app, deps, ready, audit, startIndex };
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const { app, deps, ready, audit, startIndex } = await createServer({ ...opts, deferIndex: true });
  await app.listen({ host: opts.host, port: opts.port });
  startIndex();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    app,
    deps,
    url: `http://${host}:${port}`,
    ready,
    async close() {
      await app.close();
      await audit.flush();
    },
  };
}
