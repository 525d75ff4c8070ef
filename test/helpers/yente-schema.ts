/**
 * yente's response models as zod schemas (yente/data/common.py; nomenklatura/matching/types.py),
 * strict about what yente promises and open to extra fields — a yente client ignores fields it
 * does not know, so extra ones are allowed, missing or differently typed ones are not.
 */
import { z } from 'zod';

const Properties = z.record(z.string(), z.array(z.unknown()));

export const YenteEntityResponse = z.looseObject({
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

export const YenteScoredEntityResponse = YenteEntityResponse.extend({
  score: z.number(),
  features: z.record(z.string(), z.number()),
  explanations: z.record(z.string(), z.looseObject({ score: z.number(), detail: z.string().nullable() })),
  match: z.boolean(),
});

export const YenteEntityMatches = z.looseObject({
  status: z.number().int(),
  results: z.array(YenteScoredEntityResponse),
  total: z.looseObject({ value: z.number().int(), relation: z.string() }),
  query: z.looseObject({ id: z.string().nullable().optional(), schema: z.string(), properties: z.record(z.string(), z.array(z.unknown())) }),
});

export const YenteEntityMatchResponse = z.looseObject({
  responses: z.record(z.string(), YenteEntityMatches),
  matcher: z.record(z.string(), z.looseObject({ description: z.string().nullable(), coefficient: z.number(), url: z.string() })),
  limit: z.number().int(),
});

export const YenteSearchResponse = z.looseObject({
  limit: z.number().int(),
  offset: z.number().int(),
  total: z.looseObject({ value: z.number().int(), relation: z.string() }),
  results: z.array(YenteEntityResponse),
  facets: z.record(z.string(), z.looseObject({ label: z.string(), values: z.array(z.looseObject({ name: z.string(), label: z.string(), count: z.number().int() })) })),
});
