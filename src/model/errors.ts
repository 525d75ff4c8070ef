/**
 * The error typology of endtrace (after graphology's small set of error kinds and hono's
 * single error class carrying a status). Callers and tests branch on `kind`, never on the message.
 */

export type ErrorKind =
  | 'usage' // the caller asked for something malformed (CLI exit 2, HTTP 400)
  | 'input' // a file or record could not be used (CLI exit 1, HTTP 400/422)
  | 'not_found' // HTTP 404
  | 'conflict' // HTTP 409
  | 'unauthorized' // HTTP 401
  | 'forbidden' // HTTP 403
  | 'too_large' // HTTP 413
  | 'internal'; // a fault of ours (HTTP 500)

const STATUS: Record<ErrorKind, number> = {
  usage: 400,
  input: 400,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  too_large: 413,
  internal: 500,
};

/** Where in an input a problem was found. */
export interface InputLocation {
  file?: string | undefined;
  line?: number | undefined;
  record?: string | undefined;
}

export class EndtraceError extends Error {
  readonly kind: ErrorKind;
  readonly location: InputLocation | undefined;
  /** A short machine-readable code, e.g. `xml_entity`, `csv_quote`, `truncated`. */
  readonly code: string;

  constructor(kind: ErrorKind, message: string, opts: { code?: string; location?: InputLocation; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'EndtraceError';
    this.kind = kind;
    this.code = opts.code ?? kind;
    this.location = opts.location;
  }

  get status(): number {
    return STATUS[this.kind];
  }

  /** One line: `file:line (record): message`. */
  oneLine(): string {
    return formatLocation(this.location) + this.message.replace(/\s*\n\s*/g, ' ');
  }
}

export function formatLocation(loc: InputLocation | undefined): string {
  if (!loc || (loc.file === undefined && loc.line === undefined && loc.record === undefined)) return '';
  let out = loc.file ?? '';
  if (loc.line !== undefined) out += `${out ? ':' : 'line '}${loc.line}`;
  if (loc.record !== undefined) out += `${out ? ' ' : ''}(record ${loc.record})`;
  return `${out}: `;
}

/** A bad file or record: names the file, the line or record, and the cause. */
export function inputError(message: string, location: InputLocation, code = 'input', cause?: unknown): EndtraceError {
  return new EndtraceError('input', message, { code, location, cause });
}

export function usageError(message: string, code = 'usage'): EndtraceError {
  return new EndtraceError('usage', message, { code });
}

export function notFound(message: string): EndtraceError {
  return new EndtraceError('not_found', message, { code: 'not_found' });
}

export function isEndtraceError(err: unknown): err is EndtraceError {
  return err instanceof EndtraceError;
}

/** A record-level problem that does not stop a load (zod-style: data, not an exception). */
export interface Issue {
  code: string;
  message: string;
  file?: string | undefined;
  line?: number | undefined;
  record?: string | undefined;
}
