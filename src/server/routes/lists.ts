/** GET /lists, /lists/{source}/versions, /lists/{source}/diff; POST /lists/update (admin). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadSettings } from '../../config/index.js';
import { diffLists, listStatus, updateLists } from '../../service/index.js';
import type { ServerDeps } from '../deps.js';
import { DiffResponse, ErrorResponse } from '../schemas.js';

const ListStatus = z.object({ source: z.string(), version: z.string(), published: z.string().nullable(), entities: z.number(), checksum: z.string(), loadedAt: z.string() });

export function registerListRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/lists', { schema: { tags: ['Lists'], summary: 'Active version of every list', response: { 200: z.array(ListStatus) } } }, async () => listStatus(deps.store));

  r.get(
    '/lists/:source/versions',
    { schema: { tags: ['Lists'], summary: 'Every loaded version of a list, newest load first', params: z.object({ source: z.string() }) } },
    async (req) => deps.store.versions(req.params.source),
  );

  r.get(
    '/lists/:source/diff',
    {
      schema: {
        tags: ['Lists'],
        summary: 'Entities added, removed and modified between two versions (default: the two newest)',
        params: z.object({ source: z.string() }),
        querystring: z.object({ from: z.string().optional(), to: z.string().optional(), details: z.enum(['true', 'false']).default('false') }),
        response: { 200: DiffResponse, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => diffLists(deps.store, req.params.source, { from: req.query.from, to: req.query.to, details: req.query.details === 'true' }),
  );

  r.post(
    '/lists/update',
    {
      config: { role: 'admin' },
      schema: { tags: ['Lists'], summary: 'Download the lists from their official addresses (admin)', body: z.object({ sources: z.array(z.string()).optional() }).optional() },
    },
    async (req) => {
      const settings = loadSettings();
      const results = await updateLists(deps.store, {
        sources: req.body?.sources,
        base: settings.registryBase,
        cacheDir: settings.cacheDir,
        timeoutMs: settings.downloadTimeoutMs,
      });
      await deps.screening.refresh();
      return results.map((x) => ({ source: x.source, url: x.url, status: x.status, version: x.version?.version ?? null, error: x.error?.oneLine() ?? null }));
    },
  );
}
