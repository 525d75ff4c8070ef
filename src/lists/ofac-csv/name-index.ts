/**
 * Names of the entries of one list file, to resolve the names that remarks and columns
 * refer to (`Linked To: NAME`, Vess_owner) to the id of the entry with exactly that name.
 * Primary names win over strong aliases (alt.csv), which win over weak ones (remarks).
 */

export const NameLevel = { Primary: 0, Alias: 1, Weak: 2 } as const;
export type NameLevel = (typeof NameLevel)[keyof typeof NameLevel];

export type Resolution = { id: string } | { ambiguous: string[] } | undefined;

/** Case- and space-insensitive; OFAC ends the Remarks field with a period, so a trailing one is dropped. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim().replace(/\.$/, '').trim();
}

export class NameIndex {
  private readonly levels: Array<Map<string, Set<string>>> = [new Map(), new Map(), new Map()];

  add(name: string, id: string, level: NameLevel): void {
    const key = normaliseName(name);
    if (!key) return;
    const map = this.levels[level]!;
    let ids = map.get(key);
    if (!ids) {
      ids = new Set();
      map.set(key, ids);
    }
    ids.add(id);
  }

  resolve(name: string): Resolution {
    const key = normaliseName(name);
    for (const map of this.levels) {
      const ids = map.get(key);
      if (!ids) continue;
      if (ids.size === 1) return { id: [...ids][0]! };
      return { ambiguous: [...ids].sort() };
    }
    return undefined;
  }
}
