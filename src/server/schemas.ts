/**
 * Request and response schemas of the HTTP API (zod; the OpenAPI document is generated from
 * them). The yente-compatible ones follow yente's pydantic models (yente/data/common.py:
 * EntityExample, EntityMatchQuery, ScoredEntityResponse, EntityMatches, EntityMatchResponse,
 * SearchResponse, DataCatalogModel, AlgorithmResponse) so that existing clients work unchanged.
 */
import { z } from 'zod';

/** A property value as clients send it: one string or a list (numbers are accepted as text). */
const PropertyValues = z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))]);

export const EntityExample = z.object({
  id: z.string().max(500).optional(),
  schema: z.string({ error: 'schema is required' }).min(1),
  properties: z.record(z.string(), PropertyValues),
});

export const EntityMatchQuery = z.object({
  weights: z.record(z.string(), z.number()).default({}),
  config: z.record(z.string(), z.unknown()).default({}),
  queries: z.record(z.string(), EntityExample),
});

const list = z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const MatchParams = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(5),
  threshold: z.coerce.number().min(0).max(1).optional(),
  cutoff: z.coerce.number().min(0).max(1).optional(),
  algorithm: z.string().default('best'),
  include_dataset: list,
  exclude_dataset: list,
  exclude_schema: list,
  exclude_entity_ids: list,
  topics: list,
  changed_since: z.string().regex(/^\d{4}(-\d{2}(-\d{2}(T[\d:.]+Z?)?)?)?$/, 'changed_since must be an ISO date or timestamp').optional(),
  facets: list,
});

export const Properties = z.record(z.string(), z.array(z.unknown()));

export const EntityResponse = z.object({
  id: z.string(),
  caption: z.string(),
  schema: z.string(),
  properties: Properties,
  datasets: z.array(z.string()),
  referents: z.array(z.string()),
  target: z.boolean(),
  first_seen: z.string().nullable(),
  last_seen: z.string().nullable(),
  last_change: z.string().nullable(),
});

export const FeatureResult = z.object({ score: z.number(), detail: z.string().nullable() });

export const ScoredEntityResponse = EntityResponse.extend({
  score: z.number(),
  features: z.record(z.string(), z.number()),
  explanations: z.record(z.string(), FeatureResult),
  match: z.boolean(),
});

export const TotalSpec = z.object({ value: z.number().int(), relation: z.string() });

export const EntityMatches = z.object({
  status: z.number().int(),
  results: z.array(ScoredEntityResponse),
  total: TotalSpec,
  query: z.object({ id: z.string().optional(), schema: z.string(), properties: Properties }),
});

export const FeatureDoc = z.object({ description: z.string().nullable(), coefficient: z.number(), url: z.string() });

export const EntityMatchResponse = z.object({
  responses: z.record(z.string(), EntityMatches),
  matcher: z.record(z.string(), FeatureDoc),
  limit: z.number().int(),
});

export const SearchParams = z.object({
  q: z.string().max(1000).default(''),
  schema: z.string().optional(),
  countries: list,
  topics: list,
  datasets: list,
  exclude_dataset: list,
  include_dataset: list,
  limit: z.coerce.number().int().min(0).max(500).default(10),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  facets: list,
  fuzzy: z.string().optional(),
});

export const SearchFacet = z.object({
  label: z.string(),
  values: z.array(z.object({ name: z.string(), label: z.string(), count: z.number().int() })),
});

export const SearchResponse = z.object({
  limit: z.number().int(),
  offset: z.number().int(),
  total: TotalSpec,
  results: z.array(EntityResponse),
  facets: z.record(z.string(), SearchFacet),
});

export const ErrorResponse = z.object({ detail: z.string(), code: z.string().optional() });

export type EntityResponseT = z.infer<typeof EntityResponse>;
export type ScoredEntityResponseT = z.infer<typeof ScoredEntityResponse>;

/** An entity with adjacent entities nested into its properties. */
export const NestedEntityResponse = EntityResponse.extend({ properties: z.record(z.string(), z.array(z.unknown())) });

export const NeighbourhoodResponse = z.object({
  root: z.string(),
  depth: z.number().int(),
  nodes: z.array(z.object({ id: z.string(), caption: z.string(), schema: z.string(), datasets: z.array(z.string()), depth: z.number().int() })),
  edges: z.array(z.object({ id: z.string(), source: z.string(), target: z.string(), schema: z.string(), label: z.string() })),
  truncated: z.boolean(),
});

export const DiffResponse = z.object({
  source: z.string(),
  from: z.string(),
  to: z.string(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  modified: z.array(z.string()),
  details: z.unknown(),
});

export const AuditRecordResponse = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  principal: z.string(),
  query: z.unknown(),
  results: z.unknown(),
  algorithm: z.string(),
  lists: z.record(z.string(), z.string()),
  params: z.record(z.string(), z.unknown()),
});
