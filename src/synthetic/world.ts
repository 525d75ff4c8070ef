/**
 * The synthetic world: fictional companies and people with names, addresses and valid
 * identifiers, their owners and directors, and the product catalogues of the makers. The
 * background (ordinary commerce) is built here; the planted patterns add their own parties
 * through the same builder (plan.ts), so that names and identifiers stay unique.
 */
import { makeInn10, makeInn12, makeKpp, makeOgrn, makeUscc } from './checksums.js';
import { DATA_START, day } from './dates.js';
import { GOODS, ORDINARY_SECTORS, SENSITIVE_SECTORS, goodsBySector } from './goods.js';
import type { Goods } from './goods.js';
import { brandName, modelNumber, nameKey, personName, personStyle, translitRu, uniqueCompanyName } from './names.js';
import type { CompanyName, PersonName, Sector } from './names.js';
import { ALLOWED, COUNTRIES, countryOf } from './places.js';
import type { City } from './places.js';
import { Rng } from './prng.js';

export type Role = 'maker' | 'distributor' | 'importer' | 'tech-importer' | 'forwarder' | 'broker' | 'service' | 'planted';

export interface Listing {
  /** FtM id of the listed entity in listed.ftm.json. */
  id: string;
  sanctionId: string;
  /** Designation (listing) day. */
  designated: number;
  reason: string;
}

export interface Product {
  goods: Goods;
  brand: string;
  model: string;
  priceUsd: number;
  weightKg: number;
}

export interface Company {
  kind: 'company';
  ref: string;
  country: string;
  city: City;
  sector: Sector;
  role: Role;
  names: CompanyName;
  inn?: string;
  kpp?: string;
  ogrn?: string;
  uscc?: string;
  address: string;
  addressLocal?: string;
  incorporated: number;
  listing?: Listing;
  employees: Person[];
  products: Product[];
}

export interface Person {
  kind: 'person';
  ref: string;
  country: string;
  city: City;
  names: PersonName;
  birth: number;
  passport: string;
  inn?: string;
  listing?: Listing;
  employer?: Company;
}

export type Party = Company | Person;

export interface OwnershipRow {
  owner: Party;
  asset: Company;
  percentage: number;
  start: number;
  end?: number;
}

export interface DirectorshipRow {
  director: Person;
  organization: Company;
  role: string;
  start: number;
  end?: number;
}

export interface NewCompany {
  country: string;
  sector: Sector;
  role: Role;
  city?: City;
  /** Reuse this stem (look-alike decoys). */
  stem?: string;
  incorporated?: number;
}

export interface NewPerson {
  country: string;
  gender?: 'male' | 'female';
  /** Copy this person's name (namesake decoys). */
  sameNameAs?: Person;
  birthFrom?: number;
  birthTo?: number;
}

const RU_STREETS = ['Заводская', 'Промышленная', 'Садовая', 'Лесная', 'Речная', 'Полевая', 'Центральная', 'Молодёжная', 'Луговая', 'Школьная', 'Новая', 'Индустриальная', 'Энергетиков', 'Кооперативная', 'Складская', 'Строителей'];
const CN_ROADS: ReadonlyArray<readonly [string, string]> = [['科技园路', 'Kejiyuan Road'], ['创业路', 'Chuangye Road'], ['高新大道', 'Gaoxin Avenue'], ['工业大道', 'Gongye Avenue'], ['滨海大道', 'Binhai Avenue'], ['环城路', 'Huancheng Road'], ['信息路', 'Xinxi Road'], ['软件园路', 'Ruanjianyuan Road']];
const HK_AREAS = ['Kwun Tong, Kowloon', 'Tsim Sha Tsui, Kowloon', 'Wan Chai', 'Sheung Wan', 'Mong Kok, Kowloon', 'Kwai Chung, New Territories'];
const AE_AREAS: Record<string, readonly string[]> = { Dubai: ['Jebel Ali Free Zone', 'Business Bay', 'Deira', 'Dubai Silicon Oasis', 'Al Quoz Industrial Area'], Sharjah: ['Hamriyah Free Zone', 'SAIF Zone'], 'Abu Dhabi': ['Mussafah', 'KIZAD'] };
const STREET_KIND = ['Road', 'Street', 'Avenue', 'Lane', 'Way'];
const STREET_WORD = ['Harbour', 'Mill', 'Station', 'Bridge', 'Meadow', 'Orchard', 'Foundry', 'Quarry', 'Canal', 'Market', 'Chapel', 'Beacon'];

