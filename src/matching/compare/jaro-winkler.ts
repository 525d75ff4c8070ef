/**
 * Jaro–Winkler similarity (Winkler 1990, prefix scale 0.1, up to 4 characters), and the
 * Monge–Elkan average of best token matches built on it. Used to grade names that do not
 * match, so that near misses rank above unrelated names the way OFAC's search ranks them.
 */

/** Match flags, reused across calls (no allocation per comparison). */
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  if (la > flagsA.length || lb > flagsB.length) {
    flagsA = new Uint8Array(Math.max(la, 2 * flagsA.length));
    flagsB = new Uint8Array(Math.max(lb, 2 * flagsB.length));
  }
  const ma = flagsA;
  const mb = flagsB;
  ma.fill(0, 0, la);
  mb.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (mb[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      ma[i] = 1;
      mb[j] = 1;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Weighted mean, over the query's tokens, of the best Jaro–Winkler against the candidate's. */
export function mongeElkan(q: ReadonlyArray<{ ascii: string; weight: number }>, c: ReadonlyArray<{ ascii: string }>): number {
  let total = 0;
  let weight = 0;
  for (const t of q) {
    let best = 0;
    for (const u of c) {
      const s = jaroWinkler(t.ascii, u.ascii);
      if (s > best) best = s;
    }
    total += best * t.weight;
    weight += t.weight;
  }
  return weight ? total / weight : 0;
}
