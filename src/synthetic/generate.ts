/**
 * The generator: builds the world and the planted patterns, then emits every output file as
 * lines (CSV, FtM JSON lines) or whole files (documents, ground truth, README), in a fixed order.
 * It is a pull stream: the caller writes each piece before asking for the next, so a million
 * shipments never sit in memory. Nothing here reads the clock or Math.random.
 */
import { usageError } from '../model/index.js';
import { csvLine } from './csv.js';
import { DATA_END, iso } from './dates.js';
import { invoice } from './documents.js';
import { listedLines } from './listed-ftm.js';
import { nameDocuments, placeShipments, plantPatterns, renderDocument } from './plan.js';
import type { Flag, Plan, PlannedDoc, Refs } from './plan.js';
import { countryName } from './places.js';
import { Rng } from './prng.js';
import { readme } from './readme.js';
import { BackgroundShipments, TRADE_COLUMNS, TRADE_RU_COLUMNS, shipmentLines } from './shipments.js';
import type { Shipment } from './shipments.js';
import { TRAVEL_COLUMNS, backgroundTrips, tripLines } from './travel.js';
import type { Trip } from './travel.js';
import { PATTERNS } from './types.js';
import type { DecoyInstance, Evidence, GenerateOptions, GroundTruth, PartyRecord, PatternInstance } from './types.js';
import { World, buildBackground, taxId } from './world.js';
import type { Party } from './world.js';

export type Emit =
  /** One line of a line-oriented file (without its line end); a CSV file's first line is its header. */
  | { kind: 'line'; file: string; text: string }
  /** A whole file. */
  | { kind: 'file'; file: string; text: string };

export interface GenerateHooks {
  /** Called every `progressEvery` shipments. */
  progress?(shipmentsDone: number, shipmentsTotal: number): void;
  progressEvery?: number;
}

export const FILES = {
  trade: 'trade.csv',
  tradeRu: 'trade-ru.csv',
  companies: 'companies.csv',
  ownership: 'ownership.csv',
  directorships: 'directorships.csv',
  travel: 'travel.csv',
  listed: 'listed.ftm.json',
  groundTruth: 'ground-truth.json',
  readme: 'README.md',
} as const;

export const COMPANY_COLUMNS = ['name', 'name_en', 'name_local', 'name_local_latin', 'legal_form', 'country', 'city', 'address', 'address_local', 'inn', 'kpp', 'ogrn', 'uscc', 'incorporation_date', 'sector'] as const;
export const OWNERSHIP_COLUMNS = ['owner', 'owner_country', 'owner_id', 'asset', 'asset_country', 'asset_id', 'percentage', 'start_date', 'end_date'] as const;
export const DIRECTORSHIP_COLUMNS = ['director', 'director_birth_date', 'director_nationality', 'organization', 'organization_id', 'role', 'start_date', 'end_date'] as const;

/** Background companies the world needs beyond the planted ones. */
const MIN_BACKGROUND = 60;
export const MAX_SHIPMENTS = 10_000_000;

/** A fixed timestamp for the data set, derived from the seed (after the data window). */
export function generatedAt(seed: number): string {
  return new Date((DATA_END + 1 + (seed % 90)) * 86_400_000).toISOString();
}

function validate(opts: GenerateOptions): void {
  if (!Number.isInteger(opts.seed) || opts.seed < 0 || opts.seed > 0xffffffff) throw usageError('--seed must be an integer from 0 to 4294967295');
  if (!Number.isInteger(opts.companies) || opts.companies < 1) throw usageError('--companies must be a positive integer');
  if (!Number.isInteger(opts.shipments) || opts.shipments < 1 || opts.shipments > MAX_SHIPMENTS) throw usageError(`--shipments must be an integer from 1 to ${MAX_SHIPMENTS}`);
}

/** How the ground truth names a party: its FtM id if listed; a company by name; a person by name and birth date (namesakes exist). */
export const partyRef = (p: Party): string => p.listing?.id ?? (p.kind === 'company' ? p.names.name : `${p.names.name} (${iso(p.birth)})`);
const flagRef = (f: Flag): string => ('declarationNumber' in f ? (f as Shipment).declarationNumber : 'bookingRef' in f ? (f as Trip).bookingRef : partyRef(f as Party));

function evidence(refs: Refs): Evidence {
  const e: Evidence = {};
  if (refs.shipments?.length) e.shipments = refs.shipments.map((s) => s.declarationNumber);
  if (refs.parties?.length) e.entities = [...new Set(refs.parties.map(partyRef))];
  if (refs.trips?.length) e.travel = refs.trips.map((t) => t.bookingRef);
  if (refs.docs?.length) e.documents = refs.docs.map((d) => d.file);
  return e;
}

