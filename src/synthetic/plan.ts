/**
 * The planted evasion patterns and their decoys. Each scenario creates its own fictional parties
 * (listed ones included), shipments, journeys and documents, and records what a detector should
 * flag and why. Planted parties never take part in the background commerce, so the ground truth
 * is complete: nothing in the background matches a pattern by accident.
 *
 * Patterns (PRODUCT.md, "Analyses and red flags"):
 * - listed-party-direct: a listed party is shipper, consignee or notify party;
 * - post-designation: such a shipment is dated after the party's designation;
 * - chpl-restricted-route: CHPL goods bound for Russia or Belarus or for, or through, a
 *   high-diversion-risk country (BIS Common High Priority List guidance);
 * - transshipment: CHPL goods from their maker to a trading company in a high-diversion-risk
 *   country, re-exported by it to Russia or Belarus within weeks (BIS/FinCEN joint alerts
 *   FIN-2022-NTC2 and FIN-2023-NTC2 on diversion through third countries);
 * - ownership-50-aggregate / -indirect: the OFAC 50 % rule (OFAC guidance of 2014-08-13 on
 *   entities owned by blocked persons): stakes of listed owners aggregate, and a company 50 % or
 *   more owned by a blocked company is blocked in turn;
 * - shared-address / shared-director with a listed company;
 * - technician-travel: a supplier's employee flies to the end user's city within ±14 days of a
 *   delivery from the supplier to it.
 */
import { chplCode, isChpl } from './chpl.js';
import { DATA_END, DATA_START, HS2022_START, day, iso, yearOf } from './dates.js';
import { asHtml, commercialOffer, invitationLetter, invoice, itinerary, procurementLetter } from './documents.js';
import type { Lang } from './documents.js';
import { GOODS, availableIn } from './goods.js';
import type { Goods } from './goods.js';
import type { Sector } from './names.js';
import { ALLOWED, DIVERSION, countryName, isDiversion, isRestricted } from './places.js';
import { Rng } from './prng.js';
import { chooseMode, currencyFor, declarationNumber, makeItem, resellItem, transportId } from './shipments.js';
import type { Item, Shipment } from './shipments.js';
import { bookingRef, flight } from './travel.js';
import type { Trip } from './travel.js';
import type { DecoyName, PatternName } from './types.js';
import { directorRole } from './world.js';
import type { Company, Party, Person, World } from './world.js';

export interface PlannedDoc {
  kind: 'invoice' | 'letter' | 'invitation' | 'itinerary' | 'offer';
  lang: Lang;
  html: boolean;
  title: string;
  /** Assigned once every document's serial number is known. */
  file: string;
  render: () => string;
}

export interface Refs {
  shipments?: Shipment[];
  parties?: Party[];
  trips?: Trip[];
  docs?: PlannedDoc[];
}

export type Flag = Shipment | Party | Trip;

export interface Planted {
  pattern: PatternName;
  reason: () => string;
  flag: Flag[];
  refs: Refs;
}

export interface PlantedDecoy {
  decoy: DecoyName;
  pattern: PatternName;
  reason: () => string;
  refs: Refs;
}

export interface Plan {
  /** Instances per main pattern. */
  k: number;
  listed: Party[];
  shipments: Shipment[];
  trips: Trip[];
  docs: PlannedDoc[];
  planted: Planted[];
  decoys: PlantedDecoy[];
}

/** Instances per pattern for a number of shipments: a few for small data, up to 40 for millions. */
export function instancesFor(shipments: number): number {
  return Math.min(40, 2 + Math.floor(Math.sqrt(shipments / 1000)));
}

const PROGRAM_REASON = 'Fictional designation for testing (endtrace synthetic data): procurement of unmanned aircraft and dual-use components for military end use.';
const TECH_PURPOSES = ['Technical support', 'Commissioning of equipment', 'Installation and flight testing', 'Training of customer personnel', 'Warranty service'];
const FAR_PURPOSES = ['Trade fair', 'Industry conference', 'Sales meeting'];

const nameOf = (p: Party) => p.names.name;
const describe = (p: Party) => (p.listing ? `${nameOf(p)} (listed ${iso(p.listing.designated)}, ${p.listing.id})` : nameOf(p));
/** Items as the reasons cite them; "(CHPL)" marks a declared code on the list. */
const goodsText = (items: readonly Item[]) => items.map((it) => `HS ${it.hs}${isChpl(it.hs) ? ' (CHPL)' : ''} ${it.brand ? `${it.brand} ${it.model}` : it.goods.en}`).join('; ');

