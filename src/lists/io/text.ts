/**
 * Reading list files as text: transparent gunzip, encoding handling (UTF-8 with BOM, or
 * Windows-1252 for old files), removal of the Ctrl-Z byte OFAC appends, byte progress, and
 * clear errors for truncated, corrupt (gzip) or wrongly encoded input, naming file and line.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { inputError } from '../../model/index.js';
import { firstInvalidUtf8Line } from './utf8.js';

export type TextEncoding = 'utf-8' | 'windows-1252';

export interface ReadOptions {
  encoding?: TextEncoding | undefined;
  /** Called with the number of (compressed) bytes read so far. */
  onBytes?: ((bytes: number) => void) | undefined;
  /** Display name for errors; defaults to the path. */
  name?: string | undefined;
}

/** The first bytes of a file as stored (not gunzipped). */
async function readRawHead(path: string, bytes: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * The first bytes of a file, gunzipped when it is gzip. A gzip file whose data cannot be
 * decompressed (corrupt, or cut before any text) throws the `input` error of the full read;
 * `name` is the file's display name for it (default: the path).
 */
export async function readHead(path: string, bytes = 65536, name: string = path): Promise<Buffer> {
  const head = await readRawHead(path, bytes);
  return isGzip(head) ? await gunzipHead(path, bytes, name) : head;
}

export function isGzip(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

async function gunzipHead(path: string, bytes: number, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  let line = 1;
  const stream = createReadStream(path).pipe(createGunzip());
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      total += chunk.length;
      line += countNewlineBytes(chunk);
      if (total >= bytes) break;
    }
  } catch (err) {
    // A gzip cut short after some text still gives a usable head: the full read reports the
    // truncation with its line. Corrupt data, or no text at all, cannot be recognised.
    if (!(total > 0 && isTruncation(err))) throw gzipError(err, name, line);
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, bytes);
}

/** The head as text (UTF-8, BOM and Ctrl-Z removed), for format detection. */
export async function readHeadText(path: string, bytes = 65536, name: string = path): Promise<string> {
  const head = await readHead(path, bytes, name);
  return new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '').replace(/\u001a/g, '');
}

/** Opens a file as a byte stream, gunzipping when needed. */
export async function openBytes(path: string, opts: ReadOptions = {}): Promise<Readable> {
  const head = await readRawHead(path, 2).catch(() => Buffer.alloc(0));
  const raw = createReadStream(path, { highWaterMark: 1 << 16 });
  if (opts.onBytes) {
    let n = 0;
    const cb = opts.onBytes;
    raw.on('data', (c: Buffer | string) => {
      n += c.length;
      cb(n);
    });
  }
  if (!isGzip(head)) return raw;
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

/**
 * Streams a file as decoded text chunks. Throws an `input` error naming the file and the
 * line for invalid UTF-8, and for a truncated or corrupt gzip stream.
 */
export async function* readText(path: string, opts: ReadOptions = {}): AsyncGenerator<string> {
  const name = opts.name ?? path;
  const encoding = opts.encoding ?? 'utf-8';
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  const stream = await openBytes(path, opts);
  let line = 1;
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch (err) {
        const at = await firstInvalidUtf8Line(path, (p) => openBytes(p)).catch(() => undefined);
        throw inputError(`invalid ${encoding} byte sequence (wrong encoding?)`, { file: name, line: at ?? line }, 'encoding', err);
      }
      if (first) {
        text = text.replace(/^\uFEFF/, '');
        first = false;
      }
      if (text.includes('\u001a')) text = text.replace(/\u001a/g, '');
      line += countNewlines(text);
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (err) {
    throw gzipError(err, name, line);
  } finally {
    stream.destroy();
  }
}

/** zlib's "the stream ends early" (Z_BUF_ERROR, "unexpected end of file"). */
function isTruncation(err: unknown): boolean {
  return err instanceof Error && ((err as NodeJS.ErrnoException).code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(err.message));
}

/** zlib's "the data is not valid gzip/deflate" (Z_DATA_ERROR: bad header, compression method, block, distance…). */
function isCorruption(err: unknown): boolean {
  return (
    err instanceof Error &&
    ((err as NodeJS.ErrnoException).code === 'Z_DATA_ERROR' || /incorrect header check|unknown compression method|invalid (block type|distance|stored block)|invalid code/i.test(err.message))
  );
}

/** A zlib failure as an input error naming the file (and the line of text reached); other errors unchanged. */
function gzipError(err: unknown, name: string, line?: number): unknown {
  if (isTruncation(err)) {
    return inputError('the gzip stream ends early (truncated download?)', { file: name, line }, 'truncated', err);
  }
  if (isCorruption(err)) {
    return inputError(`the gzip data is corrupt: ${(err as Error).message}`, { file: name, line }, 'truncated', err);
  }
  return err;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function countNewlineBytes(chunk: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) n++;
  return n;
}

/**
 * Whether the whole file is valid UTF-8. Streams the file once; used to choose between UTF-8
 * and Windows-1252 for formats whose old files were written in the latter.
 */
export async function isUtf8File(path: string, name: string = path): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const stream = await openBytes(path);
  let line = 1;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      line += countNewlineBytes(chunk);
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        return false;
      }
    }
    try {
      decoder.decode();
    } catch {
      return false;
    }
    return true;
  } catch (err) {
    // As readText: the line (of decompressed text) the stream reached.
    throw gzipError(err, name, line);
  } finally {
    stream.destroy();
  }
}

export async function fileSize(path: string): Promise<number> {
  return (await stat(path)).size;
}
