/**
 * first_seen / last_seen / last_change of an entity from the digests of its bundle in every
 * loaded version (yente's entity fields): last_change is the first version of the final run
 * of identical digests.
 */

export interface HistoryRow {
  source: string;
  date: string;
  loaded_at: string;
  hash: string;
}

export function summariseHistory(rows: readonly HistoryRow[]): { firstSeen: string | null; lastSeen: string | null; lastChange: string | null } {
  if (rows.length === 0) return { firstSeen: null, lastSeen: null, lastChange: null };
  let firstSeen: string | null = null;
  let lastSeen: string | null = null;
  let lastChange: string | null = null;
  const bySource = new Map<string, HistoryRow[]>();
  for (const r of rows) {
    const list = bySource.get(r.source) ?? [];
    list.push(r);
    bySource.set(r.source, list);
  }
  for (const list of bySource.values()) {
    const first = list[0]!.date;
    const last = list[list.length - 1]!.date;
    let change = last;
    for (let i = list.length - 1; i > 0; i--) {
      if (list[i - 1]!.hash !== list[i]!.hash) break;
      change = list[i - 1]!.date;
    }
    if (firstSeen === null || first < firstSeen) firstSeen = first;
    if (lastSeen === null || last > lastSeen) lastSeen = last;
    if (lastChange === null || change > lastChange) lastChange = change;
  }
  return { firstSeen, lastSeen, lastChange };
}
