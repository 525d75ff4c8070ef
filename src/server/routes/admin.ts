/** GET /audit, /audit/{id} (analyst and up); /admin/keys (admin): the audit trail and API keys. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../model/index.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../../service/index.js';
import type { AuditLog } from '../../service/index.js';
import type { ServerDeps } from '../deps.js';
import { AuditRecordResponse, ErrorResponse } from '../schemas.js';

export function registerAdminRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const audit = deps.audit as AuditLog | null;

  r.get(
    '/audit',
    {
      config: { role: 'analyst' },
      schema: {
        tags: ['Audit'],
        summary: 'Screening decisions, newest first',
        querystring: z.object({
          from: z.string().optional(),
          to: z.string().optional(),
          key: z.string().optional(),
          action: z.string().optional(),
          entity: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req) => (audit ? audit.query({ from: req.query.from, to: req.query.to, principal: req.query.key, action: req.query.action, entity: req.query.entity, limit: req.query.limit, offset: req.query.offset }) : []),
  );

  r.get('/audit/:id', { config: { role: 'analyst' }, schema: { tags: ['Audit'], summary: 'One decision, with all it needs to be re-run', params: z.object({ id: z.string() }), response: { 200: AuditRecordResponse, 404: ErrorResponse } } }, async (req) => {
    const rec = audit ? await audit.get(req.params.id) : null;
    if (!rec) throw notFound(`no audit record ${req.params.id}`);
    return rec;
  });

  r.get('/admin/keys', { config: { role: 'admin' }, schema: { tags: ['Admin'], summary: 'API keys (without the keys themselves)' } }, async () => listApiKeys(deps.store));

  r.post(
    '/admin/keys',
    { config: { role: 'admin' }, schema: { tags: ['Admin'], summary: 'Create an API key; the key is shown once', body: z.object({ role: z.enum(['reader', 'analyst', 'admin']), label: z.string().max(200).optional() }) } },
    async (req, reply) => reply.status(201).send(await createApiKey(deps.store, req.body.role, req.body.label)),
  );

  r.delete('/admin/keys/:id', { config: { role: 'admin' }, schema: { tags: ['Admin'], summary: 'Revoke an API key', params: z.object({ id: z.string() }), response: { 200: z.object({ id: z.string(), revoked: z.boolean() }), 404: ErrorResponse } } }, async (req) => {
    if (!(await revokeApiKey(deps.store, req.params.id))) throw notFound(`no API key ${req.params.id}`);
    return { id: req.params.id, revoked: true };
  });
}
