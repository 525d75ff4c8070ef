/**
 * CLI output: machine-readable JSON on stdout (--json), human text on stdout otherwise, and
 * logs, warnings and progress bars on stderr, so that stdout stays clean for pipes.
 */
import cliProgress from 'cli-progress';
import type { EndtraceError } from '../model/index.js';

export const out = (text: string): void => {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};

export const log = (text: string): void => {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
};

/**
 * The one line an error prints: `endtrace: error: FILE:LINE (record R): CAUSE [code]`, with
 * an optional note on what it means for the store.
 */
export function errorLine(err: EndtraceError, note?: string): string {
  const code = err.code !== err.kind ? ` [${err.code}]` : '';
  return `endtrace: error: ${err.oneLine()}${code}${note ? ` — ${note}` : ''}`;
}

export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

export const printJsonLine = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value)}\n`);
};

/** A plain text table: columns padded to their widest cell. */
export function table(headers: string[], rows: Array<Array<string | number | null>>): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null ? '—' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => (c ?? '').padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * Progress on stderr: a bar when stderr is a terminal; otherwise (logs, pipes, CI) a plain
 * line at most every `lineIntervalMs`, the first only once a unit has run that long, so that
 * quick loads print nothing.
 */
export class ProgressBar {
  private bar: cliProgress.SingleBar | null = null;
  private plain: { label: string; total: number; unit: string; next: number; shown: number } | null = null;

  constructor(private readonly lineIntervalMs = 1000) {}

  start(label: string, total: number, unit = 'bytes'): void {
    this.stop();
    if (!process.stderr.isTTY) {
      this.plain = { label, total, unit, next: Date.now() + this.lineIntervalMs, shown: 0 };
      return;
    }
    const fmt = unit === 'bytes'
      ? ` {label} [{bar}] {percentage}% | {valueHuman} of {totalHuman} | ETA {eta_formatted}`
      : ` {label} [{bar}] {percentage}% | {value}/{total} ${unit} | ETA {eta_formatted}`;
    this.bar = new cliProgress.SingleBar(
      { format: fmt, stream: process.stderr, hideCursor: true, clearOnComplete: true, etaBuffer: 50, fps: 10 },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(Math.max(total, 1), 0, { label, valueHuman: formatBytes(0), totalHuman: formatBytes(total) });
  }

  update(value: number): void {
    this.bar?.update(value, { valueHuman: formatBytes(value) });
    const p = this.plain;
    if (p && value > p.shown && Date.now() >= p.next) {
      p.next = Date.now() + this.lineIntervalMs;
      p.shown = value;
      const done = p.unit === 'bytes' ? formatBytes(value) : `${value}`;
      const total = p.total > 0 ? ` of ${p.unit === 'bytes' ? formatBytes(p.total) : `${p.total} ${p.unit}`} (${Math.min(100, Math.floor((value / p.total) * 100))}%)` : '';
      log(`${p.label}: ${done}${total}`);
    }
  }

  stop(): void {
    this.plain = null;
    if (this.bar) {
      this.bar.stop();
      this.bar = null;
    }
  }
}
