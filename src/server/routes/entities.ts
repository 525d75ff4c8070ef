/** GET /entities/{id} (yente: with `nested` adjacent entities) and GET /entities/{id}/neighbourhood (graph). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../model/index.js';
import { neighbourhood } from '../../service/index.js';
import type { ServerDeps } from '../deps.js';
import { ErrorResponse, NeighbourhoodResponse, NestedEntityResponse } from '../schemas.js';

const bool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])])
  .optional()
  .transform((v) => v === undefined || v === true || v === 'true' || v === '1' || v === 'yes');

export function registerEntityRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/entities/:id',
    {
      schema: {
        tags: ['Data access'],
        summary: 'One entity; with nested=true its adjacent entities (sanctions, links, ownership…) are embedded (yente-compatible)',
        params: z.object({ id: z.string().min(1).max(500) }),
        querystring: z.object({ nested: bool }),
        response: { 200: NestedEntityResponse, 404: ErrorResponse },
      },
    },
    async (req) => {
      const view = req.query.nested === false ? await deps.views.view(req.params.id) : await deps.views.nested(req.params.id);
      if (!view) throw notFound(`no entity with id ${req.params.id}`);
      return view;
    },
  );

  r.get(
    '/entities/:id/neighbourhood',
    {
      schema: {
        tags: ['Graph'],
        summary: 'Relations of an entity up to N hops, as nodes and edges',
        params: z.object({ id: z.string().min(1).max(500) }),
        querystring: z.object({ depth: z.coerce.number().int().min(1).max(4).default(1), max_nodes: z.coerce.number().int().min(1).max(2000).default(300) }),
        response: { 200: NeighbourhoodResponse, 404: ErrorResponse },
      },
    },
    async (req) => neighbourhood(deps.store, req.params.id, { depth: req.query.depth, maxNodes: req.query.max_nodes, views: deps.views }),
  );
}