function partyRecord(p: Party): PartyRecord {
  const ids: Record<string, string> = {};
  if (p.kind === 'company') {
    if (p.inn) ids.inn = p.inn;
    if (p.kpp) ids.kpp = p.kpp;
    if (p.ogrn) ids.ogrn = p.ogrn;
    if (p.uscc) ids.uscc = p.uscc;
  } else {
    if (p.inn) ids.inn = p.inn;
    ids.passport = p.passport;
    ids.birthDate = iso(p.birth);
  }
  const names = p.kind === 'company' ? [p.names.name, p.names.nameEn, p.names.local, p.names.localLatin] : [p.names.name, p.names.local];
  return {
    ref: partyRef(p),
    schema: p.kind === 'company' ? 'Company' : 'Person',
    name: p.names.name,
    names: [...new Set(names.filter((n): n is string => !!n))],
    country: p.country,
    identifiers: ids,
    listed: p.listing !== undefined,
    ...(p.listing ? { designated: iso(p.listing.designated) } : {}),
  };
}

function groundTruth(opts: GenerateOptions, plan: Plan, at: string, counts: Record<string, number>): GroundTruth {
  const order = (p: string) => (PATTERNS as readonly string[]).indexOf(p);
  const patterns: PatternInstance[] = plan.planted
    .map((p) => ({ pattern: p.pattern, reason: p.reason(), flag: p.flag.map(flagRef), evidence: evidence(p.refs) }))
    .sort((a, b) => order(a.pattern) - order(b.pattern));
  const decoys: DecoyInstance[] = plan.decoys.map((d) => ({ decoy: d.decoy, pattern: d.pattern, reason: d.reason(), evidence: evidence(d.refs) }));
  const parties = new Map<string, PartyRecord>();
  for (const p of [...plan.listed, ...plan.planted.flatMap((x) => x.refs.parties ?? []), ...plan.decoys.flatMap((x) => x.refs.parties ?? [])]) {
    const r = partyRecord(p);
    if (!parties.has(r.ref)) parties.set(r.ref, r);
  }
  return {
    seed: opts.seed,
    sizes: { companies: opts.companies, shipments: opts.shipments },
    generatedAt: at,
    listed: plan.listed.map((p) => p.listing!.id),
    patterns,
    decoys,
    parties: [...parties.values()],
    counts,
  };
}

/**
 * Emits the data set. Returns the ground truth (also emitted as ground-truth.json). Throws a
 * usage error for sizes the planted patterns do not fit in.
 */
