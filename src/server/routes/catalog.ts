/** GET /catalog, /algorithms, /healthz, /readyz — yente's shapes (DataCatalogModel, AlgorithmResponse). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALGORITHM, FEATURES } from '../../matching/index.js';
import { OFFICIAL_SOURCES } from '../../lists/index.js';
import type { ServerDeps } from '../deps.js';
import { ErrorResponse } from '../schemas.js';

export const DEFAULT_DATASET = 'default';

/** yente's algorithm names, all answered by endtrace's one algorithm. */
export const ALGORITHM_ALIASES = ['best', 'default', ALGORITHM, 'logic-v1', 'logic-v2', 'regression-v1', 'regression-v2', 'name-based', 'name-qualified'];

export function featureDocs(): Record<string, { description: string; coefficient: number; url: string }> {
  return Object.fromEntries(
    Object.entries(FEATURES).map(([name, description]) => [name, { description, coefficient: 1, url: 'https://github.com/endtrace/endtrace/blob/main/src/matching/algorithm/endtrace-v1.ts' }]),
  );
}

export function registerCatalogRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/healthz', { config: { role: 'public' }, schema: { tags: ['System'], summary: 'The server is up', response: { 200: z.object({ status: z.string() }) } } }, async () => ({ status: 'ok' }));

  r.get(
    '/readyz',
    { config: { role: 'public' }, schema: { tags: ['System'], summary: 'The screening index is built', response: { 200: z.object({ status: z.string() }), 503: ErrorResponse } } },
    async (_req, reply) => (deps.ready() ? { status: 'ok' } : reply.status(503).send({ detail: 'the index is being built', code: 'not_ready' })),
  );

  r.get('/catalog', { schema: { tags: ['System'], summary: 'The datasets: every loaded list, and `default` (all of them)' } }, async () => {
    const active = await deps.store.activeVersions();
    const names = active.map((v) => v.source);
    const datasets = active.map((v) => ({
      name: v.source,
      title: OFFICIAL_SOURCES.find((s) => s.id === v.source)?.title ?? v.source,
      summary: null,
      url: OFFICIAL_SOURCES.find((s) => s.id === v.source)?.homepage ?? null,
      load: true,
      entities_url: null,
      version: v.version,
      index_version: v.version,
      index_current: true,
      children: [] as string[],
      entity_count: v.entities,
      published: v.published,
      checksum: v.checksum,
    }));
    datasets.push({
      name: DEFAULT_DATASET,
      title: 'All loaded lists',
      summary: null,
      url: null,
      load: true,
      entities_url: null,
      version: active.map((v) => `${v.source}@${v.version}`).join(','),
      index_version: active.map((v) => v.id).join(','),
      index_current: true,
      children: names,
      entity_count: active.reduce((n, v) => n + v.entities, 0),
      published: null,
      checksum: '',
    });
    return { datasets, current: [...names, DEFAULT_DATASET], outdated: [], index_stale: false };
  });

  r.get('/algorithms', { schema: { tags: ['System'], summary: 'The scoring algorithms (yente names map to endtrace-v1)' } }, async () => ({
    algorithms: [{ name: ALGORITHM, description: 'Multilingual name alignment with identifier, date, country and gender evidence; explains every feature.', features: featureDocs() }],
    default: ALGORITHM,
    best: ALGORITHM,
  }));
}
