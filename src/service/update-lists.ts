/**
 * Updating lists from their official addresses: a conditional GET (ETag / Last-Modified), the
 * download streamed to a part file with its sha256, checks for a truncated body (Content-Length)
 * and a corrupted one (Content-MD5 / Digest headers, then the parse itself), and only then a
 * load, which swaps the new version in atomically. A broken download never replaces good data.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { EndtraceError, inputError, isEndtraceError } from '../model/index.js';
import { OFFICIAL_SOURCES, officialSource, sniffFile, sourceUrl } from '../lists/index.js';
import type { OfficialSource } from '../lists/index.js';
import type { Store, VersionInfo } from '../store/index.js';
import { sha256File } from './file-checksum.js';
import { loadLists } from './load-lists.js';
import type { LoadProgress } from './load-lists.js';

export interface DownloadProgress {
  downloadStart?(source: OfficialSource, url: string, totalBytes: number | null): void;
  downloadBytes?(received: number): void;
  downloadDone?(source: OfficialSource): void;
}

export interface UpdateOptions {
  sources?: readonly string[] | undefined;
  /** Replaces scheme and host of the official addresses (a mirror, or a test server). */
  base?: string | undefined;
  cacheDir: string;
  timeoutMs: number;
  progress?: (DownloadProgress & LoadProgress) | undefined;
}

export type UpdateStatus = 'updated' | 'not_modified' | 'unchanged' | 'failed' | 'unreachable';

export interface UpdateResult {
  source: string;
  url: string;
  status: UpdateStatus;
  version: VersionInfo | null;
  error: EndtraceError | null;
}

interface CacheMeta {
  url: string;
  etag: string | null;
  lastModified: string | null;
  sha256: string;
  fileName: string;
  fetchedAt: string;
}

export async function updateLists(store: Store, opts: UpdateOptions): Promise<UpdateResult[]> {
  const selected = opts.sources?.length
    ? opts.sources.map((id) => {
        const s = officialSource(id);
        if (!s) throw new EndtraceError('usage', `unknown source ${id} (known: ${OFFICIAL_SOURCES.map((x) => x.id).join(', ')})`);
        return s;
      })
    : OFFICIAL_SOURCES;
  const results: UpdateResult[] = [];
  for (const source of selected) results.push(await updateOne(store, source, opts));
  return results;
}

async function readMeta(path: string): Promise<CacheMeta | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as CacheMeta;
  } catch {
    return null;
  }
}

async function updateOne(store: Store, source: OfficialSource, opts: UpdateOptions): Promise<UpdateResult> {
  const url = sourceUrl(source, opts.base);
  const dir = join(opts.cacheDir, source.id);
  const currentDir = join(dir, 'current');
  const metaPath = join(dir, 'meta.json');
  await mkdir(currentDir, { recursive: true });
  const meta = await readMeta(metaPath);
  const headers: Record<string, string> = { 'user-agent': 'endtrace (+https://github.com/endtrace/endtrace)' };
  if (meta?.url === url) {
    if (meta.etag) headers['if-none-match'] = meta.etag;
    if (meta.lastModified) headers['if-modified-since'] = meta.lastModified;
  }
  // The timeout bounds the wait for the response headers and, afterwards, each pause in the
  // body: a large list on a slow line may take longer than that as a whole.
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (what: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(Object.assign(new Error(`${what} within ${opts.timeoutMs} ms`), { name: 'TimeoutError' })), opts.timeoutMs);
  };
  arm('no answer');
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: controller.signal });
  } catch (err) {
    clearTimeout(timer);
    const inner = (err as { cause?: { code?: string; message?: string } }).cause;
    const cause = inner?.code ?? inner?.message ?? (err as Error).name;
    return { source: source.id, url, status: 'unreachable', version: null, error: new EndtraceError('input', `cannot reach the server (${cause})`, { code: 'unreachable', cause: err, location: { file: url } }) };
  }
  clearTimeout(timer);

  if (response.status === 304 && meta) {
    // Not modified upstream; make sure the store holds it (the database may be new).
    const cached = join(currentDir, meta.fileName);
    if (await store.findVersionByChecksum(source.id, meta.sha256)) {
      const v = await store.findVersionByChecksum(source.id, meta.sha256);
      return { source: source.id, url, status: 'not_modified', version: v, error: null };
    }
    return await loadDownloaded(store, source, url, cached, opts, 'not_modified');
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    return { source: source.id, url, status: 'failed', version: null, error: inputError(`HTTP ${response.status} ${response.statusText}`, { file: url }, 'http_status') };
  }

  const incomingDir = join(dir, 'incoming');
  await rm(incomingDir, { recursive: true, force: true });
  await mkdir(incomingDir, { recursive: true });
  const part = join(incomingDir, `${source.fileName}.part`);
  // fetch decodes a Content-Encoding (gzip…) itself; Content-Length and Content-MD5 then
  // describe the encoded bytes, which are never seen here, and a cut-off encoded body fails
  // in the decoder instead.
  const encoding = (response.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  const decoded = encoding !== '' && encoding !== 'identity';
  const expected = decoded ? null : response.headers.get('content-length');
  const total = expected ? Number(expected) : null;
  opts.progress?.downloadStart?.(source, url, total);
  const sha = createHash('sha256');
  const md5 = createHash('md5');
  let received = 0;
  try {
    const body = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>);
    arm('no data');
    body.on('data', (chunk: Buffer) => {
      arm('no data');
      received += chunk.length;
      sha.update(chunk);
      md5.update(chunk);
      opts.progress?.downloadBytes?.(received);
    });
    await pipeline(body, createWriteStream(part));
  } catch (err) {
    await rm(incomingDir, { recursive: true, force: true });
    const reason = controller.signal.aborted ? (controller.signal.reason as Error).message : (err as Error).message;
    return { source: source.id, url, status: 'failed', version: null, error: inputError(`the download broke off after ${received} bytes (${reason})`, { file: url }, 'truncated', err) };
  } finally {
    clearTimeout(timer);
    opts.progress?.downloadDone?.(source);
  }
  const failure = decoded ? null : verifyDownload(url, response.headers, total, received, sha.copy().digest('base64'), md5.digest('base64'));
  if (failure) {
    await rm(incomingDir, { recursive: true, force: true });
    return { source: source.id, url, status: 'failed', version: null, error: failure };
  }
  const incoming = join(incomingDir, source.fileName);
  await rename(part, incoming);
  const result = await loadDownloaded(store, source, url, incoming, opts, 'updated');
  if (result.status === 'updated' || result.status === 'unchanged') {
    await rename(incoming, join(currentDir, source.fileName));
    const newMeta: CacheMeta = {
      url,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
      sha256: await sha256File(join(currentDir, source.fileName)),
      fileName: source.fileName,
      fetchedAt: new Date().toISOString(),
    };
    await writeFile(metaPath, JSON.stringify(newMeta, null, 2));
  }
  await rm(incomingDir, { recursive: true, force: true });
  return result;
}

