/**
 * Writing a synthetic data set (src/synthetic) to a folder: every line file is streamed as the
 * generator produces it, with back-pressure, so memory stays bounded at any size. The folder must
 * be new, empty or an earlier output of this command (marked by `.endtrace-generate`); an earlier
 * output's documents are removed first, so that the folder holds exactly one data set.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { EndtraceError, usageError } from '../model/index.js';
import { FILES, generate, patternCounts } from '../synthetic/index.js';
import type { GenerateOptions, GroundTruth } from '../synthetic/index.js';

export interface GenerateDatasetOptions extends GenerateOptions {
  out: string;
  progress?(shipmentsDone: number, shipmentsTotal: number): void;
}

export interface GeneratedFile {
  /** Relative to the output folder. */
  path: string;
  /** Data rows (CSV: without the header; FtM: entity lines; documents/: files). */
  rows: number;
}

export interface GenerateReport {
  out: string;
  files: GeneratedFile[];
  patterns: Record<string, number>;
  truth: GroundTruth;
}

export const MARKER = '.endtrace-generate';
const CHUNK = 1 << 20;
const DOCUMENT_NAME = /^(invoice|letter|invitation|offer|itinerary)-\d{5}-(en|ru|zh)\.(txt|html)$/;

interface LineFile {
  stream: WriteStream;
  buffer: string;
  lines: number;
  error: Error | null;
}

async function prepareFolder(out: string): Promise<void> {
  let entries: string[] = [];
  try {
    entries = await readdir(out);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw writeError(out, err);
  }
  if (entries.length > 0 && !entries.includes(MARKER)) {
    throw usageError(`${out} is not empty and holds no earlier output of endtrace generate; give a new or empty folder`);
  }
  // An earlier output: remove what it wrote, so that a failed run leaves no stale ground truth.
  await Promise.all(Object.values(FILES).filter((f) => entries.includes(f)).map((f) => rm(join(out, f))));
  if (entries.includes('documents')) {
    const docs = await readdir(join(out, 'documents'));
    await Promise.all(docs.filter((d) => DOCUMENT_NAME.test(d)).map((d) => rm(join(out, 'documents', d))));
  }
  await mkdir(join(out, 'documents'), { recursive: true }).catch((err: unknown) => {
    throw writeError(out, err);
  });
  await writeFile(join(out, MARKER), 'This folder holds data written by `endtrace generate`; running it again here replaces it.\n');
}

function writeError(file: string, err: unknown): EndtraceError {
  return new EndtraceError('input', `cannot write: ${(err as Error).message}`, { code: 'write_failed', location: { file }, cause: err });
}

/** Resolves on 'drain' or on 'error' (the stream's own handler records the error). */
function drained(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
  });
}

async function flush(file: LineFile, path: string): Promise<void> {
  if (file.error) throw writeError(path, file.error);
  if (!file.buffer) return;
  const chunk = file.buffer;
  file.buffer = '';
  if (!file.stream.write(chunk)) await drained(file.stream);
  if (file.error) throw writeError(path, file.error);
}

export async function generateDataset(opts: GenerateDatasetOptions): Promise<GenerateReport> {
  const gen = generate({ seed: opts.seed, companies: opts.companies, shipments: opts.shipments }, opts.progress ? { progress: opts.progress } : {});
  // The first step checks the sizes and builds the world: a usage error leaves no folder behind.
  let step = gen.next();
  await prepareFolder(opts.out);
  const lineFiles = new Map<string, LineFile>();
  let documents = 0;
  let truth: GroundTruth | undefined;
  try {
    for (; ; step = gen.next()) {
      if (step.done) {
        truth = step.value;
        break;
      }
      const emit = step.value;
      if (emit.kind === 'file') {
        const path = join(opts.out, emit.file);
        if (emit.file.startsWith('documents/')) documents++;
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, emit.text).catch((err: unknown) => {
          throw writeError(path, err);
        });
        continue;
      }
      let f = lineFiles.get(emit.file);
      if (!f) {
        const created: LineFile = { stream: createWriteStream(join(opts.out, emit.file)), buffer: '', lines: 0, error: null };
        created.stream.on('error', (err) => (created.error = err));
        lineFiles.set(emit.file, created);
        f = created;
      }
      f.buffer += `${emit.text}\n`;
      f.lines++;
      if (f.buffer.length >= CHUNK) await flush(f, join(opts.out, emit.file));
    }
  } finally {
    for (const [name, f] of lineFiles) {
      await flush(f, join(opts.out, name)).catch(() => undefined);
      f.stream.end();
      if (!f.stream.closed) await once(f.stream, 'close').catch(() => undefined);
    }
  }
  for (const [name, f] of lineFiles) if (f.error) throw writeError(join(opts.out, name), f.error);
  const files: GeneratedFile[] = [...lineFiles].map(([name, f]) => ({ path: name, rows: name.endsWith('.csv') ? f.lines - 1 : f.lines }));
  files.push({ path: 'documents', rows: documents });
  return { out: opts.out, files, patterns: patternCounts(truth), truth };
}