export class World {
  readonly companies: Company[] = [];
  readonly persons: Person[] = [];
  readonly ownership: OwnershipRow[] = [];
  readonly directorships: DirectorshipRow[] = [];
  private readonly takenNames = new Set<string>();
  private readonly takenPersons = new Set<string>();
  private readonly plantedPersons = new Set<string>();
  /** Set while the background is built: its people may be namesakes of each other. */
  background = false;
  private readonly takenIds = new Set<string>();
  readonly rng: Rng;

  constructor(readonly seed: number) {
    this.rng = new Rng(seed, 'world');
  }

  cityIn(country: string, rng: Rng = this.rng): City {
    return rng.pick(countryOf(country).cities);
  }

  private uniqueId(make: () => string): string {
    for (;;) {
      const id = make();
      if (!this.takenIds.has(id)) {
        this.takenIds.add(id);
        return id;
      }
    }
  }

  newCompany(spec: NewCompany, rng: Rng = this.rng): Company {
    const city = spec.city ?? this.cityIn(spec.country, rng);
    const names = uniqueCompanyName(rng, { country: spec.country, sector: spec.sector, city, ...(spec.stem ? { stem: spec.stem } : {}) }, this.takenNames);
    const incorporated = spec.incorporated ?? rng.int(day('1996-01-01'), DATA_START + 700);
    const c: Company = {
      kind: 'company',
      ref: `C${String(this.companies.length + 1).padStart(5, '0')}`,
      country: spec.country,
      city,
      sector: spec.sector,
      role: spec.role,
      names,
      address: '',
      incorporated,
      employees: [],
      products: [],
    };
    this.addIdentifiers(c, rng);
    this.addAddress(c, rng);
    this.companies.push(c);
    return c;
  }

  private addIdentifiers(c: Company, rng: Rng): void {
    if (c.country === 'ru') {
      const office = c.city.taxOffice ?? '7700';
      c.inn = this.uniqueId(() => makeInn10(office, rng));
      c.kpp = makeKpp(office);
      const year = Number(new Date(c.incorporated * 86_400_000).toISOString().slice(0, 4));
      c.ogrn = this.uniqueId(() => makeOgrn(Math.max(year, 2002), office, rng));
    } else if (c.country === 'cn') {
      c.uscc = this.uniqueId(() => makeUscc(c.city.division ?? '440300', rng));
    }
  }

  private addAddress(c: Company, rng: Rng): void {
    const city = c.city;
    const n = rng.int(1, 180);
    if (c.country === 'ru' || c.country === 'by' || c.country === 'kz' || c.country === 'kg') {
      const street = rng.pick(RU_STREETS);
      const office = rng.chance(0.6) ? `, офис ${rng.int(1, 520)}` : rng.chance(0.5) ? `, стр. ${rng.int(1, 9)}` : '';
      const prefix = city.postal ?? '1';
      const postal = prefix + rng.digits(6 - prefix.length);
      c.addressLocal = `${postal}, г. ${city.local ?? city.name}, ул. ${street}, д. ${n}${office}`;
      c.address = translitRu(c.addressLocal).replace('g. ', '').replace('ofis', 'office');
      return;
    }
    if (c.country === 'cn') {
      const [dz, de] = city.districts && city.districts.length ? rng.pick(city.districts) : ['', ''];
      const [rz, re] = rng.pick(CN_ROADS);
      const bldg = rng.pick(['A', 'B', 'C', 'D']);
      const room = `${rng.int(1, 28)}${String(rng.int(1, 20)).padStart(2, '0')}`;
      c.addressLocal = `${city.local}市${dz}${rz}${n}号${bldg}栋${room}室`;
      c.address = `Room ${room}, Building ${bldg}, No. ${n} ${re}, ${de ? `${de}, ` : ''}${city.name}, China`;
      return;
    }
    if (c.country === 'hk') {
      c.address = `Room ${rng.int(1, 30)}${String(rng.int(1, 20)).padStart(2, '0')}, ${rng.int(2, 30)}/F, ${rng.pick(STREET_WORD)} Centre, ${n} ${rng.pick(STREET_WORD)} Road, ${rng.pick(HK_AREAS)}, Hong Kong`;
      return;
    }
    if (c.country === 'ae') {
      c.address = `Office ${rng.int(100, 2999)}, ${rng.pick(STREET_WORD)} Tower, ${rng.pick(AE_AREAS[city.name] ?? ['Business Bay'])}, ${city.name}, United Arab Emirates`;
      return;
    }
    if (c.country === 'tr') {
      c.address = `${rng.pick(STREET_WORD)} Cad. No: ${n} D: ${rng.int(1, 40)}, ${city.name}, Türkiye`;
      return;
    }
    c.address = `${n} ${rng.pick(STREET_WORD)} ${rng.pick(STREET_KIND)}, ${city.name}, ${countryOf(c.country).name}`;
  }

