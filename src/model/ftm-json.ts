/**
 * FollowTheMoney JSON: one entity per line (`entities.ftm.json`), as written by
 * followthemoney/nomenklatura and served by yente. Schema: {id, schema, properties: {prop: [str]}}
 * plus optional caption, datasets, referents, target, first_seen, last_seen, last_change.
 */
import { z } from 'zod';
import { Entity } from './entity.js';
import type { FtMEntity } from './entity.js';
import { EndtraceError } from './errors.js';
import { model } from './schema.js';

export const FtMEntitySchema = z.object({
  id: z.string().min(1).max(1024),
  schema: z.string().min(1),
  caption: z.string().optional(),
  properties: z.record(z.string(), z.array(z.union([z.string(), z.number()]))).default({}),
  target: z.boolean().optional(),
  datasets: z.array(z.string()).optional(),
  referents: z.array(z.string()).optional(),
  first_seen: z.string().nullable().optional(),
  last_seen: z.string().nullable().optional(),
  last_change: z.string().nullable().optional(),
});

export type FtMInput = z.infer<typeof FtMEntitySchema>;

export interface FromFtMResult {
  entity: Entity;
  /** Properties the schema does not define; they are skipped. */
  unknownProps: string[];
}

/** An entity from a parsed FtM object; throws a usage error for an unknown schema. */
export function entityFromFtM(obj: FtMInput, origin?: string): FromFtMResult {
  const schema = model.get(obj.schema);
  if (!schema) throw new EndtraceError('input', `unknown schema "${obj.schema}"`, { code: 'unknown_schema' });
  const entity = new Entity(schema, obj.id, { origin, target: obj.target ?? false });
  const unknownProps: string[] = [];
  for (const [prop, values] of Object.entries(obj.properties)) {
    const p = schema.getProperty(prop);
    if (!p || p.stub) {
      unknownProps.push(prop);
      continue;
    }
    entity.add(prop, values.map(String));
  }
  return { entity, unknownProps };
}

export function entityToFtM(entity: Entity, extra: Partial<FtMEntity> = {}): FtMEntity {
  return { ...entity.toFtM(), ...extra };
}
