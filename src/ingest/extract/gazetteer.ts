/**
 * Linking names in a page to known entities (list entries) through an injected lookup — the
 * service wires it to the screening engine, which matches across scripts and legal forms
 * («ТСК Вектор» → TSK VEKTOR, OOO). Two uses:
 * - resolving: each organisation or person mention found by the patterns is looked up, and
 *   linked when the best hit scores at least `resolveThreshold`;
 * - discovering: spans that may be names the patterns cannot see — quoted strings and runs of
 *   capitalised words — are looked up, and become mentions only when a hit scores at least
 *   the stricter `discoverThreshold`.
 * Lookups are bounded per page (`maxLookups`): pattern mentions first, then quoted strings,
 * then capitalised runs, longest first; a text is looked up once per page.
 */
import { quotedAt } from './organisations.js';
import { LB, matches, span } from './scan.js';
import type { GazetteerHit, GazetteerLookup, Span } from './types.js';

export interface GazetteerOptions {
  lookup: GazetteerLookup;
  maxLookups: number;
  resolveThreshold: number;
  discoverThreshold: number;
}

export interface Linked extends Span {
  entity: string | null;
}

const QUOTE_OPEN = /[«"“„]/gu;
const CAP_RUN = new RegExp(
  `${LB}[A-ZА-ЯЁ][\\p{L}'’\\-]*(?:\\s(?:of|and|&|de|и)?\\s?[A-ZА-ЯЁ][\\p{L}'’\\-]*){1,5}(?![\\p{L}])`,
  'gu',
);
const COMMON = new Set([
  'The', 'This', 'That', 'These', 'Our', 'Your', 'We', 'Dear', 'To', 'From', 'Re', 'In', 'On', 'At', 'For', 'By', 'With', 'And', 'Please', 'Best', 'Kind',
  'Invoice', 'Contract', 'Total', 'Date', 'Page', 'Subject', 'Delivery', 'Terms', 'Payment', 'Table', 'Item', 'Description', 'Quantity', 'Price',
  'В', 'На', 'По', 'От', 'Для', 'Уважаемый', 'Уважаемые', 'Настоящим', 'Прошу', 'Просим', 'Итого', 'Дата', 'Страница', 'Приложение',
]);

const isPersonSchema = (schema: string | undefined) => schema === 'Person';
const compatible = (kind: 'organization' | 'person', hit: GazetteerHit) =>
  hit.schema === undefined || hit.schema === 'LegalEntity' || (kind === 'person' ? isPersonSchema(hit.schema) : !isPersonSchema(hit.schema));

const overlaps = (a: { start: number; end: number }, spans: ReadonlyArray<{ start: number; end: number }>) => spans.some((b) => a.start < b.end && a.end > b.start);

export function linkNames(text: string, spans: readonly Span[], opts: GazetteerOptions): Linked[] {
  let budget = opts.maxLookups;
  const cache = new Map<string, GazetteerHit | null>();
  const look = (candidate: string, kind: 'organization' | 'person'): GazetteerHit | null | undefined => {
    const key = `${kind}\u0000${candidate}`;
    if (cache.has(key)) return cache.get(key);
    if (budget <= 0) return undefined;
    budget--;
    const hit = opts.lookup(candidate, kind);
    cache.set(key, hit);
    return hit;
  };

  const out: Linked[] = spans.map((s) => ({ ...s, entity: null }));
  const names = out.filter((s) => s.kind === 'organization' || s.kind === 'person').sort((a, b) => b.confidence - a.confidence || b.text.length - a.text.length);
  for (const m of names) {
    const kind = m.kind as 'organization' | 'person';
    const hit = look(m.text, kind);
    if (hit && hit.score >= opts.resolveThreshold && compatible(kind, hit)) m.entity = hit.id;
  }

  // Discovery: quoted strings, then capitalised runs, outside the names already found.
  const taken = names.map((n) => ({ start: n.start, end: n.end }));
  const candidates: Array<{ start: number; end: number; text: string }> = [];
  for (const q of matches(QUOTE_OPEN, text)) {
    const r = quotedAt(text, q.index);
    if (!r) continue;
    const [s, e] = [r[0] + 1, r[1] - 1];
    const inner = text.slice(s, e);
    if (inner.trim().length < 3 || inner.length > 80 || !/\p{Lu}/u.test(inner)) continue;
    candidates.push({ start: s, end: e, text: inner });
  }
  const runs: Array<{ start: number; end: number; text: string }> = [];
  for (const m of matches(CAP_RUN, text)) {
    let t = m[0];
    let s = m.index;
    // Drop sentence-initial function words: "Dear Acme Drone Works" → "Acme Drone Works".
    for (let w = /^\S+/.exec(t)?.[0]; w && COMMON.has(w); w = /^\S+/.exec(t)?.[0]) {
      const cut = w.length + (t.slice(w.length).match(/^\s+/)?.[0].length ?? 0);
      t = t.slice(cut);
      s += cut;
    }
    if (!/\s/.test(t)) continue;
    runs.push({ start: s, end: s + t.length, text: t });
  }
  runs.sort((a, b) => b.text.length - a.text.length);
  for (const c of [...candidates, ...runs]) {
    if (budget <= 0) break;
    if (overlaps(c, taken)) continue;
    const hit = look(c.text, 'organization');
    if (!hit || hit.score < opts.discoverThreshold) continue;
    const kind = isPersonSchema(hit.schema) ? 'person' : 'organization';
    out.push({ ...span(kind, c.text, c.start, c.text.replace(/\s+/g, ' '), Math.min(0.9, hit.score * 0.9)), entity: hit.id });
    taken.push({ start: c.start, end: c.end });
  }
  return out;
}
