/**
 * API keys with roles. In local mode (bound to a loopback address, no --auth) every request is
 * the local admin. Otherwise every request except the public ones (health, OpenAPI, docs) needs
 * `Authorization: ApiKey <key>` (the hosted OpenSanctions API's scheme): 401 without a valid key,
 * 403 when the key's role is below the route's (reader < analyst < admin).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { EndtraceError } from '../model/index.js';
import { ROLE_RANK } from './deps.js';
import type { Principal, RouteRole, ServerDeps } from './deps.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
  interface FastifyContextConfig {
    role?: RouteRole;
  }
}

const LOCAL: Principal = { id: 'local', role: 'admin' };

function keyOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const m = header.match(/^(?:ApiKey|Bearer|Token)\s+(\S+)$/i);
  return m ? m[1] : header.trim();
}

export function installAuth(app: FastifyInstance, deps: ServerDeps): void {
  app.decorateRequest('principal', null as unknown as Principal);
  app.addHook('onRequest', async (req) => {
    const required: RouteRole = (req.routeOptions.config as { role?: RouteRole } | undefined)?.role ?? (req.url.startsWith('/docs') ? 'public' : 'reader');
    if (!deps.authRequired) {
      req.principal = LOCAL;
      return;
    }
    if (required === 'public') return;
    const key = keyOf(req);
    if (!key) throw new EndtraceError('unauthorized', 'an API key is required: send "Authorization: ApiKey <key>"', { code: 'no_key' });
    const principal = deps.keys ? await deps.keys.verify(key) : null;
    if (!principal) throw new EndtraceError('unauthorized', 'the API key is not valid (unknown or revoked)', { code: 'bad_key' });
    if (ROLE_RANK[principal.role] < ROLE_RANK[required]) {
      throw new EndtraceError('forbidden', `this needs the ${required} role; the key has ${principal.role}`, { code: 'role' });
    }
    req.principal = principal;
  });
}
