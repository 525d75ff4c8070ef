/**
 * POST /match/{dataset} — yente's query-by-example matcher, same path, parameters and JSON:
 * a batch of FtM-shaped examples in, for each the scored candidates with explanations out.
 * Every decision goes to the audit trail with the algorithm and list versions used.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALGORITHM } from '../../matching/index.js';
import { Entity, model, usageError } from '../../model/index.js';
import type { MatchInput } from '../../matching/index.js';
import type { ServerDeps } from '../deps.js';
import { EntityMatchQuery, EntityMatchResponse, ErrorResponse, MatchParams } from '../schemas.js';
import { ALGORITHM_ALIASES, featureDocs } from './catalog.js';
import { intersect, resolveDataset } from './datasets.js';
import { scoredResponse } from './presenters.js';

const MAX_BATCH = 100;

/** Query properties as lists of strings (yente accepts a bare string for one value). */
function cleanProperties(props: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(props)) {
    const values = (Array.isArray(v) ? v : [v]).filter((x) => x !== null && x !== undefined && String(x).trim() !== '').map(String);
    if (values.length) out[k] = values;
  }
  return out;
}

/** The query as echoed back: values cleaned by the model (country "Russia" → "ru", dates to ISO). */
function echo(input: MatchInput): { id?: string; schema: string; properties: Record<string, string[]> } {
  const entity = new Entity(input.schema, input.id ?? 'query');
  const properties: Record<string, string[]> = {};
  for (const [prop, values] of Object.entries(input.properties)) {
    if (!entity.schema.getProperty(prop)) continue;
    entity.add(prop, values);
    // A value the model cannot clean is echoed as given.
    properties[prop] = entity.has(prop) ? entity.get(prop) : [...values];
    for (const v of values) if (entity.rejected.some((r) => r.prop === prop && r.value === v)) properties[prop]!.push(v);
  }
  return { ...(input.id ? { id: input.id } : {}), schema: input.schema, properties };
}

export function registerMatchRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/match/:dataset',
    {
      schema: {
        tags: ['Matching'],
        summary: 'Query by example matcher (yente-compatible)',
        description: 'Match entities (a person by name, birth date and nationality; a company by name, jurisdiction and registration number) against the dataset. `default` is every loaded list.',
        params: z.object({ dataset: z.string() }),
        querystring: MatchParams,
        body: EntityMatchQuery,
        response: { 200: EntityMatchResponse, 400: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (req, reply) => {
      const params = req.query;
      if (!ALGORITHM_ALIASES.includes(params.algorithm)) {
        throw usageError(`unknown algorithm "${params.algorithm}" (known: ${ALGORITHM_ALIASES.join(', ')})`, 'unknown_algorithm');
      }
      const names = Object.keys(req.body.queries);
      if (!names.length) throw usageError('no queries provided', 'no_queries');
      if (names.length > MAX_BATCH) throw usageError(`too many queries in one batch (limit: ${MAX_BATCH})`, 'batch_too_large');
      const datasets = intersect(await resolveDataset(deps, req.params.dataset), params.include_dataset);
      const threshold = params.threshold ?? 0.75;
      const cutoff = Math.min(params.cutoff ?? threshold, threshold);
      const responses: Record<string, unknown> = {};
      for (const name of names) {
        const example = req.body.queries[name]!;
        if (!model.get(example.schema)) throw usageError(`unknown schema "${example.schema}" in query "${name}"`, 'unknown_schema');
        const input: MatchInput = { id: example.id, schema: example.schema, properties: cleanProperties(example.properties) };
        const res = await deps.screening.screenInput(input, {
          limit: params.limit * 3,
          threshold,
          cutoff,
          datasets,
          excludeDatasets: params.exclude_dataset,
          excludeIds: params.exclude_entity_ids,
        });
        const results = [];
        for (const hit of res.results) {
          if (params.exclude_schema.includes(hit.schema)) continue;
          const scored = await scoredResponse(deps, hit);
          if (!scored) continue;
          if (params.topics.length && !params.topics.some((t) => (scored.properties.topics ?? []).includes(t))) continue;
          if (params.changed_since && (scored.last_change ?? '') < params.changed_since) continue;
          results.push(scored);
          if (results.length >= params.limit) break;
        }
        responses[name] = { status: 200, results, total: { value: results.length, relation: 'eq' }, query: echo(input) };
        deps.audit?.record({
          action: 'match',
          principal: req.principal?.id ?? 'anonymous',
          query: input,
          results: results.map((x) => ({ id: x.id, score: x.score, match: x.match })),
          algorithm: res.algorithm,
          lists: res.lists,
          params: { dataset: req.params.dataset, limit: params.limit, threshold, cutoff, include_dataset: params.include_dataset, exclude_dataset: params.exclude_dataset, exclude_schema: params.exclude_schema, exclude_entity_ids: params.exclude_entity_ids, topics: params.topics },
        });
      }
      void reply.header('x-batch-size', String(names.length));
      void reply.header('x-algorithm', ALGORITHM);
      return { responses, matcher: featureDocs(), limit: params.limit } as z.infer<typeof EntityMatchResponse>;
    },
  );
}
