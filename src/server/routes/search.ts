/** GET /search/{dataset} — yente's text search with filters, paging and facets. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { countryName, typeValues } from '../../model/index.js';
import type { ServerDeps } from '../deps.js';
import { ErrorResponse, SearchParams, SearchResponse } from '../schemas.js';
import { intersect, resolveDataset } from './datasets.js';
import { entityResponse } from './presenters.js';

const FACET_LABELS: Record<string, string> = { countries: 'Countries', topics: 'Topics', datasets: 'Data sources', schema: 'Entity types' };

export function registerSearchRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/search/:dataset',
    {
      schema: {
        tags: ['Matching'],
        summary: 'Search entities by name or identifier (yente-compatible)',
        params: z.object({ dataset: z.string() }),
        querystring: SearchParams,
        response: { 200: SearchResponse, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => {
      const p = req.query;
      const datasets = intersect(await resolveDataset(deps, req.params.dataset), [...p.datasets, ...p.include_dataset]) ?? [];
      const facets = p.facets.length ? p.facets : ['countries', 'topics', 'datasets'];
      const page = await deps.screening.search({
        q: p.q,
        schema: p.schema,
        countries: p.countries,
        topics: p.topics,
        datasets,
        excludeDatasets: p.exclude_dataset,
        limit: p.limit,
        offset: p.offset,
        facets,
      });
      const results = [];
      for (const hit of page.hits) {
        const view = await entityResponse(deps, hit.entry.id);
        if (view) results.push(view);
      }
      const topicLabels = typeValues('topic');
      const facetOut: Record<string, { label: string; values: Array<{ name: string; label: string; count: number }> }> = {};
      for (const [name, counts] of Object.entries(page.facets)) {
        facetOut[name] = {
          label: FACET_LABELS[name] ?? name,
          values: Object.entries(counts)
            .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
            .map(([value, count]) => ({ name: value, label: (name === 'countries' ? countryName(value) : name === 'topics' ? topicLabels[value] : undefined) ?? value, count })),
        };
      }
      return { limit: p.limit, offset: p.offset, total: { value: page.total, relation: 'eq' }, results, facets: facetOut };
    },
  );
}
