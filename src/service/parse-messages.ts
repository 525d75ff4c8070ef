/**
 * The messages to loadLists' parser worker (parse-worker.ts; what comes back is a RowMessage,
 * row-stream.ts), and errors as they cross a thread: an EndtraceError arrives as an EndtraceError with its kind, code, location
 * and message; any other error as an Error with its name, message and stack.
 */
import { EndtraceError } from '../model/index.js';
import type { ErrorKind, InputLocation } from '../model/index.js';
import type { LoadUnit } from '../lists/index.js';

export type ToWorker =
  | { type: 'parse'; unit: LoadUnit; batchSize: number }
  /** A batch of rows has been written: the worker may send another. */
  | { type: 'ack' };

export interface SerializedError {
  name: string;
  message: string;
  stack?: string | undefined;
  endtrace?: { kind: ErrorKind; code: string; location: InputLocation | undefined } | undefined;
  cause?: { name: string; message: string } | undefined;
}

export function serializeError(err: unknown): SerializedError {
  const e = err instanceof Error ? err : new Error(String(err));
  const cause = e.cause instanceof Error ? { name: e.cause.name, message: e.cause.message } : undefined;
  const endtrace = e instanceof EndtraceError ? { kind: e.kind, code: e.code, location: e.location } : undefined;
  return { name: e.name, message: e.message, stack: e.stack, endtrace, cause };
}

export function deserializeError(s: SerializedError): Error {
  let cause: Error | undefined;
  if (s.cause) {
    cause = new Error(s.cause.message);
    cause.name = s.cause.name;
  }
  let err: Error;
  if (s.endtrace) {
    err = new EndtraceError(s.endtrace.kind, s.message, { code: s.endtrace.code, ...(s.endtrace.location ? { location: s.endtrace.location } : {}), cause });
  } else {
    err = new Error(s.message, cause ? { cause } : undefined);
    err.name = s.name;
  }
  if (s.stack) err.stack = s.stack;
  return err;
}
