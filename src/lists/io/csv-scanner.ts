/**
 * A fast path for readCsv: a scanner for plain RFC 4180 text (quoted fields, doubled quotes,
 * one kind of line ending) that gives exactly the records and line counts csv-parse 7 gives
 * for such text with readCsv's options (relax_column_count, skip_empty_lines, bom, from_line,
 * info). It gives up — push/end return null — on anything else: a quote inside an unquoted
 * field, text after a closing quote, a line ending other than the first one seen, an unclosed
 * quote, a record that could come near max_record_size. readCsv then replays the file through
 * csv-parse, which yields the same records and reports the exact error.
 *
 * csv-parse's line count (info.lines), reproduced here: a record delimiter outside quotes
 * (`\r\n`, `\n` or `\r`, the first one seen) counts one line, and inside a quoted field every
 * `\r` and every `\n` counts one.
 */

export interface ScannedRecord {
  fields: string[];
  /** csv-parse's info.lines when the record ends. */
  endLine: number;
}

export interface CsvScannerOptions {
  delimiter: string;
  maxRecordSize: number;
  fromLine: number;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Whether the scanner can stand in for csv-parse with these options. */
export function scannerSupports(opts: CsvScannerOptions): boolean {
  const d = opts.delimiter;
  return d.length === 1 && d !== '"' && d !== '\r' && d !== '\n' && opts.maxRecordSize > 0 && Number.isInteger(opts.fromLine) && opts.fromLine >= 1;
}

function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === CR || c === LF) n++;
  }
  return n;
}

/** Thrown inside the scanner to give up; never escapes it. */
const GIVE_UP = Symbol('give up');
/** The record is not complete in the buffer yet. */
const MORE = Symbol('more');

export class CsvScanner {
  private buf = '';
  private lines = 1;
  /** The record delimiter, once the first line ending outside quotes has shown it. */
  private rd: string | undefined;
  private enabled: boolean;
  private started = false;
  private failed = false;
  private readonly delimiter: number;
  /** The next delimiter, quote or line ending. */
  private readonly special: RegExp;
  /** Longest raw record the scanner handles: csv-parse's size check can then never fire. */
  private readonly maxRaw: number;

  constructor(private readonly opts: CsvScannerOptions) {
    this.delimiter = opts.delimiter.charCodeAt(0);
    const d = opts.delimiter.replace(/[\\\]^-]/g, '\\$&');
    this.special = new RegExp(`[${d}"\\r\\n]`, 'g');
    this.maxRaw = Math.floor(opts.maxRecordSize / 3);
    this.enabled = opts.fromLine === 1;
  }

  /** The complete records of the text so far, or null when csv-parse must take over. */
  push(chunk: string): ScannedRecord[] | null {
    if (this.failed) return null;
    if (!this.started) {
      if (chunk.length === 0) return [];
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.buf = this.buf.length ? this.buf + chunk : chunk;
    return this.scan(false);
  }

  /** The last records at the end of the text, or null when csv-parse must take over. */
  end(): ScannedRecord[] | null {
    if (this.failed) return null;
    return this.scan(true);
  }

  private scan(final: boolean): ScannedRecord[] | null {
    const out: ScannedRecord[] = [];
    const buf = this.buf;
    let pos = 0;
    try {
      while (pos < buf.length) {
        const next = this.record(buf, pos, final, out);
        if (next === MORE) break;
        pos = next;
      }
    } catch (err) {
      if (err !== GIVE_UP) throw err;
      this.failed = true;
      this.buf = '';
      return null;
    }
    this.buf = pos === 0 ? buf : buf.slice(pos);
    if (this.buf.length > this.maxRaw) {
      this.failed = true;
      this.buf = '';
      return null;
    }
    return out;
  }

  /**
   * Reads one record (or skipped empty line) starting at `start`; returns the position after
   * it, or MORE when the buffer ends first and more text may come.
   */
  private record(buf: string, start: number, final: boolean, out: ScannedRecord[]): number | typeof MORE {
    const len = buf.length;
    const fields: string[] = [];
    let lines = this.lines;
    let pos = start;
    let quotedFirst = false;
    for (;;) {
      // One field starts at pos.
      let value: string;
      let quoted = false;
      if (pos < len && buf.charCodeAt(pos) === QUOTE) {
        quoted = true;
        if (fields.length === 0) quotedFirst = true;
        let from = pos + 1;
        let parts = '';
        for (;;) {
          const q = buf.indexOf('"', from);
          if (q < 0) {
            if (final) throw GIVE_UP; // unclosed quote
            return MORE;
          }
          if (q + 1 >= len) {
            if (!final) return MORE;
            lines += countBreaks(buf, pos + 1, q);
            value = parts + buf.slice(from, q);
            pos = q + 1;
            break;
          }
          if (buf.charCodeAt(q + 1) === QUOTE) {
            parts += buf.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          lines += countBreaks(buf, pos + 1, q);
          value = parts + buf.slice(from, q);
          pos = q + 1;
          break;
        }
        if (pos - start > this.maxRaw) throw GIVE_UP;
      } else {
        this.special.lastIndex = pos;
        const m = this.special.exec(buf);
        const at = m ? m.index : len;
        if (!m && !final) {
          if (len - start > this.maxRaw) throw GIVE_UP;
          return MORE;
        }
        if (at - start > this.maxRaw) throw GIVE_UP;
        // A quote inside an unquoted field is an error for csv-parse (or, right at the start, handled above).
        if (m && buf.charCodeAt(at) === QUOTE) throw GIVE_UP;
        value = buf.slice(pos, at);
        pos = at;
      }
      // After the field: a delimiter, a line ending, or the end of the text.
      if (pos >= len) {
        if (!final) return MORE;
        fields.push(value);
        this.emit(fields, lines, quotedFirst, out);
        this.lines = lines;
        return len;
      }
      const c = buf.charCodeAt(pos);
      if (c === this.delimiter) {
        fields.push(value);
        pos++;
        continue;
      }
      if (c !== CR && c !== LF) throw GIVE_UP; // text after a closing quote
      const rdLength = this.lineEnding(buf, pos, final);
      if (rdLength === MORE) return MORE;
      if (!this.enabled) {
        if (lines + 1 >= this.opts.fromLine) this.enabled = true;
      } else if (!(fields.length === 0 && value.length === 0 && !quoted)) {
        fields.push(value);
        this.emit(fields, lines, quotedFirst, out);
      }
      this.lines = lines + 1;
      return pos + rdLength;
    }
  }

  private emit(fields: string[], endLine: number, quotedFirst: boolean, out: ScannedRecord[]): void {
    if (!this.enabled) return;
    // At the end of the text, a record of one empty unquoted field is an empty last line.
    if (fields.length === 1 && fields[0] === '' && !quotedFirst) return;
    out.push({ fields, endLine });
  }

  /** The length of the record delimiter at pos (a CR or LF); gives up on a different line ending. */
  private lineEnding(buf: string, pos: number, final: boolean): number | typeof MORE {
    const c = buf.charCodeAt(pos);
    if (c === CR && pos + 1 >= buf.length && !final) return MORE;
    const crlf = c === CR && buf.charCodeAt(pos + 1) === LF;
    const found = crlf ? '\r\n' : c === CR ? '\r' : '\n';
    if (this.rd === undefined) this.rd = found;
    else if (this.rd !== found) throw GIVE_UP;
    return found.length;
  }
}
