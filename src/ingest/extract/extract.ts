/**
 * Extraction from a document's pages: runs every extractor on each page, settles overlapping
 * spans, and links names through the gazetteer lookup when one is given. Pure: text in,
 * mentions out, no I/O.
 *
 * Overlaps: within a kind, the more confident (then the longer) span wins. Across kinds, a
 * place, model, person or date inside an organisation's name belongs to the name
 * (深圳市… 有限公司 is not a mention of Shenzhen); otherwise the kind with the stronger evidence
 * wins, in this order: identifier, HS code, money, date, flight, organisation, person, model,
 * place (a checksum beats a pattern; a model-number shape is the weakest evidence).
 */
import { extractDates } from './dates.js';
import { extractFlights } from './flights.js';
import { linkNames } from './gazetteer.js';
import { extractHsCodes } from './hs-codes.js';
import { extractIdentifiers } from './identifiers.js';
import { DEFAULT_MODEL_PATTERNS, extractModels } from './models.js';
import type { ModelPattern } from './models.js';
import { extractMoney } from './money.js';
import { extractOrganisations } from './organisations.js';
import { extractPeople } from './people.js';
import { extractPlaces } from './places.js';
import { MENTION_KINDS } from './types.js';
import type { GazetteerLookup, Mention, MentionKind, PageText, Span } from './types.js';

export interface ExtractOptions {
  /** Kinds to extract (default: all). */
  kinds: readonly MentionKind[];
  /** Model-number patterns (default: DEFAULT_MODEL_PATTERNS). */
  models: readonly ModelPattern[];
  /** Links names to known entities; without it, `entity` is null everywhere. */
  lookup: GazetteerLookup | null;
  /** Lookups per page at most. */
  maxLookupsPerPage: number;
  /** Score a pattern-found name needs to be linked. */
  resolveThreshold: number;
  /** Score a quoted string or capitalised run needs to become a mention. */
  discoverThreshold: number;
  /** Mentions below this confidence are dropped. */
  minConfidence: number;
}

export const DEFAULTS: ExtractOptions = {
  kinds: MENTION_KINDS,
  models: DEFAULT_MODEL_PATTERNS,
  lookup: null,
  maxLookupsPerPage: 48,
  resolveThreshold: 0.75,
  discoverThreshold: 0.9,
  minConfidence: 0,
};

const PRIORITY: Record<MentionKind, number> = {
  identifier: 9, hs_code: 8, money: 7, date: 6, flight: 5, organization: 4, person: 3, model: 2, place: 1,
};
/** Kinds that an organisation's name may contain without being mentions of their own. */
const INSIDE_NAMES = new Set<MentionKind>(['place', 'model', 'person', 'date', 'flight']);

const contains = (a: Span, b: Span) => a.start <= b.start && a.end >= b.end;

/** "Mr John Smith of Acme Ltd": the organisation starts after the person and the connector. */
function trimOrganisations(text: string, spans: Span[]): void {
  const people = spans.filter((s) => s.kind === 'person' && s.confidence >= 0.8);
  for (const org of spans) {
    if (org.kind !== 'organization') continue;
    for (const p of people) {
      if (p.start < org.start || p.end >= org.end || p.start > org.start + 1) continue;
      const rest = /^(?:,?\s+(?:of|from|at|with|из|от)\s+)/u.exec(text.slice(p.end, org.end));
      if (!rest) continue;
      org.start = p.end + rest[0].length;
      org.text = text.slice(org.start, org.end);
      org.value = org.text.replace(/\s+/g, ' ');
    }
  }
}

export function settleOverlaps(spans: readonly Span[]): Span[] {
  const byStrength = [...spans].sort(
    (a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const length = spans.reduce((n, s) => Math.max(n, s.end), 0);
  // Which kept organisation (index + 1) and which other kept span (index + 1) holds each offset.
  const orgAt = new Int32Array(length);
  const keptAt = new Int32Array(length);
  const free = (at: Int32Array, s: Span) => {
    for (let i = s.start; i < s.end; i++) if (at[i]) return false;
    return true;
  };
  const claim = (at: Int32Array, s: Span, n: number) => at.fill(n, s.start, s.end);
  // Organisation names first claim what they contain.
  const orgs = byStrength.filter((s) => s.kind === 'organization').sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start));
  const keptOrgs: Span[] = [];
  for (const o of orgs) {
    if (!free(orgAt, o)) continue;
    keptOrgs.push(o);
    claim(orgAt, o, keptOrgs.length);
  }
  const kept: Span[] = [];
  for (const s of byStrength) {
    if (s.kind === 'organization') continue;
    const org = orgAt[s.start]!;
    const inside = org > 0 && orgAt[s.end - 1] === org;
    if (inside && INSIDE_NAMES.has(s.kind)) continue;
    if (!free(keptAt, s)) continue;
    // A weaker kind overlapping an organisation name (not inside it) gives way to the name.
    if (PRIORITY[s.kind] < PRIORITY.organization && !free(orgAt, s)) continue;
    kept.push(s);
    claim(keptAt, s, kept.length);
  }
  // An organisation name survives unless a stronger span crosses its edge.
  for (const o of keptOrgs) {
    let crossed = false;
    for (let i = o.start; i < o.end && !crossed; i++) {
      const k = keptAt[i]! - 1;
      if (k >= 0 && !contains(o, kept[k]!)) crossed = true;
    }
    if (!crossed) kept.push(o);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

function runExtractors(text: string, opts: ExtractOptions): Span[] {
  const want = new Set(opts.kinds);
  const spans: Span[] = [];
  if (want.has('identifier')) spans.push(...extractIdentifiers(text));
  if (want.has('hs_code')) spans.push(...extractHsCodes(text));
  if (want.has('money')) spans.push(...extractMoney(text));
  if (want.has('date')) spans.push(...extractDates(text));
  if (want.has('flight')) spans.push(...extractFlights(text));
  if (want.has('organization')) spans.push(...extractOrganisations(text));
  if (want.has('person')) spans.push(...extractPeople(text));
  if (want.has('model')) spans.push(...extractModels(text, opts.models));
  if (want.has('place')) spans.push(...extractPlaces(text));
  trimOrganisations(text, spans);
  return spans;
}

export function extractPage(page: PageText, options: Partial<ExtractOptions> = {}): Mention[] {
  const opts: ExtractOptions = { ...DEFAULTS, ...options };
  const settled = settleOverlaps(runExtractors(page.text, opts).filter((s) => s.confidence >= opts.minConfidence));
  const linked = opts.lookup
    ? linkNames(page.text, settled, {
        lookup: opts.lookup,
        maxLookups: opts.maxLookupsPerPage,
        resolveThreshold: opts.resolveThreshold,
        discoverThreshold: opts.discoverThreshold,
      })
    : settled.map((s) => ({ ...s, entity: null }));
  return linked
    .map((s): Mention => ({ kind: s.kind, text: s.text, value: s.value, page: page.page, start: s.start, end: s.end, confidence: round(s.confidence), entity: s.entity }))
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

export function extractMentions(pages: readonly PageText[], options: Partial<ExtractOptions> = {}): Mention[] {
  const out: Mention[] = [];
  for (const page of pages) out.push(...extractPage(page, options));
  return out;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
