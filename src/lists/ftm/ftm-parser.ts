/**
 * FollowTheMoney entity lines (`entities.ftm.json`, as exported by OpenSanctions, nomenklatura
 * and Aleph): one JSON object per line, `{id, schema, properties: {prop: [values]}, …}`.
 * Schema: https://followthemoney.tech/docs/ and OpenSanctions' "FollowTheMoney JSON" export.
 * Each line is one bundle; lines with the same id are fragments of one entity and merge.
 */
import { FtMEntitySchema, entityFromFtM, inputError } from '../../model/index.js';
import type { EntityBundle } from '../../model/index.js';
import { readLines } from '../io/lines.js';
import type { ListMeta, ListParser, LoadUnit, ParseContext, Sniffer } from '../types.js';

export const ftmParser: ListParser = {
  format: 'ftm-json',

  async peek(): Promise<ListMeta> {
    return { published: null };
  },

  async *parse(unit: LoadUnit, ctx: ParseContext): AsyncGenerator<EntityBundle, ListMeta, undefined> {
    const file = unit.files[0];
    if (!file) throw inputError('no file to load', {}, 'layout');
    const unknownSchemata = new Set<string>();
    const unknownProps = new Set<string>();
    let latest: string | null = null;
    for await (const { text, line } of readLines(file.path, { name: file.name, onBytes: ctx.progress })) {
      if (!text.trim()) continue;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (err) {
        throw inputError(`invalid JSON (${(err as Error).message})`, { file: file.name, line }, 'json_syntax', err);
      }
      const parsed = FtMEntitySchema.safeParse(json);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        ctx.issue({ code: 'invalid_entity', message: `not an FtM entity: ${first?.path.join('.') || 'value'}: ${first?.message ?? 'invalid'}`, file: file.name, line });
        continue;
      }
      const origin = `${file.name}:${line}`;
      let result;
      try {
        result = entityFromFtM(parsed.data, origin);
      } catch {
        if (!unknownSchemata.has(parsed.data.schema)) {
          unknownSchemata.add(parsed.data.schema);
          ctx.issue({ code: 'unknown_schema', message: `unknown schema "${parsed.data.schema}"; entities of it are skipped`, file: file.name, line, record: parsed.data.id });
        }
        continue;
      }
      for (const p of result.unknownProps) {
        const key = `${parsed.data.schema}:${p}`;
        if (unknownProps.has(key)) continue;
        unknownProps.add(key);
        ctx.issue({ code: 'unknown_property', message: `property ${key} is not in the model; its values are skipped`, file: file.name, line, record: parsed.data.id });
      }
      const entity = result.entity;
      if (parsed.data.target === undefined) entity.target = entity.has('topics') && entity.get('topics').some((t) => t.startsWith('sanction'));
      for (const r of entity.rejected) {
        ctx.issue({ code: 'invalid_value', message: `${r.prop}: ${r.reason}: ${r.value}`, file: file.name, line, record: entity.id });
      }
      const change = parsed.data.last_change ?? null;
      if (change && (latest === null || change > latest)) latest = change;
      yield { root: entity, related: [] };
    }
    return { published: latest ? latest.slice(0, 10) : null };
  },
};

/** FtM lines: the first non-empty line is a JSON object with `id`, `schema` and `properties`. */
export const sniffFtm: Sniffer = (head) => {
  const first = head.split('\n').find((l) => l.trim());
  if (!first || !first.trimStart().startsWith('{')) return null;
  try {
    const obj = JSON.parse(first) as Record<string, unknown>;
    if (typeof obj.id === 'string' && typeof obj.schema === 'string' && typeof obj.properties === 'object') {
      return { format: 'ftm-json', source: '', role: 'main' };
    }
  } catch {
    // A first line longer than the head: fall back to a key test.
    if (/^\s*\{\s*"(id|schema|caption)"\s*:/.test(first) && /"schema"\s*:\s*"[A-Z]/.test(first) && /"properties"\s*:\s*\{/.test(first)) {
      return { format: 'ftm-json', source: '', role: 'main' };
    }
  }
  return null;
};
