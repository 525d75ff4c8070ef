/**
 * /reconcile/{dataset} — the W3C Reconciliation Service API (version 0.2, as OpenRefine uses it;
 * https://www.w3.org/community/reports/reconciliation/CG-FINAL-specs-0.2-20230410/): the service
 * manifest, reconciliation queries (GET or POST, `queries` as JSON, form-encoded or in a JSON
 * body), entity/type/property suggest, and data extension (propose properties, extend).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { model, usageError } from '../../model/index.js';
import type { ServerDeps } from '../deps.js';
import { resolveDataset } from './datasets.js';

const MATCHABLE = ['Person', 'Company', 'Organization', 'LegalEntity', 'Vessel', 'Airplane', 'PublicBody'];

const ReconQuery = z.object({
  query: z.string().min(1).max(1000),
  type: z.union([z.string(), z.array(z.string())]).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  properties: z.array(z.object({ pid: z.string(), v: z.unknown() })).optional(),
});

function baseUrl(req: FastifyRequest): string {
  const proto = (req.headers['x-forwarded-proto'] as string | undefined) ?? req.protocol;
  return `${proto}://${req.headers.host ?? 'localhost'}`;
}

function parseJsonParam<T>(raw: unknown, name: string): T {
  if (raw === undefined || raw === null || raw === '') throw usageError(`the ${name} parameter is missing`, 'missing_parameter');
  if (typeof raw !== 'string') return raw as T;
  try {
    return JSON.parse(raw) as T;
  } catch (err) {
    throw usageError(`the ${name} parameter is not valid JSON: ${(err as Error).message}`, 'json');
  }
}

export function registerReconcileRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const manifest = (req: FastifyRequest, dataset: string) => {
    const base = `${baseUrl(req)}/reconcile/${dataset}`;
    return {
      versions: ['0.2'],
      name: `endtrace (${dataset})`,
      identifierSpace: 'https://endtrace.example/ns/entity',
      schemaSpace: 'https://followthemoney.tech/explorer/schemata',
      view: { url: `${baseUrl(req)}/entities/{{id}}` },
      defaultTypes: MATCHABLE.map((id) => ({ id, name: model.schema(id).label })),
      suggest: {
        entity: { service_url: base, service_path: '/suggest/entity' },
        type: { service_url: base, service_path: '/suggest/type' },
        property: { service_url: base, service_path: '/suggest/property' },
      },
      extend: {
        propose_properties: { service_url: base, service_path: '/extend/propose' },
        property_settings: [],
      },
    };
  };

  const reconcile = async (req: FastifyRequest, dataset: string, rawQueries: unknown) => {
    const datasets = await resolveDataset(deps, dataset);
    const queries = parseJsonParam<Record<string, unknown>>(rawQueries, 'queries');
    if (typeof queries !== 'object' || !queries || Object.keys(queries).length > 100) throw usageError('queries must be an object of at most 100 queries', 'queries');
    const out: Record<string, { result: unknown[] }> = {};
    for (const [key, raw] of Object.entries(queries)) {
      const parsed = ReconQuery.safeParse(raw);
      if (!parsed.success) throw usageError(`query ${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}`, 'query');
      const q = parsed.data;
      const type = Array.isArray(q.type) ? q.type[0] : q.type;
      if (type && !model.get(type)) throw usageError(`query ${key}: unknown type ${type}`, 'unknown_schema');
      const properties: Record<string, string[]> = { name: [q.query] };
      for (const pv of q.properties ?? []) {
        if (!model.get(type ?? 'LegalEntity')?.getProperty(pv.pid)) continue;
        properties[pv.pid] = (Array.isArray(pv.v) ? pv.v : [pv.v]).map((v) => (typeof v === 'object' && v && 'id' in v ? String((v as { id: unknown }).id) : String(v)));
      }
      const res = await deps.screening.screenInput({ schema: type ?? 'LegalEntity', properties }, { limit: q.limit ?? 5, datasets, cutoff: 0.5 });
      out[key] = {
        result: res.results.map((h) => ({
          id: h.id,
          name: h.caption,
          score: Math.round(h.score * 100),
          match: h.match,
          type: [{ id: h.schema, name: model.get(h.schema)?.label ?? h.schema }],
          description: h.datasets.join(', '),
        })),
      };
      deps.audit?.record({
        action: 'reconcile',
        principal: req.principal?.id ?? 'anonymous',
        query: { schema: type ?? 'LegalEntity', properties },
        results: res.results.map((h) => ({ id: h.id, score: h.score, match: h.match })),
        algorithm: res.algorithm,
        lists: res.lists,
        params: { dataset },
      });
    }
    return out;
  };

  const ds = z.object({ dataset: z.string() });
  r.get('/reconcile/:dataset', { schema: { tags: ['Reconciliation'], summary: 'Manifest, or queries (`queries` parameter)', params: ds, querystring: z.object({ queries: z.string().optional(), callback: z.string().optional() }) } }, async (req) => {
    if (req.query.queries) return reconcile(req, req.params.dataset, req.query.queries);
    await resolveDataset(deps, req.params.dataset);
    return manifest(req, req.params.dataset);
  });
  r.post('/reconcile/:dataset', { schema: { tags: ['Reconciliation'], summary: 'Reconciliation queries (form-encoded or JSON `queries`)', params: ds } }, async (req) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (body.extend !== undefined) return extend(deps, req.params.dataset, body.extend);
    return reconcile(req, req.params.dataset, body.queries ?? body);
  });

  r.get('/reconcile/:dataset/suggest/entity', { schema: { tags: ['Reconciliation'], params: ds, querystring: z.object({ prefix: z.string().default(''), limit: z.coerce.number().int().min(1).max(50).default(10) }) } }, async (req) => {
    const datasets = await resolveDataset(deps, req.params.dataset);
    const page = await deps.screening.search({ q: req.query.prefix, countries: [], topics: [], datasets: datasets ?? [], excludeDatasets: [], limit: req.query.limit, offset: 0, facets: [] });
    return {
      code: '/api/status/ok',
      status: '200 OK',
      prefix: req.query.prefix,
      result: page.hits.map((h) => ({ id: h.entry.id, name: h.entry.caption, description: h.entry.datasets.join(', '), notable: [{ id: h.entry.schema, name: h.entry.schema }] })),
    };
  });
  r.get('/reconcile/:dataset/suggest/type', { schema: { tags: ['Reconciliation'], params: ds, querystring: z.object({ prefix: z.string().default('') }) } }, async (req) => {
    const prefix = req.query.prefix.toLowerCase();
    return { code: '/api/status/ok', status: '200 OK', prefix: req.query.prefix, result: MATCHABLE.filter((s) => s.toLowerCase().startsWith(prefix)).map((id) => ({ id, name: model.schema(id).label })) };
  });
  r.get('/reconcile/:dataset/suggest/property', { schema: { tags: ['Reconciliation'], params: ds, querystring: z.object({ prefix: z.string().default('') }) } }, async (req) => {
    const prefix = req.query.prefix.toLowerCase();
    const props = [...model.schema('LegalEntity').properties.values(), ...model.schema('Person').properties.values()].filter((p) => !p.stub && p.type !== 'entity');
    const seen = new Set<string>();
    return {
      code: '/api/status/ok',
      status: '200 OK',
      prefix: req.query.prefix,
      result: props.filter((p) => (p.name.toLowerCase().startsWith(prefix) || p.label.toLowerCase().startsWith(prefix)) && !seen.has(p.name) && seen.add(p.name)).map((p) => ({ id: p.name, name: p.label })),
    };
  });
  r.get('/reconcile/:dataset/extend/propose', { schema: { tags: ['Reconciliation'], params: ds, querystring: z.object({ type: z.string().default('LegalEntity'), limit: z.coerce.number().int().min(1).max(200).default(50) }) } }, async (req) => {
    const schema = model.get(req.query.type);
    if (!schema) throw usageError(`unknown type ${req.query.type}`, 'unknown_schema');
    const props = [...schema.properties.values()].filter((p) => !p.stub && p.type !== 'entity' && p.type !== 'text').slice(0, req.query.limit);
    return { type: schema.name, properties: props.map((p) => ({ id: p.name, name: p.label })) };
  });
}

async function extend(deps: ServerDeps, dataset: string, raw: unknown) {
  await resolveDataset(deps, dataset);
  const spec = parseJsonParam<{ ids?: unknown; properties?: unknown }>(raw, 'extend');
  const ids = z.array(z.string()).max(500).parse(spec.ids ?? []);
  const properties = z.array(z.object({ id: z.string() })).max(50).parse(spec.properties ?? []);
  const rows: Record<string, Record<string, Array<{ str: string }>>> = {};
  for (const id of ids) {
    const view = await deps.views.view(id);
    const row: Record<string, Array<{ str: string }>> = {};
    for (const p of properties) row[p.id] = ((view?.properties[p.id] ?? []) as unknown[]).map((v) => ({ str: String(v) }));
    rows[id] = row;
  }
  return { meta: properties.map((p) => ({ id: p.id, name: model.get('LegalEntity')?.getProperty(p.id)?.label ?? p.id })), rows };
}