  newPerson(spec: NewPerson, rng: Rng = this.rng): Person {
    const style = personStyle(spec.country);
    let names: PersonName;
    if (spec.sameNameAs) {
      names = spec.sameNameAs.names;
    } else {
      for (let attempt = 0; ; attempt++) {
        names = personName(rng, style, spec.gender);
        const key = nameKey(names.name);
        // Planted people have names of their own; background people may share names with each
        // other once the name space runs short, never with a planted one.
        const free = !this.takenPersons.has(key) || (this.background && attempt > 30 && !this.plantedPersons.has(key));
        if (free) {
          this.takenPersons.add(key);
          if (!this.background) this.plantedPersons.add(key);
          break;
        }
        if (attempt > 1000) throw new Error('no free person name left; use fewer companies');
      }
    }
    const city = this.cityIn(spec.country, rng);
    const birth = rng.int(spec.birthFrom ?? day('1958-01-01'), spec.birthTo ?? day('1996-12-31'));
    const p: Person = {
      kind: 'person',
      ref: `P${String(this.persons.length + 1).padStart(5, '0')}`,
      country: spec.country,
      city,
      names,
      birth,
      passport: this.uniqueId(() => passportNumber(spec.country, rng)),
    };
    if (spec.country === 'ru') p.inn = this.uniqueId(() => makeInn12(city.taxOffice ?? '7700', rng));
    this.persons.push(p);
    return p;
  }

  /** Gives a maker or distributor its product line: a brand and a few models of its sector's goods. */
  addProducts(c: Company, rng: Rng = this.rng, goods?: readonly Goods[]): void {
    const pool = goods ?? productPool(c.sector);
    const brand = brandName(rng);
    for (const g of rng.sample(pool, rng.int(3, Math.min(8, pool.length)))) {
      c.products.push({
        goods: g,
        brand: g.branded ? brand : '',
        model: g.branded ? modelNumber(rng) : '',
        priceUsd: rng.logUniform(g.price[0], g.price[1]),
        weightKg: g.weight[0] === g.weight[1] ? g.weight[0] : rng.logUniform(g.weight[0], g.weight[1]),
      });
    }
  }

  own(owner: Party, asset: Company, percentage: number, start: number, end?: number): OwnershipRow {
    const row: OwnershipRow = { owner, asset, percentage, start, ...(end !== undefined ? { end } : {}) };
    this.ownership.push(row);
    return row;
  }

  direct(director: Person, organization: Company, role: string, start: number, end?: number): DirectorshipRow {
    const row: DirectorshipRow = { director, organization, role, start, ...(end !== undefined ? { end } : {}) };
    this.directorships.push(row);
    return row;
  }
}

/** The goods a maker of `sector` makes: drone makers also make the drone parts and payloads. */
function productPool(sector: Sector): Goods[] {
  if (sector === 'uav') return GOODS.filter((g) => g.sector === 'uav' || ['850131', '850760', '852692', '852589', '851769'].includes(g.hs));
  return goodsBySector(sector);
}

function passportNumber(country: string, rng: Rng): string {
  switch (country) {
    case 'cn':
      return `E${rng.chars('ABCDEFGHJKLMNPQRSTUVWXYZ', 1)}${rng.digits(7)}`;
    case 'ru':
      return `7${rng.int(1, 9)} ${rng.digits(7)}`;
    case 'by':
      return `M${rng.chars('ABCHKMP', 1)}${rng.digits(7)}`;
    default:
      return `${rng.chars('ABCDEFGHJKLMNPRSTUVWXYZ', 2)}${rng.digits(7)}`;
  }
}

export const displayName = (p: Party): string => p.names.name;

/** The tax identifier trade records carry: INN for Russian parties, USCC for Chinese ones. */
export const taxId = (p: Party): string => (p.kind === 'company' ? (p.inn ?? p.uscc ?? '') : (p.inn ?? ''));

