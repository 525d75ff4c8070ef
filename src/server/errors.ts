/**
 * The one error handler (hono's model): every error becomes `{detail, code}` with its status.
 * Input problems are 4xx with a message a client can act on; a fault of ours is a 500 with a
 * generic message — its stack goes to the log only, never to the client.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isEndtraceError } from '../model/index.js';

function validationDetail(err: FastifyError): string {
  const v = (err as unknown as { validation?: Array<{ instancePath?: string; message?: string; params?: { issue?: { path?: Array<string | number> } } }> }).validation ?? [];
  const parts = v.map((x) => {
    const path = x.params?.issue?.path?.join('.') || x.instancePath?.replace(/^\//, '').replace(/\//g, '.') || '';
    return `${path ? `${path}: ` : ''}${x.message ?? 'invalid'}`;
  });
  const where = (err as unknown as { validationContext?: string }).validationContext;
  return `invalid ${where ?? 'request'}: ${parts.join('; ') || err.message}`;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (isEndtraceError(err)) {
      if (err.status >= 500) req.log.error({ err }, 'request failed');
      return reply.status(err.status).send({ detail: err.oneLine(), code: err.code });
    }
    if (hasZodFastifySchemaValidationErrors(err) || (err as { validation?: unknown }).validation) {
      return reply.status(422).send({ detail: validationDetail(err), code: 'validation' });
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.status(413).send({ detail: `request body too large (limit ${app.initialConfig.bodyLimit} bytes)`, code: 'too_large' });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.status(415).send({ detail: `unsupported content type: ${req.headers['content-type'] ?? 'none'}`, code: 'media_type' });
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.status(400).send({ detail: 'the JSON body is empty', code: 'json' });
      default:
        break;
    }
    if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/.test(err.message) && (err.statusCode ?? 500) < 500) {
      return reply.status(400).send({ detail: `malformed JSON body: ${err.message}`, code: 'json' });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ detail: err.message, code: err.code ?? 'bad_request' });
    }
    req.log.error({ err }, 'request failed');
    return reply.status(500).send({ detail: 'internal server error', code: 'internal' });
  });
  app.setNotFoundHandler((req, reply) => reply.status(404).send({ detail: `no route ${req.method} ${req.url.split('?')[0]}`, code: 'not_found' }));
}