export function* generate(opts: GenerateOptions, hooks: GenerateHooks = {}): Generator<Emit, GroundTruth, undefined> {
  validate(opts);
  const world = new World(opts.seed);
  const plan = plantPatterns(world, { seed: opts.seed, shipments: opts.shipments });
  const minCompanies = world.companies.length + MIN_BACKGROUND;
  if (opts.companies < minCompanies) {
    throw usageError(`--companies must be at least ${minCompanies} for --shipments ${opts.shipments}: the planted patterns alone need ${world.companies.length} companies`);
  }
  if (opts.shipments < plan.shipments.length * 2) {
    throw usageError(`--shipments must be at least ${plan.shipments.length * 2}: the planted patterns alone need ${plan.shipments.length} shipments`);
  }
  const bg = buildBackground(world, opts.companies);
  placeShipments(plan, opts.shipments, opts.seed);
  const at = generatedAt(opts.seed);
  const order = new Rng(opts.seed, 'order');
  const counts: Record<string, number> = {};
  const bump = (key: string, n = 1) => (counts[key] = (counts[key] ?? 0) + n);

  // Documents: planted and background ones share one pool of serial numbers, so names reveal nothing.
  const docRng = new Rng(opts.seed, 'documents');
  const bgDocCount = Math.min(300, 10 + Math.floor(opts.shipments / 4000));
  const plantedAt = new Map(plan.shipments.map((s) => [s.index, s]));
  const bgDocAt = new Set<number>();
  for (let tries = 0; bgDocAt.size < bgDocCount && tries < bgDocCount * 20; tries++) {
    const i = docRng.int(0, opts.shipments - 1);
    if (!plantedAt.has(i)) bgDocAt.add(i);
  }
  const serials = docRng.shuffle(Array.from({ length: plan.docs.length + bgDocAt.size }, (_, i) => i));
  nameDocuments(plan.docs, serials);
  let nextSerial = plan.docs.length;

  // companies.csv, ownership.csv, directorships.csv: rows in an order that hides which are planted.
  yield { kind: 'line', file: FILES.companies, text: csvLine(COMPANY_COLUMNS) };
  for (const c of order.shuffle(world.companies.slice())) {
    const n = c.names;
    yield {
      kind: 'line',
      file: FILES.companies,
      text: csvLine([n.name, n.nameEn, n.local ?? '', n.localLatin ?? '', n.legalForm, countryName(c.country), c.city.name, c.address, c.addressLocal ?? '', c.inn ?? '', c.kpp ?? '', c.ogrn ?? '', c.uscc ?? '', iso(c.incorporated), c.sector]),
    };
    bump('companies');
  }
  yield { kind: 'line', file: FILES.ownership, text: csvLine(OWNERSHIP_COLUMNS) };
  for (const o of order.shuffle(world.ownership.slice())) {
    yield {
      kind: 'line',
      file: FILES.ownership,
      text: csvLine([o.owner.names.name, countryName(o.owner.country), taxId(o.owner), o.asset.names.name, countryName(o.asset.country), taxId(o.asset), o.percentage, iso(o.start), o.end !== undefined ? iso(o.end) : '']),
    };
    bump('ownership');
  }
  yield { kind: 'line', file: FILES.directorships, text: csvLine(DIRECTORSHIP_COLUMNS) };
  for (const d of order.shuffle(world.directorships.slice())) {
    yield {
      kind: 'line',
      file: FILES.directorships,
      text: csvLine([d.director.names.name, iso(d.director.birth), countryName(d.director.country), d.organization.names.name, taxId(d.organization), d.role, iso(d.start), d.end !== undefined ? iso(d.end) : '']),
    };
    bump('directorships');
  }

  for (const line of listedLines(plan.listed, opts.seed, at.slice(0, 19))) {
    yield { kind: 'line', file: FILES.listed, text: line };
    bump('listedLines');
  }

  // travel.csv: planted and background trips together, by departure date.
  const tripCount = Math.max(100, Math.round(opts.companies * 0.5));
  const trips = [...plan.trips, ...backgroundTrips(bg, tripCount, plan.trips.length, opts.seed, new Rng(opts.seed, 'travel'))];
  trips.sort((a, b) => a.flights[0]!.departure - b.flights[0]!.departure || (a.bookingRef < b.bookingRef ? -1 : 1));
  yield { kind: 'line', file: FILES.travel, text: csvLine(TRAVEL_COLUMNS) };
  for (const t of trips) {
    for (const line of tripLines(t)) {
      yield { kind: 'line', file: FILES.travel, text: line };
      bump('travelRows');
    }
  }
  bump('trips', trips.length);

  for (const d of plan.docs) {
    yield { kind: 'file', file: d.file, text: renderDocument(d) };
    bump('documents');
  }

  // trade.csv and trade-ru.csv: the shipment stream.
  yield { kind: 'line', file: FILES.trade, text: csvLine(TRADE_COLUMNS) };
  yield { kind: 'line', file: FILES.tradeRu, text: csvLine(TRADE_RU_COLUMNS) };
  const background = new BackgroundShipments(bg, new Rng(opts.seed, 'shipments'));
  const every = hooks.progressEvery ?? 10_000;
  for (let i = 0; i < opts.shipments; i++) {
    const s = plantedAt.get(i) ?? background.make(i);
    const file = s.ruFile ? FILES.tradeRu : FILES.trade;
    for (const text of shipmentLines(s)) {
      yield { kind: 'line', file, text };
      bump(s.ruFile ? 'tradeRuRows' : 'tradeRows');
    }
    if (bgDocAt.has(i)) {
      const serial = String(serials[nextSerial++]! + 1).padStart(5, '0');
      const lang = s.shipper.country === 'cn' && docRng.chance(0.5) ? 'zh' : s.ruFile || (s.shipper.country === 'ru' && docRng.chance(0.5)) ? 'ru' : 'en';
      const number = `${lang === 'en' ? 'INV-' : ''}${iso(s.day).slice(0, 4)}-${docRng.int(100, 99999)}`;
      yield { kind: 'file', file: `documents/invoice-${serial}-${lang}.txt`, text: `${invoice(s, { number, lang })}\n` };
      bump('documents');
    }
    if (hooks.progress && (i + 1) % every === 0) hooks.progress(i + 1, opts.shipments);
  }
  hooks.progress?.(opts.shipments, opts.shipments);
  counts.shipments = opts.shipments;
  counts.plantedShipments = plan.shipments.length;
  counts.persons = world.persons.length;

  const truth = groundTruth(opts, plan, at, counts);
  yield { kind: 'file', file: FILES.groundTruth, text: `${JSON.stringify(truth, null, 2)}\n` };
  yield { kind: 'file', file: FILES.readme, text: readme(opts, at, counts) };
  return truth;
}

/** Pattern instances per pattern name, for summaries. */
export function patternCounts(truth: GroundTruth): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of PATTERNS) out[p] = 0;
  for (const p of truth.patterns) out[p.pattern] = (out[p.pattern] ?? 0) + 1;
  return out;
}

export type { PlannedDoc };