export function plantPatterns(world: World, opts: { seed: number; shipments: number }): Plan {
  const rng = new Rng(opts.seed, 'plan');
  const k = instancesFor(opts.shipments);
  const plan: Plan = { k, listed: [], shipments: [], trips: [], docs: [], planted: [], decoys: [] };
  const docsOf = new Map<Shipment, PlannedDoc[]>();
  const directorOf = new Map<Company, Person>();
  let letterNo = 100 + rng.int(0, 400);

  // ---- listed parties ---------------------------------------------------------------------------
  const list = (p: Party): void => {
    p.listing = {
      id: `synthetic-${opts.seed}-${p.ref.toLowerCase()}`,
      sanctionId: `synthetic-${opts.seed}-${p.ref.toLowerCase()}-sanction`,
      designated: rng.int(day('2022-03-01'), day('2024-12-31')),
      reason: PROGRAM_REASON,
    };
    plan.listed.push(p);
  };
  const planted = (country: string, sector: Sector, extra: { incorporated?: number; stem?: string; city?: Company['city'] } = {}): Company =>
    world.newCompany({ country, sector, role: 'planted', ...extra }, rng);
  const withDirector = (c: Company, listedPerson?: Person): Person => {
    const d = listedPerson ?? world.newPerson({ country: c.country }, rng);
    world.direct(d, c, directorRole(c.country, rng), c.incorporated + rng.int(30, 900));
    directorOf.set(c, d);
    return d;
  };

  const listedPersons: Person[] = [];
  for (let i = 0; i < Math.max(4, Math.ceil(k / 3)); i++) {
    const p = world.newPerson({ country: rng.weighted(['ru', 'cn', 'by', 'kz'], [6, 2, 1, 1]) }, rng);
    list(p);
    listedPersons.push(p);
  }
  const endUsers: Company[] = [];
  for (let i = 0; i < Math.max(3, Math.ceil(k / 3)); i++) endUsers.push(planted('ru', rng.pick(['uav', 'uav', 'electronics', 'instruments', 'optics'] as const)));
  for (let i = 0; i < 1 + Math.floor(k / 10); i++) endUsers.push(planted('by', rng.pick(['uav', 'electronics', 'instruments'] as const)));
  const listedTraders: Company[] = [];
  for (let i = 0; i < Math.max(1, Math.ceil(k / 6)); i++) listedTraders.push(planted('ru', 'trading'));
  for (let i = 0; i < Math.max(2, Math.ceil(k / 6)); i++) listedTraders.push(planted(rng.pick(DIVERSION), 'trading'));
  const listedSuppliers: Company[] = [];
  for (let i = 0; i < Math.max(1, Math.ceil(k / 8)); i++) {
    const c = planted('cn', rng.pick(['uav', 'electronics'] as const));
    world.addProducts(c, rng, sensitivePool(c.sector));
    listedSuppliers.push(c);
  }
  const listedCompanies = [...endUsers, ...listedTraders, ...listedSuppliers];
  for (const c of listedCompanies) {
    list(c);
    withDirector(c, rng.chance(0.3) ? rng.pick(listedPersons.filter((p) => p.country === c.country).concat(listedPersons.slice(0, 1))) : undefined);
  }

  // ---- planted, unlisted parties ------------------------------------------------------------------
  const suppliers: Company[] = [];
  for (let i = 0; i < Math.max(3, Math.ceil(k / 3)); i++) {
    const c = planted('cn', rng.pick(['uav', 'uav', 'electronics', 'rf'] as const));
    world.addProducts(c, rng, sensitivePool(c.sector));
    withDirector(c);
    for (let e = 0; e < 3; e++) {
      const p = world.newPerson({ country: 'cn', birthFrom: day('1975-01-01'), birthTo: day('1998-12-31') }, rng);
      p.employer = c;
      c.employees.push(p);
    }
    suppliers.push(c);
  }
  const makers: Company[] = [];
  for (let i = 0; i < Math.max(3, Math.ceil(k / 3)); i++) {
    const sector = rng.pick(['electronics', 'electronics', 'rf', 'instruments', 'optics', 'bearings', 'machine-tools'] as const);
    const c = planted(rng.weighted(['cn', 'tw', 'kr', 'jp', 'de', 'us'], [5, 1, 1, 1, 1, 1]), sector);
    world.addProducts(c, rng, GOODS.filter((g) => g.chpl && g.sector === sector));
    makers.push(c);
  }
  const traders: Company[] = [];
  for (let i = 0; i < Math.max(3, Math.ceil(k / 2)); i++) {
    const c = planted(rng.pick(DIVERSION), 'trading', { incorporated: rng.int(day('2021-06-01'), day('2023-06-30')) });
    withDirector(c);
    traders.push(c);
  }
  const freeEndUsers: Company[] = [];
  for (let i = 0; i < Math.max(2, Math.ceil(k / 4)); i++) freeEndUsers.push(planted(rng.chance(0.8) ? 'ru' : 'by', rng.pick(['uav', 'electronics', 'instruments'] as const)));
  const forwarders = ['cn', 'kz', 'hk', 'ae'].map((c) => planted(c, 'logistics'));

  // ---- helpers -------------------------------------------------------------------------------------
  const inWindow = (from: number, to: number) => rng.int(Math.max(DATA_START + 20, from), Math.min(DATA_END - 20, to));
  const productsOf = (c: Company, d: number, chplOnly = false) => {
    const ps = c.products.filter((p) => availableIn(p.goods, yearOf(d)) && (!chplOnly || p.goods.chpl));
    return ps.length ? ps : c.products;
  };
  const nameVariant = (c: Company, ruFile: boolean): string | undefined => {
    if (!c.listing || rng.chance(0.5)) return undefined;
    if (ruFile && c.country === 'ru') return rng.pick([c.names.local!.toUpperCase(), c.names.local!.replace(/[«»]/g, '"')]);
    return rng.pick([c.names.nameEn, c.names.name.toUpperCase(), c.names.localLatin ?? c.names.nameEn.toUpperCase()]);
  };
  const ship = (p: { day: number; shipper: Company; consignee: Company; items: Item[]; origin?: string; transit?: string; notify?: Company; currency: string }): Shipment => {
    const destination = p.consignee.country;
    const ruFile = destination === 'ru' && rng.chance(0.5);
    const mode = chooseMode(p.shipper.country, destination, p.items, rng);
    const s: Shipment = {
      index: -1, day: p.day, declarationNumber: '', ruFile, shipper: p.shipper, consignee: p.consignee, mode, transportId: transportId(mode, rng),
      origin: p.origin ?? p.shipper.country, dispatch: p.shipper.country, destination, currency: p.currency, items: p.items,
    };
    if (p.transit) s.transit = p.transit;
    else if (mode === 'road' && p.shipper.country === 'cn' && (destination === 'ru' || destination === 'by') && rng.chance(0.5)) s.transit = 'kz';
    if (p.notify) s.notify = p.notify;
    if (rng.chance(0.6)) s.forwarder = rng.pick(forwarders);
    const sn = nameVariant(p.shipper, ruFile);
    const cn = nameVariant(p.consignee, ruFile);
    if (sn) s.shipperName = sn;
    if (cn) s.consigneeName = cn;
    plan.shipments.push(s);
    return s;
  };
  const items = (c: Company, d: number, n: number, currency: string, chplOnly = false) =>
    rng.sample(productsOf(c, d, chplOnly), n).map((p) => makeItem(p, d, currency, rng, rng.logUniform(3_000, 400_000)));
  const doc = (kind: PlannedDoc['kind'], lang: Lang, title: string, render: () => string, attach: Shipment[] = []): PlannedDoc => {
    const d: PlannedDoc = { kind, lang, html: plan.docs.length % 5 === 3, title, file: '', render };
    plan.docs.push(d);
    for (const s of attach) docsOf.set(s, [...(docsOf.get(s) ?? []), d]);
    return d;
  };
  const invoiceDoc = (s: Shipment, lang: Lang, endUser?: Company) => {
    const number = lang === 'zh' ? `${iso(s.day).slice(0, 4)}${rng.digits(6)}` : `${lang === 'ru' ? '' : 'INV-'}${iso(s.day).slice(0, 4)}-${rng.int(100, 9999)}`;
    return doc('invoice', lang, `Invoice ${number}`, () => invoice(s, { number, lang, ...(endUser ? { endUser } : {}) }), [s]);
  };
  const lettersNo = () => `${letterNo++}/${rng.int(1, 99)}`;

  // ---- listed-party-direct and post-designation: deliveries to listed parties ----------------------
  const listedConsignees = [...endUsers, ...listedTraders];
  for (let i = 0; i < 2 * k; i++) {
    const post = i % 2 === 1;
    // 0–3: the listed party is the consignee; 4: the notify party; 5: the shipper. Spread over pre and post.
    const variant = ((i >> 1) + (i & 1) * 3) % 6;
    let shipper: Company;
    let consignee: Company;
    let notify: Company | undefined;
    let listedParty: Company;
    if (variant === 5) {
      listedParty = rng.pick(listedSuppliers);
      shipper = listedParty;
      consignee = rng.pick(freeEndUsers);
    } else if (variant === 4) {
      listedParty = rng.pick(endUsers);
      shipper = rng.pick(suppliers);
      consignee = rng.pick(traders);
      notify = listedParty;
    } else {
      listedParty = rng.pick(listedConsignees);
      shipper = rng.pick(suppliers);
      consignee = listedParty;
    }
    const designated = listedParty.listing!.designated;
    const d = post ? inWindow(designated + 1, DATA_END) : inWindow(DATA_START, designated - 1);
    const currency = currencyFor(shipper, consignee.country, d, rng);
    const s = ship({ day: d, shipper, consignee, items: items(shipper, d, rng.int(1, 3), currency), currency, ...(notify ? { notify } : {}) });
    invoiceDoc(s, shipper.country === 'cn' && rng.chance(0.5) ? 'zh' : 'en', notify);
    if (i % 3 === 0 && consignee.country === 'ru') {
      const no = lettersNo();
      const signatory = directorOf.get(consignee);
      const letterDay = d - rng.int(30, 90);
      doc('letter', 'ru', `Заявка ${no}`, () => procurementLetter(consignee, shipper, s.items, { number: no, day: letterDay, lang: 'ru', ...(signatory ? { signatory } : {}) }), [s]);
    }
  }

  // ---- transshipment ------------------------------------------------------------------------------
  for (let i = 0; i < k; i++) {
    const maker = rng.pick(makers);
    const trader = i % 4 === 3 ? rng.pick(listedTraders.filter((t) => t.country !== 'ru')) : rng.pick(traders);
    const endUser = i % 5 < 3 ? rng.pick(endUsers) : rng.pick(freeEndUsers);
    // CHPL codes are HS 2022 codes: the chains fall in 2022 and later, when they are declared as such.
    const d1 = inWindow(Math.max(HS2022_START, trader.incorporated + 10), DATA_END - 90);
    const c1 = currencyFor(maker, trader.country, d1, rng);
    const leg1Items = items(maker, d1, rng.int(1, 2), c1, true);
    const leg1 = ship({ day: d1, shipper: maker, consignee: trader, items: leg1Items, currency: c1 });
    const d2 = d1 + rng.int(7, 60);
    const c2 = rng.pick(['USD', 'USD', 'CNY', 'RUB', trader.country === 'ae' ? 'AED' : 'USD']);
    const transit = trader.country === 'kg' ? 'kz' : trader.country === 'am' ? 'ge' : undefined;
    const leg2 = ship({ day: d2, shipper: trader, consignee: endUser, items: leg1Items.map((it) => resellItem(it, d2, c2, rng, c1)), origin: maker.country, currency: c2, ...(transit ? { transit } : {}) });
    const docs = [invoiceDoc(leg1, maker.country === 'cn' && rng.chance(0.6) ? 'zh' : 'en'), invoiceDoc(leg2, rng.chance(0.5) ? 'ru' : 'en', i % 2 === 0 ? endUser : undefined)];
    if (i % 2 === 0) {
      const no = lettersNo();
      const signatory = directorOf.get(endUser);
      const lang = rng.chance(0.7) ? 'ru' : 'en';
      const letterDay = d1 - rng.int(20, 60);
      docs.push(doc('letter', lang, `Procurement request ${no}`, () => procurementLetter(endUser, trader, leg1Items, { number: no, day: letterDay, lang, via: trader.country, ...(signatory ? { signatory } : {}) }), [leg1]));
    }
    plan.planted.push({
      pattern: 'transshipment',
      reason: () =>
        `CHPL goods (${goodsText(leg1.items)}) made by ${nameOf(maker)} (${countryName(maker.country)}) were shipped on ${iso(d1)} to ${describe(trader)}, a trading company in ${countryName(trader.country)} (high diversion risk), and re-exported by it on ${iso(d2)} (${d2 - d1} days later) to ${describe(endUser)} in ${countryName(endUser.country)}.`,
      flag: [leg1, leg2],
      refs: { shipments: [leg1, leg2], parties: [maker, trader, endUser], docs },
    });
  }

  // ---- ownership: the 50 % rule -----------------------------------------------------------------------
  const ko = Math.max(2, Math.ceil(k / 4));
  const listedOwners = (): [Party, Party] => {
    const pool: Party[] = [...listedPersons, ...listedCompanies.filter((c) => c.country === 'ru' || c.country === 'cn')];
    const [a, b] = rng.sample(pool, 2);
    return [a!, b!];
  };
  const stakeStart = (c: Company) => c.incorporated + rng.int(10, 400);
  const deliverTo = (c: Company): Shipment => {
    const s = rng.pick(suppliers);
    const d = inWindow(Math.max(DATA_START, c.incorporated + 30), DATA_END);
    const cur = currencyFor(s, c.country, d, rng);
    return ship({ day: d, shipper: s, consignee: c, items: items(s, d, rng.int(1, 2), cur), currency: cur });
  };
  const ownedCompany = () => planted(rng.weighted(['ru', 'kz', 'am', 'ae'], [6, 2, 1, 1]), rng.pick(['trading', 'electronics', 'instruments'] as const), { incorporated: rng.int(day('2012-01-01'), day('2020-12-31')) });
  for (let i = 0; i < ko; i++) {
    const x = ownedCompany();
    withDirector(x);
    const [a, b] = listedOwners();
    const pa = i === 0 ? 25 : rng.int(26, 35);
    const pb = i === 0 ? 25 : rng.int(Math.max(15, 50 - pa), 35);
    const start = stakeStart(x);
    world.own(a, x, pa, start);
    world.own(b, x, pb, start + rng.int(0, 200));
    world.own(world.newPerson({ country: x.country }, rng), x, 100 - pa - pb, start);
    const s = deliverTo(x);
    plan.planted.push({
      pattern: 'ownership-50-aggregate',
      reason: () => `${nameOf(x)} is ${pa + pb} % owned by listed parties: ${describe(a)} holds ${pa} % and ${describe(b)} holds ${pb} %; aggregated, 50 % or more, so it is blocked under the OFAC 50 % rule.`,
      flag: [x],
      refs: { parties: [x, a, b], shipments: [s] },
    });
  }
  for (let i = 0; i < ko; i++) {
    const [c] = listedOwners();
    const y = ownedCompany();
    const z = ownedCompany();
    withDirector(y);
    withDirector(z);
    const py = rng.int(51, 75);
    const start = stakeStart(y);
    world.own(c, y, py, start);
    world.own(world.newPerson({ country: y.country }, rng), y, 100 - py, start);
    let reason: () => string;
    let parties: Party[];
    if (i % 2 === 0) {
      const pz = rng.int(50, 80);
      world.own(y, z, pz, Math.max(start, z.incorporated) + rng.int(10, 300));
      world.own(world.newPerson({ country: z.country }, rng), z, 100 - pz, z.incorporated + 10);
      reason = () => `${nameOf(z)} is ${pz} % owned by ${nameOf(y)}, which is ${py} % owned by ${describe(c)}: ${nameOf(y)} is blocked, and so is ${nameOf(z)} (OFAC 50 % rule, applied through the chain).`;
      parties = [z, y, c];
    } else {
      const [d] = rng.sample(listedPersons.filter((p) => p !== c), 1);
      const pd = rng.int(20, 30);
      const pz = rng.int(Math.max(15, 50 - pd), 30);
      world.own(d!, z, pd, z.incorporated + rng.int(10, 300));
      world.own(y, z, pz, Math.max(start, z.incorporated) + rng.int(10, 300));
      world.own(world.newPerson({ country: z.country }, rng), z, 100 - pd - pz, z.incorporated + 10);
      reason = () => `${nameOf(z)} is ${pd} % owned by ${describe(d!)} directly and ${pz} % by ${nameOf(y)}, which is ${py} % owned by ${describe(c)} and so blocked: ${pd + pz} % in all, 50 % or more (OFAC 50 % rule, aggregated across direct and indirect stakes).`;
      parties = [z, y, c, d!];
    }
    const s = deliverTo(z);
    plan.planted.push({ pattern: 'ownership-50-indirect', reason, flag: [y, z], refs: { parties, shipments: [s] } });
  }

  // ---- shared address and shared director ------------------------------------------------------------
  const ks = Math.max(2, Math.ceil(k / 4));
  const listedRuCn = listedCompanies.filter((c) => c.country === 'ru' || c.country === 'cn' || c.country === 'by');
  for (let i = 0; i < ks; i++) {
    const l = listedRuCn[i % listedRuCn.length]!;
    const n = planted(l.country, 'trading', { city: l.city, incorporated: rng.int(day('2021-01-01'), day('2023-12-31')) });
    n.address = l.address;
    if (l.addressLocal) n.addressLocal = l.addressLocal;
    withDirector(n);
    const s = deliverTo(n);
    const no = lettersNo();
    const recipient = rng.pick(freeEndUsers);
    const offer = doc('offer', n.country === 'ru' || n.country === 'by' ? 'ru' : 'en', `Offer ${no}`, () => commercialOffer(n, recipient, s.items, s.day - 40, no));
    plan.planted.push({
      pattern: 'shared-address',
      reason: () => `${nameOf(n)} (unlisted, incorporated ${iso(n.incorporated)}) has the same registered address as ${describe(l)}: ${l.address}.`,
      flag: [n],
      refs: { parties: [n, l], shipments: [s], docs: [offer] },
    });
  }
  for (let i = 0; i < ks; i++) {
    const l = listedCompanies[(i * 3 + 1) % listedCompanies.length]!;
    const director = directorOf.get(l)!;
    const n = planted(director.country === 'cn' ? 'cn' : l.country === 'cn' ? 'hk' : l.country, 'trading', { incorporated: rng.int(day('2020-06-01'), day('2023-12-31')) });
    world.direct(director, n, directorRole(n.country, rng), n.incorporated + rng.int(0, 60));
    const s = deliverTo(n);
    plan.planted.push({
      pattern: 'shared-director',
      reason: () => `${nameOf(director)} (born ${iso(director.birth)}) is a director of ${nameOf(n)} and of ${describe(l)}.`,
      flag: [n],
      refs: { parties: [n, l, director], shipments: [s] },
    });
  }

  // ---- technicians travelling around deliveries ----------------------------------------------------------
  const deliveries: Array<{ supplier: Company; consignee: Company; days: number[] }> = [];
  for (let i = 0; i < k; i++) {
    const supplier = rng.pick(suppliers);
    const consignee = rng.pick(endUsers);
    const d = inWindow(DATA_START + 30, DATA_END - 30);
    const cur = currencyFor(supplier, consignee.country, d, rng);
    const s = ship({ day: d, shipper: supplier, consignee, items: items(supplier, d, rng.int(1, 2), cur), currency: cur });
    deliveries.push({ supplier, consignee, days: [d] });
    const team = rng.sample(supplier.employees, rng.int(1, 3));
    const offset = rng.int(-14, 14);
    const arrive = d + offset;
    const out = flight(supplier.city, consignee.city, arrive, rng);
    out.departure = arrive - (out.arrival - out.departure);
    out.arrival = arrive;
    const back = flight(consignee.city, supplier.city, arrive + rng.int(3, 12), rng);
    const trip: Trip = { bookingRef: bookingRef(plan.trips.length, opts.seed), travellers: team, flights: [out, back], purpose: rng.pick(TECH_PURPOSES), host: consignee };
    plan.trips.push(trip);
    const itineraryLang = rng.chance(0.6) ? 'zh' : 'en';
    const docs = [doc('itinerary', itineraryLang, `Itinerary ${trip.bookingRef}`, () => itinerary(trip, team[0]!, itineraryLang))];
    if (i % 2 === 0 && consignee.country === 'ru') {
      const no = lettersNo();
      const signatory = directorOf.get(consignee);
      docs.push(doc('invitation', 'ru', `Приглашение ${no}`, () => invitationLetter(consignee, supplier, team, out.arrival, back.departure, no, signatory)));
    }
    plan.planted.push({
      pattern: 'technician-travel',
      reason: () =>
        `${team.map(nameOf).join(', ')} (${team.length > 1 ? 'employees' : 'employee'} of the supplier ${describe(supplier)}) flew to ${consignee.city.name} arriving ${iso(arrive)}, ${Math.abs(offset)} days ${offset < 0 ? 'before' : 'after'} the delivery ${s.declarationNumber} of ${iso(d)} from ${nameOf(supplier)} to ${describe(consignee)} in ${consignee.city.name}; host: ${nameOf(consignee)}; purpose: ${trip.purpose}.`,
      flag: [trip],
      refs: { shipments: [s], trips: [trip], parties: [supplier, consignee, ...team], docs },
    });
  }

  // ---- decoys ----------------------------------------------------------------------------------------------
  const kd = Math.max(2, Math.ceil(k / 4));
  const ordinary = ['cn', 'tr'].map((c) => {
    const d = planted(c, rng.pick(['food', 'furniture', 'household', 'apparel'] as const));
    world.addProducts(d, rng);
    return d;
  });
  for (let i = 0; i < kd; i++) {
    const l = listedRuCn[(i * 2) % listedRuCn.length]!;
    const lookalike = planted(l.country, rng.pick(['food', 'furniture', 'household', 'auto'] as const), { stem: l.names.stemKey });
    const shipper = rng.pick(ordinary);
    const d = inWindow(DATA_START, DATA_END);
    const cur = currencyFor(shipper, lookalike.country, d, rng);
    const s = lookalike.country === shipper.country ? undefined : ship({ day: d, shipper, consignee: lookalike, items: items(shipper, d, 1, cur), currency: cur });
    plan.decoys.push({
      decoy: 'similar-name',
      pattern: 'listed-party-direct',
      reason: () => `${nameOf(lookalike)} resembles the listed ${describe(l)} but is another company (${lookalike.inn ? `INN ${lookalike.inn} vs ${l.inn}` : lookalike.uscc ? `USCC ${lookalike.uscc} vs ${l.uscc}` : 'different identifiers'}, sector ${lookalike.sector}).`,
      refs: { parties: [lookalike, l], ...(s ? { shipments: [s] } : {}) },
    });
  }
  for (let i = 0; i < kd; i++) {
    const maker = makers[i % makers.length]!;
    const buyer = planted(rng.pick(ALLOWED.filter((c) => c !== maker.country)), 'electronics');
    const d = inWindow(HS2022_START, DATA_END);
    const cur = currencyFor(maker, buyer.country, d, rng);
    const s = ship({ day: d, shipper: maker, consignee: buyer, items: items(maker, d, 1, cur, true), currency: cur });
    plan.decoys.push({
      decoy: 'chpl-allowed-destination',
      pattern: 'chpl-restricted-route',
      reason: () => `CHPL goods (${goodsText(s.items)}) shipped by ${nameOf(maker)} to ${nameOf(buyer)} in ${countryName(buyer.country)}, an allowed destination, with no onward shipment.`,
      refs: { shipments: [s], parties: [maker, buyer] },
    });
  }
  for (let i = 0; i < kd && deliveries.length > 0; i++) {
    const dv = deliveries[i % deliveries.length]!;
    const allDays = plan.shipments.filter((s) => s.shipper === dv.supplier && s.consignee.city === dv.consignee.city).map((s) => s.day);
    let t = -1;
    for (let attempt = 0; attempt < 200 && t < 0; attempt++) {
      const c = rng.int(DATA_START + 10, DATA_END - 20);
      if (allDays.every((x) => Math.abs(x - c) >= 90)) t = c;
    }
    if (t < 0) continue;
    const traveller = rng.pick(dv.supplier.employees);
    const out = flight(dv.supplier.city, dv.consignee.city, t, rng);
    const back = flight(dv.consignee.city, dv.supplier.city, out.arrival + rng.int(2, 6), rng);
    const trip: Trip = { bookingRef: bookingRef(plan.trips.length, opts.seed), travellers: [traveller], flights: [out, back], purpose: rng.pick(FAR_PURPOSES) };
    plan.trips.push(trip);
    const nearest = Math.min(...allDays.map((x) => Math.abs(x - out.arrival)));
    plan.decoys.push({
      decoy: 'travel-far-from-delivery',
      pattern: 'technician-travel',
      reason: () => `${nameOf(traveller)} (employee of ${nameOf(dv.supplier)}) flew to ${dv.consignee.city.name} on ${iso(out.departure)}, ${nearest} days from the nearest delivery by ${nameOf(dv.supplier)} there: far outside ±14 days.`,
      refs: { trips: [trip], parties: [traveller, dv.supplier, dv.consignee] },
    });
  }
  for (let i = 0; i < kd; i++) {
    const l = listedCompanies[(i * 5 + 2) % listedCompanies.length]!;
    const director = directorOf.get(l)!;
    const namesake = world.newPerson({ country: director.country, sameNameAs: director, birthFrom: director.birth + 800, birthTo: director.birth + 6000 }, rng);
    const q = planted(director.country === 'cn' ? 'cn' : director.country, rng.pick(['food', 'furniture', 'apparel', 'services'] as const));
    world.direct(namesake, q, directorRole(q.country, rng), q.incorporated + rng.int(30, 600));
    plan.decoys.push({
      decoy: 'namesake-director',
      pattern: 'shared-director',
      reason: () => `${nameOf(namesake)}, director of ${nameOf(q)}, has the same name as the director of the listed ${describe(l)} but another birth date (${iso(namesake.birth)} vs ${iso(director.birth)}) and passport: a namesake, not the same person.`,
      refs: { parties: [namesake, q, l] },
    });
  }
  for (let i = 0; i < Math.max(1, Math.ceil(ko / 2)); i++) {
    const w = ownedCompany();
    const [a, b] = listedOwners();
    const pa = 30;
    const pb = rng.int(10, 19);
    world.own(a, w, pa, stakeStart(w));
    world.own(b, w, pb, stakeStart(w));
    world.own(world.newPerson({ country: w.country }, rng), w, 100 - pa - pb, w.incorporated + 5);
    plan.decoys.push({
      decoy: 'ownership-below-50',
      pattern: 'ownership-50-aggregate',
      reason: () => `${nameOf(w)} is ${pa + pb} % owned by listed parties (${describe(a)} ${pa} %, ${describe(b)} ${pb} %): below 50 %, not blocked by the 50 % rule.`,
      refs: { parties: [w, a, b] },
    });
    const [e] = rng.sample(listedPersons, 1);
    const p = ownedCompany();
    const q = ownedCompany();
    const pe = rng.int(40, 49);
    world.own(e!, p, pe, stakeStart(p));
    world.own(world.newPerson({ country: p.country }, rng), p, 100 - pe, p.incorporated + 5);
    world.own(p, q, 100, Math.max(p.incorporated, q.incorporated) + 30);
    plan.decoys.push({
      decoy: 'ownership-below-50',
      pattern: 'ownership-50-indirect',
      reason: () => `${nameOf(q)} is wholly owned by ${nameOf(p)}, which is only ${pe} % owned by ${describe(e!)}: ${nameOf(p)} is not blocked, so neither is ${nameOf(q)} (the 50 % rule does not multiply or pass through a minority stake).`,
      refs: { parties: [q, p, e!] },
    });
  }

  // ---- findings from the shipments themselves: CHPL routes, listed parties, designation dates ---------------
  plan.shipments.sort((a, b) => a.day - b.day);
  for (const s of plan.shipments) {
    const chpl = s.items.filter((it) => isChpl(it.hs));
    const risky = [s.destination, s.transit].filter((c): c is string => c !== undefined && (isRestricted(c) || isDiversion(c)));
    if (chpl.length > 0 && risky.length > 0) {
      plan.planted.push({
        pattern: 'chpl-restricted-route',
        reason: () => `CHPL goods (${chpl.map((it) => `HS ${it.hs} tier ${chplCode(it.goods.hs)?.tier ?? '?'}`).join(', ')}) shipped to ${nameOf(s.consignee)} in ${countryName(s.destination)}${s.transit ? ` through ${countryName(s.transit)}` : ''}: ${risky.map((c) => `${countryName(c)} is ${isRestricted(c) ? 'a sanctioned destination' : 'a high-diversion-risk country'}`).join('; ')}.`,
        flag: [s],
        refs: { shipments: [s], parties: [s.shipper, s.consignee], docs: docsOf.get(s) ?? [] },
      });
    }
  }
  for (const s of plan.shipments) {
    const roles: Array<[string, Company]> = [['shipper', s.shipper], ['consignee', s.consignee]];
    if (s.notify) roles.push(['notify party', s.notify]);
    const hits = roles.filter(([, p]) => p.listing);
    if (hits.length === 0) continue;
    const docs = docsOf.get(s) ?? [];
    const parties = roles.map(([, p]) => p);
    plan.planted.push({
      pattern: 'listed-party-direct',
      reason: () => `${hits.map(([role, p]) => `the ${role} ${describe(p)}`).join(' and ')} ${hits.length > 1 ? 'are' : 'is'} on the list; shipment ${s.declarationNumber} of ${iso(s.day)}: ${goodsText(s.items)}.`,
      flag: [s],
      refs: { shipments: [s], parties, docs },
    });
    const after = hits.filter(([, p]) => s.day > p.listing!.designated);
    if (after.length > 0) {
      plan.planted.push({
        pattern: 'post-designation',
        reason: () => `shipment ${s.declarationNumber} is dated ${iso(s.day)}, after the designation of ${after.map(([role, p]) => `the ${role} ${describe(p)}, ${s.day - p.listing!.designated} days earlier`).join(' and ')}.`,
        flag: [s],
        refs: { shipments: [s], parties, docs },
      });
    } else {
      plan.decoys.push({
        decoy: 'pre-designation',
        pattern: 'post-designation',
        reason: () => `shipment ${s.declarationNumber} of ${iso(s.day)} involves ${hits.map(([, p]) => describe(p)).join(' and ')}, but predates the designation: a listed-party hit, not a post-designation one.`,
        refs: { shipments: [s], parties, docs },
      });
    }
  }
  return plan;
}