export interface Background {
  /** Shippers of controlled and drone goods, by sector. */
  makers: Company[];
  /** Shippers of ordinary goods. */
  distributors: Company[];
  /** Consignees of ordinary goods, anywhere. */
  importers: Company[];
  /** Consignees of controlled goods, in ALLOWED countries only. */
  techImporters: Company[];
  forwarders: Company[];
  /** Customs brokers by country. */
  brokers: Map<string, Company[]>;
  /** Employers of the background travellers. */
  services: Company[];
  /** Background travellers (employees of importers and service firms: never of a shipper). */
  travellers: Person[];
}

const MAKER_COUNTRY_WEIGHTS: Array<[string, number]> = [['cn', 45], ['tw', 9], ['kr', 8], ['jp', 10], ['de', 8], ['us', 10], ['fr', 2], ['it', 2], ['nl', 2], ['gb', 2], ['ch', 1], ['fi', 1], ['sg', 1]];
const DISTRIBUTOR_COUNTRY_WEIGHTS: Array<[string, number]> = [['cn', 30], ['de', 6], ['it', 6], ['tr', 6], ['in', 6], ['vn', 6], ['us', 6], ['ru', 5], ['fr', 4], ['pl', 3], ['nl', 3], ['kr', 3], ['jp', 3], ['my', 3], ['th', 3], ['by', 2], ['kz', 2], ['rs', 2], ['ge', 1], ['uz', 1], ['il', 1], ['ae', 1]];
const IMPORTER_COUNTRY_WEIGHTS: Array<[string, number]> = [['ru', 15], ['by', 3], ['kz', 5], ['kg', 2], ['am', 2], ['ae', 5], ['tr', 5], ['hk', 3], ['de', 8], ['us', 8], ['fr', 4], ['it', 4], ['nl', 4], ['pl', 4], ['gb', 4], ['jp', 4], ['kr', 3], ['in', 4], ['vn', 3], ['my', 2], ['th', 2], ['uz', 2], ['ge', 1], ['rs', 1], ['il', 1], ['au', 2], ['ca', 2], ['sg', 1], ['cn', 4]];
const FORWARDER_COUNTRIES = ['cn', 'hk', 'ae', 'kz', 'ru', 'de', 'us', 'tr', 'nl', 'sg', 'kg', 'am'];

function weightedCountry(rng: Rng, table: Array<[string, number]>): string {
  return rng.weighted(table.map((t) => t[0]), table.map((t) => t[1]));
}

/**
 * Fills the world up to `total` companies with background commerce: makers, distributors,
 * importers, forwarders, customs brokers and service firms, with directors, owners and staff.
 * None of them is listed or tied to a listed party.
 */
