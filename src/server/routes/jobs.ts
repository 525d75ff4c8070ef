/**
 * POST /screen/batch — screening of an uploaded CSV (columns name, schema, birth_date, country,
 * id) as an asynchronous job with progress; GET /jobs/{id} for its state and GET
 * /jobs/{id}/results(.csv) for the results. Jobs live in the store (service/jobs.ts), so any
 * server process over it answers for a job another one started.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { inputError, notFound, usageError } from '../../model/index.js';
import { toMatchInput } from '../../service/index.js';
import type { ScreenHit, ScreenQuery } from '../../service/index.js';
import type { ServerDeps } from '../deps.js';
import { ErrorResponse } from '../schemas.js';

interface BatchRow {
  row: number;
  query: ScreenQuery;
  error?: string;
  results: Array<Pick<ScreenHit, 'id' | 'caption' | 'schema' | 'source' | 'score' | 'match'>>;
}

interface BatchResult {
  algorithm: string;
  lists: Record<string, string>;
  rows: BatchRow[];
}

const FORMULA = /^[=+\-@\t\r]/;
const safe = (v: unknown) => {
  const s = v === undefined || v === null ? '' : String(v);
  return FORMULA.test(s) ? `'${s}` : s;
};

async function uploadedText(req: FastifyRequest): Promise<string> {
  if (req.isMultipart()) {
    const file = await req.file();
    if (!file) throw usageError('no file in the upload', 'no_file');
    const buf = await file.toBuffer();
    return buf.toString('utf8');
  }
  if (typeof req.body === 'string') return req.body;
  throw usageError('send the CSV as multipart/form-data (field "file") or as a text/csv body', 'no_file');
}

export function registerJobRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // A server that stops records its unfinished jobs as failed rather than leaving them to go stale.
  app.addHook('onClose', async () => deps.jobs.close());
  const JobView = z.object({ id: z.string(), kind: z.string(), status: z.string(), total: z.number(), done: z.number(), createdAt: z.string(), finishedAt: z.string().nullable(), error: z.string().nullable() });

  r.post(
    '/screen/batch',
    {
      schema: {
        tags: ['Screening'],
        summary: 'Screen a CSV of parties as a background job (columns: name, schema, birth_date, country, id)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(50).default(5), threshold: z.coerce.number().min(0).max(1).optional() }),
        response: { 202: JobView, 400: ErrorResponse, 413: ErrorResponse },
      },
    },
    async (req, reply) => {
      const text = await uploadedText(req);
      let records: Array<Record<string, string>>;
      try {
        records = parse(text, { columns: (h: string[]) => h.map((x) => x.trim().toLowerCase().replace(/[\s-]+/g, '_')), skip_empty_lines: true, relax_column_count: true, bom: true });
      } catch (err) {
        const e = err as { lines?: number; message: string };
        throw inputError(`malformed CSV: ${e.message}`, { file: 'upload', line: e.lines }, 'csv_syntax', err);
      }
      if (!records.length) throw usageError('the CSV has no rows', 'empty');
      if (!('name' in records[0]!)) throw usageError('the CSV header must have a "name" column', 'layout');
      const queries: ScreenQuery[] = records.map((x) => ({ name: x.name || undefined, schema: x.schema || undefined, birthDate: x.birth_date || undefined, country: x.country || undefined, id: x.id || undefined }));
      const principal = req.principal?.id ?? 'anonymous';
      const job = await deps.jobs.start('screen-batch', queries.length, principal, async (progress) => {
        const lists = await deps.screening.refresh();
        const rows: BatchRow[] = [];
        let algorithm = '';
        for (let i = 0; i < queries.length; i++) {
          const query = queries[i]!;
          try {
            const res = deps.screening.screenPrepared(toMatchInput(query), lists, { limit: req.query.limit, threshold: req.query.threshold });
            algorithm = res.algorithm;
            rows.push({ row: i + 1, query, results: res.results.map(({ id, caption, schema, source, score, match }) => ({ id, caption, schema, source, score, match })) });
          } catch (err) {
            rows.push({ row: i + 1, query, error: (err as Error).message, results: [] });
          }
          if (i % 50 === 49) {
            progress(i + 1);
            // Keep the server responsive between chunks.
            await new Promise((resolve) => setImmediate(resolve));
          }
        }
        deps.audit?.record({ action: 'screen-batch', principal, query: { rows: queries.length }, results: rows.map((x) => ({ row: x.row, name: x.query.name, results: x.results.map(({ id, score, match }) => ({ id, score, match })) })), algorithm, lists, params: { limit: req.query.limit, threshold: req.query.threshold } });
        return { algorithm, lists, rows } satisfies BatchResult;
      });
      return reply.status(202).send(job);
    },
  );

  r.get('/jobs/:id', { schema: { tags: ['Screening'], summary: 'State and progress of a job', params: z.object({ id: z.string() }), response: { 200: JobView, 404: ErrorResponse } } }, async (req) => {
    const job = await deps.jobs.get(req.params.id);
    if (!job || (deps.authRequired && job.owner !== req.principal.id && req.principal.role !== 'admin')) throw notFound(`no job ${req.params.id}`);
    return job;
  });

  r.get(
    '/jobs/:id/results',
    { schema: { tags: ['Screening'], summary: 'Results of a finished job: JSON, or CSV with format=csv', params: z.object({ id: z.string() }), querystring: z.object({ format: z.enum(['json', 'csv']).default('json') }) } },
    async (req, reply) => {
      const job = await deps.jobs.get(req.params.id);
      if (!job || (deps.authRequired && job.owner !== req.principal.id && req.principal.role !== 'admin')) throw notFound(`no job ${req.params.id}`);
      if (job.status !== 'done') throw usageError(`job ${job.id} is ${job.status}`, 'not_done');
      const result = (await deps.jobs.result(job.id)) as BatchResult | null | undefined;
      // Pruned by another process since.
      if (!result) throw notFound(`no job ${req.params.id}`);
      if (req.query.format === 'json') return result;
      const lines: unknown[][] = [];
      for (const row of result.rows) {
        if (!row.results.length) lines.push([row.row, row.query.name, '', '', '', '', '', row.error ?? '']);
        for (const h of row.results) lines.push([row.row, row.query.name, h.id, h.caption, h.source, h.score, h.match, '']);
      }
      const csv = stringify(lines.map((l) => l.map(safe)), { header: true, columns: ['row', 'query_name', 'entity_id', 'caption', 'list', 'score', 'match', 'error'] });
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="screening-${job.id}.csv"`).send(csv);
    },
  );
}