function verifyDownload(url: string, headers: Headers, total: number | null, received: number, sha256b64: string, md5b64: string): EndtraceError | null {
  if (total !== null && received !== total) {
    return inputError(`the download is truncated: ${received} of ${total} bytes`, { file: url }, 'truncated');
  }
  const contentMd5 = headers.get('content-md5');
  if (contentMd5 && contentMd5.trim() !== md5b64) {
    return inputError('the download is corrupted: its MD5 does not match the Content-MD5 header', { file: url }, 'corrupt');
  }
  const digest = headers.get('digest') ?? headers.get('repr-digest');
  const m = digest?.match(/sha-256=:?([A-Za-z0-9+/=]+):?/i);
  if (m && m[1] !== sha256b64) {
    return inputError('the download is corrupted: its SHA-256 does not match the Digest header', { file: url }, 'corrupt');
  }
  return null;
}

async function loadDownloaded(store: Store, source: OfficialSource, url: string, path: string, opts: UpdateOptions, okStatus: UpdateStatus): Promise<UpdateResult> {
  try {
    // The address of a source serves one format; anything else (an error page, another list)
    // must not become a version of the source.
    const sniffed = await sniffFile(path);
    if (sniffed?.format !== source.format) {
      const what = sniffed ? `a ${sniffed.format} file` : 'not a list file endtrace recognises';
      return { source: source.id, url, status: 'failed', version: null, error: inputError(`the download is ${what}; ${source.id} is published as ${source.format}`, { file: url }, 'unrecognised') };
    }
    const report = await loadLists(store, path, { source: source.id, progress: opts.progress });
    const unit = report.units[0];
    if (!unit) return { source: source.id, url, status: 'failed', version: null, error: inputError('the download is not a list file', { file: url }, 'unrecognised') };
    if (unit.status === 'failed') return { source: source.id, url, status: 'failed', version: null, error: unit.error && atUrl(unit.error, url) };
    return { source: source.id, url, status: unit.status === 'unchanged' ? 'unchanged' : okStatus, version: unit.version, error: null };
  } catch (err) {
    const error = isEndtraceError(err) ? err : new EndtraceError('internal', (err as Error).message, { cause: err });
    return { source: source.id, url, status: 'failed', version: null, error };
  }
}

/** A load error of a downloaded file, located at its address rather than at the cache file. */
function atUrl(err: EndtraceError, url: string): EndtraceError {
  return new EndtraceError(err.kind, err.message, { code: err.code, location: { ...err.location, file: url }, cause: err });
}
