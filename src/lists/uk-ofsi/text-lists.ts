/**
 * Splitting the multi-valued cells of the OFSI Consolidated List. OFSI numbers the values of
 * one cell as `(1) first (2) second …` (Passport Number, Town of Birth, Phone number…), and
 * now and then writes a shared value as `(1)-(2) Tunisia`, `(1-3) Libya` or `(1) to (6) Algeria`.
 */

/**
 * The items of an enumerated cell, or the whole cell as one item. Markers must run 1, 2, 3…
 * in order, so numbers in brackets inside a value (`+375 (17) 213-41-63`) are not split on.
 */
export function splitEnumerated(text: string, opts: { keepEmpty?: boolean } = {}): string[] {
  const t = text.trim();
  if (!/^\(1(?:\)|-\d)/.test(t)) return t ? [t] : [];
  const items: string[] = [];
  let n = 1;
  let start = 0;
  let pos = 0;
  for (;;) {
    const marker = findMarker(t, n, pos);
    if (!marker) break;
    if (n > 1) items.push(t.slice(start, marker.index));
    start = marker.index + marker.length;
    pos = start;
    n = marker.last + 1;
  }
  items.push(t.slice(start));
  const cleaned = items.map(clean);
  return opts.keepEmpty ? cleaned : cleaned.filter((s) => s !== '' && s !== '-');
}

/** `(n)`, or a range `(n)-(m)`, `(n-m)`, `(n) to (m)`, at the start or after white space / punctuation. */
function findMarker(text: string, n: number, from: number): { index: number; length: number; last: number } | undefined {
  const re = new RegExp(`(^|[\\s.,;])\\(${n}(?:\\)(?:\\s*(?:-|to)\\s*\\((\\d{1,2})\\))?|-(\\d{1,2})\\))`, 'g');
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m) return undefined;
  const index = m.index + m[1]!.length;
  const last = m[2] ?? m[3];
  return { index, length: m[0].length - m[1]!.length, last: last ? Number(last) : n };
}

const clean = (s: string) => s.trim().replace(/^[\s,;]+|[\s,;]+$/g, '').trim();

/** Enumerated items further split on line breaks and `;` (lists of names, phone numbers). */
export function splitList(text: string, opts: { periods?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const item of splitEnumerated(text)) {
    for (const part of item.split(/\s*(?:\r?\n|;)\s*/)) {
      const pieces = opts.periods ? part.split(/\.\s+(?=\S)/) : [part];
      for (const p of pieces) {
        const v = clean(p).replace(/\.$/, '').trim();
        if (v && v !== '-') out.push(v);
      }
    }
  }
  return out;
}

/**
 * Names in a free-text list (Subsidiaries, Parent company): enumerated, or separated by line
 * breaks, `;` or `. ` before a capital — but not after an initial or Co./Ltd./Inc./No.
 */
export function splitNames(text: string): string[] {
  return splitList(text).flatMap((item) =>
    item
      .split(/(?<!\b(?:[A-Z]|Co|Ltd|Inc|No|St|Mr|Dr|Corp|Jr))\.\s+(?=[A-Z])/)
      .map((n) => n.trim())
      .filter(Boolean),
  );
}