export function buildBackground(world: World, total: number): Background {
  const rng = new Rng(world.seed, 'background');
  world.background = true;
  const n = total - world.companies.length;
  const bg: Background = { makers: [], distributors: [], importers: [], techImporters: [], forwarders: [], brokers: new Map(), services: [], travellers: [] };
  const start = world.companies.length;
  const share = { maker: 0.16, distributor: 0.16, importer: 0.36, tech: 0.1, forwarder: 0.06, broker: 0.08, service: 0.08 };
  const counts = {
    maker: Math.max(4, Math.round(n * share.maker)),
    distributor: Math.max(4, Math.round(n * share.distributor)),
    tech: Math.max(3, Math.round(n * share.tech)),
    forwarder: Math.max(2, Math.round(n * share.forwarder)),
    broker: Math.max(2, Math.round(n * share.broker)),
    service: Math.max(2, Math.round(n * share.service)),
  };
  const importerCount = Math.max(4, n - counts.maker - counts.distributor - counts.tech - counts.forwarder - counts.broker - counts.service);

  for (let i = 0; i < counts.maker; i++) {
    const sector = i < SENSITIVE_SECTORS.length ? SENSITIVE_SECTORS[i]! : rng.weighted(SENSITIVE_SECTORS, [12, 14, 10, 6, 8, 6, 4, 4, 5, 2]);
    const c = world.newCompany({ country: weightedCountry(rng, MAKER_COUNTRY_WEIGHTS), sector, role: 'maker' }, rng);
    world.addProducts(c, rng);
    bg.makers.push(c);
  }
  // Every CHPL good is in some background maker's catalogue, so that the data uses all 50 codes.
  const carried = new Set(bg.makers.flatMap((m) => m.products.map((p) => p.goods.hs)));
  for (const g of GOODS.filter((x) => x.chpl && !carried.has(x.hs))) {
    const sameSector = bg.makers.filter((m) => m.sector === g.sector);
    const maker = rng.pick(sameSector.length ? sameSector : bg.makers);
    const model = maker.products.find((p) => p.brand);
    maker.products.push({ goods: g, brand: model?.brand ?? brandName(rng), model: modelNumber(rng), priceUsd: rng.logUniform(g.price[0], g.price[1]), weightKg: rng.logUniform(g.weight[0], g.weight[1]) });
  }
  for (let i = 0; i < counts.distributor; i++) {
    const sector = rng.pick(ORDINARY_SECTORS);
    const c = world.newCompany({ country: weightedCountry(rng, DISTRIBUTOR_COUNTRY_WEIGHTS), sector, role: 'distributor' }, rng);
    world.addProducts(c, rng);
    bg.distributors.push(c);
  }
  for (let i = 0; i < importerCount; i++) {
    bg.importers.push(world.newCompany({ country: weightedCountry(rng, IMPORTER_COUNTRY_WEIGHTS), sector: rng.pick([...ORDINARY_SECTORS, 'trading']), role: 'importer' }, rng));
  }
  for (let i = 0; i < counts.tech; i++) {
    bg.techImporters.push(world.newCompany({ country: rng.pick(ALLOWED), sector: rng.pick(['electronics', 'trading', 'instruments', 'computing'] as const), role: 'tech-importer' }, rng));
  }
  for (let i = 0; i < counts.forwarder; i++) {
    bg.forwarders.push(world.newCompany({ country: rng.pick(FORWARDER_COUNTRIES), sector: 'logistics', role: 'forwarder' }, rng));
  }
  const brokerCountries = [...new Set([...MAKER_COUNTRY_WEIGHTS, ...DISTRIBUTOR_COUNTRY_WEIGHTS].map((t) => t[0]))];
  for (let i = 0; i < counts.broker; i++) {
    const country = i < brokerCountries.length ? brokerCountries[i]! : weightedCountry(rng, DISTRIBUTOR_COUNTRY_WEIGHTS);
    const c = world.newCompany({ country, sector: 'customs', role: 'broker' }, rng);
    const list = bg.brokers.get(country) ?? [];
    list.push(c);
    bg.brokers.set(country, list);
  }
  for (let i = 0; i < counts.service; i++) {
    bg.services.push(world.newCompany({ country: rng.pick(COUNTRIES.map((c) => c.code)), sector: 'services', role: 'service' }, rng));
  }

  const added = world.companies.slice(start);
  // Directors: most companies have one; some people direct two companies of their country.
  const byCountry = new Map<string, Person[]>();
  for (const c of added) {
    if (!rng.chance(0.78)) continue;
    const pool = byCountry.get(c.country) ?? [];
    const reuse = pool.length > 3 && rng.chance(0.12);
    const person = reuse ? rng.pick(pool) : world.newPerson({ country: c.country }, rng);
    if (!reuse) pool.push(person);
    byCountry.set(c.country, pool);
    world.direct(person, c, directorRole(c.country, rng), Math.max(c.incorporated, c.incorporated + rng.int(0, 2000)));
  }
  // Owners: a third of the companies list one to three owners (people or an older company).
  for (let i = 0; i < added.length; i++) {
    const c = added[i]!;
    if (!rng.chance(0.34)) continue;
    const split = rng.pick([[100], [100], [51, 49], [50, 50], [60, 40], [70, 30], [75, 25], [40, 35, 25], [50, 30, 20], [34, 33, 33]]);
    for (const pct of split) {
      let owner: Party;
      if (i > 10 && rng.chance(0.3)) {
        owner = added[rng.int(0, i - 1)]!;
        if (owner === c) continue;
      } else {
        owner = world.newPerson({ country: c.country }, rng);
      }
      world.own(owner, c, pct, c.incorporated + rng.int(0, 1500));
    }
  }
  // Staff who travel: employees of importers and service firms.
  const employers = [...bg.services, ...rng.sample(bg.importers, Math.ceil(bg.importers.length / 4))];
  for (const e of employers) {
    for (let k = rng.int(1, 3); k > 0; k--) {
      const p = world.newPerson({ country: e.country }, rng);
      p.employer = e;
      e.employees.push(p);
      bg.travellers.push(p);
    }
  }
  return bg;
}

export function directorRole(country: string, rng: Rng): string {
  if (country === 'ru' || country === 'by' || country === 'kz' || country === 'kg') return rng.pick(['General Director', 'General Director', 'Director']);
  if (country === 'cn') return rng.pick(['Legal Representative', 'Executive Director', 'General Manager']);
  return rng.pick(['Director', 'Managing Director', 'Chief Executive Officer', 'Board Member']);
}
