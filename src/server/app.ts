/**
 * The HTTP server (Fastify): yente-compatible screening endpoints, endtrace's own endpoints for
 * lists, graph neighbourhoods and batch jobs, an OpenAPI 3 document at /openapi.json with a docs
 * page at /docs, API-key authentication with roles, request-size limits, and one error handler.
 * Routes are thin: they validate (zod), call a use case, and shape the JSON.
 */
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ServerDeps } from './deps.js';
import { installAuth } from './auth.js';
import { installErrorHandler } from './errors.js';
import { registerCatalogRoutes } from './routes/catalog.js';
import { registerEntityRoutes } from './routes/entities.js';
import { registerJobRoutes } from './routes/jobs.js';
import { registerListRoutes } from './routes/lists.js';
import { registerMatchRoutes } from './routes/match.js';
import { registerReconcileRoutes } from './routes/reconcile.js';
import { registerSearchRoutes } from './routes/search.js';
import { registerAdminRoutes } from './routes/admin.js';

export interface AppOptions {
  /** Largest request body, in bytes. */
  bodyLimit?: number;
  logger?: boolean;
}

export async function buildApp(deps: ServerDeps, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: opts.bodyLimit ?? 2 * 1024 * 1024,
    logger: opts.logger ?? false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Responses are plain JSON: schemas document them in OpenAPI without costing time per request.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installErrorHandler(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'endtrace API',
        description:
          'Sanctions screening and end-use monitoring. The /match, /search, /entities, /reconcile, /catalog and /algorithms endpoints follow the OpenSanctions yente API, so that its clients work unchanged.',
        version: deps.version,
      },
      components: { securitySchemes: { ApiKey: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Authorization: ApiKey <key>' } } },
      security: deps.authRequired ? [{ ApiKey: [] }] : [],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  await app.register(multipart, { limits: { fileSize: deps.uploadLimit ?? 50 * 1024 * 1024, files: 1 } });
  app.addContentTypeParser(['text/csv', 'text/plain', 'application/x-ndjson'], { parseAs: 'string', bodyLimit: deps.uploadLimit ?? 50 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    } catch (err) {
      done(err as Error, undefined);
    }
  });

  installAuth(app, deps);
  app.get('/openapi.json', { schema: { hide: true }, config: { role: 'public' } }, async () => app.swagger());
  registerCatalogRoutes(app, deps);
  registerMatchRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerEntityRoutes(app, deps);
  registerReconcileRoutes(app, deps);
  registerListRoutes(app, deps);
  registerJobRoutes(app, deps);
  registerAdminRoutes(app, deps);
  return app;
}
