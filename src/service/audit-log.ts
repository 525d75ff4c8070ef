/**
 * The audit trail of screening decisions: every query with its results and scores, the
 * algorithm and list versions used, the parameters, the API key and the time — enough to re-run
 * the same query against the same list versions and explain the decision to an examiner.
 * Writes are buffered and flushed in batches, so that screening does not wait on them.
 */
import { randomUUID } from 'node:crypto';
import type { AuditQuery, AuditRecord, Store } from '../store/index.js';

/** A decision as recorded: its record without the id and time, which the log assigns. */
export type AuditInput = Omit<AuditRecord, 'id' | 'at'>;

export class AuditLog {
  private buffer: AuditRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly flushEveryMs = 200,
    private readonly maxBuffer = 500,
  ) {}

  record(input: AuditInput): string {
    const rec: AuditRecord = { id: randomUUID(), at: new Date().toISOString(), ...input };
    this.buffer.push(rec);
    if (this.buffer.length >= this.maxBuffer) void this.flush();
    else if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.flushEveryMs);
    return rec.id;
  }

  /** Writes what is buffered (serialised: one write at a time). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.buffer;
    this.buffer = [];
    if (!batch.length) return this.flushing;
    this.flushing = this.flushing.then(() => this.store.appendAudit(batch));
    return this.flushing;
  }

  async query(q: AuditQuery): Promise<AuditRecord[]> {
    await this.flush();
    return this.store.queryAudit(q);
  }

  async get(id: string): Promise<AuditRecord | null> {
    await this.flush();
    return this.store.getAudit(id);
  }
}
