/**
 * Stable entity ids. A list entity keeps its source's own key (`ofac-46431`, `unsc-6907993`);
 * derived entities get ids made from their parent's id and their own key, so the same input
 * always gives the same id.
 */

/** Lower-case, ASCII-safe slug of an id part. */
export function slug(part: string | number): string {
  return String(part)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function makeId(...parts: Array<string | number>): string {
  return parts.map(slug).filter(Boolean).join('-');
}

/**
 * A short, stable hash id for entities that have no key of their own (an address text, a
 * relation): two 32-bit FNV-1a passes with different seeds, 16 hex digits. Pure JS so the
 * model stays free of node APIs.
 */
export function hashId(prefix: string, ...parts: Array<string | number | undefined>): string {
  const text = parts.map((p) => (p === undefined ? '' : String(p))).join('\u001f');
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${prefix}-${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}