/** Places the planted shipments at distinct random positions of the stream and numbers them. */
export function placeShipments(plan: Plan, total: number, seed: number): void {
  const rng = new Rng(seed, 'placement');
  const taken = new Set<number>();
  const positions: number[] = [];
  while (positions.length < plan.shipments.length) {
    const i = rng.int(0, total - 1);
    if (!taken.has(i)) {
      taken.add(i);
      positions.push(i);
    }
  }
  positions.sort((a, b) => a - b);
  plan.shipments.forEach((s, i) => {
    s.index = positions[i]!;
    s.declarationNumber = declarationNumber(s.index, s.day, s.dispatch, s.ruFile);
  });
}

/** Names the planted documents: serial numbers drawn from the same pool as the background ones. */
export function nameDocuments(docs: readonly PlannedDoc[], serials: readonly number[]): void {
  docs.forEach((d, i) => {
    const serial = String(serials[i]! + 1).padStart(5, '0');
    d.file = `documents/${d.kind}-${serial}-${d.lang}.${d.html ? 'html' : 'txt'}`;
  });
}

export function renderDocument(d: PlannedDoc): string {
  const text = d.render();
  return d.html ? asHtml(d.title, text, d.lang) : `${text}\n`;
}

/** Goods a supplier of controlled drone goods sells: its sector's sensitive goods, plus drone parts for UAV makers. */
function sensitivePool(sector: Sector): Goods[] {
  if (sector === 'uav') return GOODS.filter((g) => g.sector === 'uav' || ['850131', '850760', '850440', '852691', '852692', '851762', '851769', '852589', '847150', '901420'].includes(g.hs));
  return GOODS.filter((g) => g.sensitive && g.sector === sector);
}
