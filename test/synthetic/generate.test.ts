/**
 * The synthetic data set end to end: written to disk by the service, read back as a consumer
 * would, and checked against its own ground truth — every planted pattern is where the ground
 * truth says and is what it claims, and nothing outside the ground truth looks like a pattern.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, loadLists } from '../../src/service/index.js';
import type { GenerateReport } from '../../src/service/index.js';
import { SqliteStore } from '../../src/store/index.js';
import { CHPL_CODES, COMPANY_COLUMNS, DECOYS, DIRECTORSHIP_COLUMNS, OWNERSHIP_COLUMNS, PATTERNS, TRADE_COLUMNS, TRADE_RU_COLUMNS, TRAVEL_COLUMNS, isChpl, isValidInn, isValidOgrn, isValidUscc, nameKey } from '../../src/synthetic/index.js';
import type { GroundTruth, PatternInstance } from '../../src/synthetic/index.js';
import { tempDir } from '../cli/run-cli.js';
import { daysBetween, readListed, readTable, readTruth, shipmentsOf } from './output.js';
import type { ListedView, ShipmentView, Table } from './output.js';

/** ENDTRACE_TEST_SEED, _COMPANIES and _SHIPMENTS run the same checks on another data set. */
const SIZES = {
  seed: Number(process.env.ENDTRACE_TEST_SEED ?? 20240503),
  companies: Number(process.env.ENDTRACE_TEST_COMPANIES ?? 400),
  shipments: Number(process.env.ENDTRACE_TEST_SHIPMENTS ?? 6000),
};
const RESTRICTED = new Set(['ru', 'by']);
const DIVERSION = new Set(['am', 'kz', 'kg', 'ae', 'tr', 'hk']);

function folderHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else out[p] = createHash('sha256').update(readFileSync(join(dir, p))).digest('hex');
    }
  };
  walk('');
  return out;
}

const scratch = tempDir('synthetic');
const dirA = join(scratch.dir, 'a');
let report: GenerateReport;
let truth: GroundTruth;
let trade: Table;
let tradeRu: Table;
let companies: Table;
let ownership: Table;
let directorships: Table;
let travel: Table;
let shipments: Map<string, ShipmentView>;
let listed: Map<string, ListedView>;
let listedLines: Array<Record<string, unknown>>;

beforeAll(async () => {
  report = await generateDataset({ ...SIZES, out: dirA });
  truth = readTruth(dirA);
  [trade, tradeRu, companies, ownership, directorships, travel] = await Promise.all([
    readTable(join(dirA, 'trade.csv')),
    readTable(join(dirA, 'trade-ru.csv')),
    readTable(join(dirA, 'companies.csv')),
    readTable(join(dirA, 'ownership.csv')),
    readTable(join(dirA, 'directorships.csv')),
    readTable(join(dirA, 'travel.csv')),
  ]);
  shipments = shipmentsOf(trade, tradeRu);
  ({ listed, lines: listedLines } = readListed(dirA));
});
afterAll(() => scratch.remove());

const instances = (pattern: string): PatternInstance[] => truth.patterns.filter((p) => p.pattern === pattern);
const flagged = (pattern: string) => new Set(instances(pattern).flatMap((p) => p.flag));
const listedKeys = () => {
  const byKey = new Map<string, ListedView>();
  for (const l of listed.values()) for (const k of l.keys) byKey.set(k, l);
  return byKey;
};
/** The listed entities a shipment names as shipper, consignee or notify party (by name in any script, or by INN). */
function listedIn(s: ShipmentView): ListedView[] {
  const byKey = listedKeys();
  const out = new Set<ListedView>();
  for (const name of [s.shipper, s.consignee, s.notify]) {
    const hit = name ? byKey.get(nameKey(name)) : undefined;
    if (hit) out.add(hit);
  }
  for (const l of listed.values()) if (l.inn && (l.inn === s.consigneeInn || l.inn === s.shipperInn)) out.add(l);
  return [...out];
}
/** Every name companies.csv gives a company, keyed, to its row. */
function companyIndex(): Map<string, Record<string, string>> {
  const m = new Map<string, Record<string, string>>();
  for (const r of companies.rows) for (const n of [r.name, r.name_en, r.name_local, r.name_local_latin]) if (n) m.set(nameKey(n), r);
  return m;
}

describe('generate: files and determinism', () => {
  it('writes every file, with the documented columns, and reports their rows', () => {
    for (const f of ['trade.csv', 'trade-ru.csv', 'companies.csv', 'ownership.csv', 'directorships.csv', 'travel.csv', 'listed.ftm.json', 'ground-truth.json', 'README.md']) {
      expect(existsSync(join(dirA, f)), f).toBe(true);
    }
    expect(trade.header).toEqual([...TRADE_COLUMNS]);
    expect(trade.header).toEqual(['declaration_number', 'date', 'shipper', 'shipper_country', 'shipper_inn', 'consignee', 'consignee_country', 'consignee_inn', 'notify_party', 'declarant', 'forwarder', 'transport_mode', 'transport_id', 'origin_country', 'dispatch_country', 'destination_country', 'transit_country', 'hs_code', 'goods_description', 'brand', 'model', 'quantity', 'unit', 'net_weight', 'gross_weight', 'value', 'currency']);
    expect(tradeRu.header).toEqual([...TRADE_RU_COLUMNS]);
    expect(tradeRu.header).toEqual(['Отправитель', 'Получатель', 'ИНН получателя', 'Код ТН ВЭД', 'Описание товара', 'Страна происхождения', 'Страна отправления', 'Торговая страна', 'Дата ДТ', 'Номер ДТ', 'Фактурная стоимость', 'Валюта', 'Вес брутто', 'Вес нетто', 'Количество', 'Единица измерения', 'Товарный знак', 'Модель']);
    expect(ownership.header).toEqual(['owner', 'owner_country', 'owner_id', 'asset', 'asset_country', 'asset_id', 'percentage', 'start_date', 'end_date']);
    expect(directorships.header).toEqual(['director', 'director_birth_date', 'director_nationality', 'organization', 'organization_id', 'role', 'start_date', 'end_date']);
    expect(travel.header.slice(0, 16)).toEqual(['traveler', 'traveler_birth_date', 'traveler_nationality', 'passport', 'employer', 'companions', 'from_place', 'from_country', 'to_place', 'to_country', 'departure_date', 'arrival_date', 'flight_number', 'carrier', 'purpose', 'host']);
    expect(travel.header).toEqual([...TRAVEL_COLUMNS]);
    expect(companies.header).toEqual([...COMPANY_COLUMNS]);
    const rows = Object.fromEntries(report.files.map((f) => [f.path, f.rows]));
    expect(rows).toMatchObject({ 'trade.csv': trade.rows.length, 'trade-ru.csv': tradeRu.rows.length, 'companies.csv': SIZES.companies, 'travel.csv': travel.rows.length, 'listed.ftm.json': listedLines.length });
    expect(rows.documents).toBe(readdirSync(join(dirA, 'documents')).length);
    expect(new Set(shipments.keys()).size).toBe(SIZES.shipments);
  });

  it('documents every column of every file in README.md', () => {
    const text = readFileSync(join(dirA, 'README.md'), 'utf8');
    for (const c of [...TRADE_COLUMNS, ...TRADE_RU_COLUMNS, ...COMPANY_COLUMNS, ...OWNERSHIP_COLUMNS, ...DIRECTORSHIP_COLUMNS, ...TRAVEL_COLUMNS]) expect(text, c).toContain(c);
  });

  it('writes byte-identical files for the same seed and sizes, and other files for another seed', async () => {
    const dirB = join(scratch.dir, 'b');
    const dirC = join(scratch.dir, 'c');
    await generateDataset({ ...SIZES, out: dirB });
    await generateDataset({ ...SIZES, seed: (SIZES.seed + 1) % 2 ** 32, out: dirC });
    const a = folderHashes(dirA);
    expect(folderHashes(dirB)).toEqual(a);
    const c = folderHashes(dirC);
    expect(c['trade.csv']).not.toBe(a['trade.csv']);
    expect(c['ground-truth.json']).not.toBe(a['ground-truth.json']);
    // Writing again into an earlier output replaces it exactly (no stale documents).
    await generateDataset({ ...SIZES, out: dirC });
    expect(folderHashes(dirC)).toEqual(a);
  });

  it('refuses a non-empty folder that holds something else', async () => {
    await expect(generateDataset({ ...SIZES, out: join(scratch.dir) })).rejects.toMatchObject({ kind: 'usage' });
  });

  it('states the sizes, the seed and a generation time derived from the seed', () => {
    expect(truth.seed).toBe(SIZES.seed);
    expect(truth.sizes).toEqual({ companies: SIZES.companies, shipments: SIZES.shipments });
    expect(truth.generatedAt).toMatch(/^2026-0[1-3]-\d\dT00:00:00.000Z$/);
  });
});

describe('generate: ground truth', () => {
  it('plants every pattern and every decoy kind, and reports the counts', () => {
    for (const p of PATTERNS) expect(instances(p).length, p).toBeGreaterThanOrEqual(2);
    for (const d of DECOYS) expect(truth.decoys.filter((x) => x.decoy === d).length, d).toBeGreaterThanOrEqual(1);
    expect(report.patterns).toEqual(Object.fromEntries(PATTERNS.map((p) => [p, instances(p).length])));
    expect(truth.listed.length).toBe(listed.size);
    expect(new Set(truth.listed)).toEqual(new Set(listed.keys()));
  });

  it('points only at evidence that exists in the files', () => {
    const refs = new Set(travel.rows.map((r) => r.booking_reference));
    const companyNames = new Set(companies.rows.map((r) => r.name));
    const people = new Set([...travel.rows.map((r) => `${r.traveler} (${r.traveler_birth_date})`), ...directorships.rows.map((r) => `${r.director} (${r.director_birth_date})`)]);
    for (const p of [...truth.patterns, ...truth.decoys]) {
      for (const d of p.evidence.shipments ?? []) expect(shipments.has(d), `${p.reason}: shipment ${d}`).toBe(true);
      for (const t of p.evidence.travel ?? []) expect(refs.has(t), `booking ${t}`).toBe(true);
      for (const f of p.evidence.documents ?? []) expect(existsSync(join(dirA, f)), f).toBe(true);
      for (const e of p.evidence.entities ?? []) expect(listed.has(e) || companyNames.has(e) || people.has(e), `entity ${e}`).toBe(true);
    }
    for (const party of truth.parties) expect(party.listed ? listed.has(party.ref) : companyNames.has(party.ref) || people.has(party.ref), party.ref).toBe(true);
  });

  it('flags every shipment naming a listed party, and only those (listed-party-direct)', () => {
    const expected = new Set([...shipments.values()].filter((s) => listedIn(s).length > 0).map((s) => s.decl));
    expect(flagged('listed-party-direct')).toEqual(expected);
    // Some of them spell the listed name differently from the list's main name.
    const spelled = [...expected].map((d) => shipments.get(d)!).filter((s) => listedIn(s).some((l) => ![s.shipper, s.consignee, s.notify].includes(l.names[0]!)));
    expect(spelled.length).toBeGreaterThan(0);
  });

  it('flags shipments dated after a listed party\'s designation (post-designation), the earlier ones being decoys', () => {
    const post = new Set<string>();
    const pre = new Set<string>();
    for (const s of shipments.values()) {
      const hits = listedIn(s);
      if (hits.length === 0) continue;
      (hits.some((l) => s.date > l.designated) ? post : pre).add(s.decl);
    }
    expect(post.size).toBeGreaterThan(0);
    expect(flagged('post-designation')).toEqual(post);
    expect(new Set(truth.decoys.filter((d) => d.decoy === 'pre-designation').flatMap((d) => d.evidence.shipments!))).toEqual(pre);
  });

  it('flags every CHPL shipment bound for Russia, Belarus or a diversion country, and no other', () => {
    const risky = (c: string) => RESTRICTED.has(c) || DIVERSION.has(c);
    const expected = new Set([...shipments.values()].filter((s) => s.hs.some(isChpl) && (risky(s.destination) || risky(s.transit))).map((s) => s.decl));
    expect(flagged('chpl-restricted-route')).toEqual(expected);
    for (const d of truth.decoys.filter((x) => x.decoy === 'chpl-allowed-destination')) {
      const s = shipments.get(d.evidence.shipments![0]!)!;
      expect(s.hs.some(isChpl)).toBe(true);
      expect(risky(s.destination)).toBe(false);
    }
  });

  it('transshipments: CHPL goods to a diversion-country trader, re-exported by it to Russia or Belarus within 60 days', () => {
    for (const p of instances('transshipment')) {
      const [leg1, leg2] = p.flag.map((d) => shipments.get(d)!);
      expect(leg1!.hs.some(isChpl)).toBe(true);
      expect(DIVERSION.has(leg1!.destination)).toBe(true);
      expect(leg1!.dispatch).toBe(leg1!.origin);
      const company = companyIndex();
      expect(company.get(nameKey(leg2!.shipper))).toBe(company.get(nameKey(leg1!.consignee)));
      expect(leg2!.dispatch).toBe(leg1!.destination);
      expect(leg2!.origin).toBe(leg1!.origin);
      expect(RESTRICTED.has(leg2!.destination)).toBe(true);
      const gap = daysBetween(leg1!.date, leg2!.date);
      expect(gap).toBeGreaterThanOrEqual(7);
      expect(gap).toBeLessThanOrEqual(60);
      expect(new Set(leg2!.models)).toEqual(new Set(leg1!.models));
    }
  });

  it('ownership: the OFAC 50 % rule over ownership.csv blocks exactly the flagged companies', () => {
    // Fixed point over aggregated direct stakes held by blocked owners (listed parties to start).
    const blocked = new Set<string>();
    for (const l of listed.values()) for (const k of l.keys) blocked.add(k);
    const stakes = ownership.rows.filter((r) => !r.end_date);
    for (let changed = true; changed; ) {
      changed = false;
      const sums = new Map<string, number>();
      for (const r of stakes) if (blocked.has(nameKey(r.owner!))) sums.set(nameKey(r.asset!), (sums.get(nameKey(r.asset!)) ?? 0) + Number(r.percentage));
      for (const [asset, pct] of sums) {
        if (pct >= 50 && !blocked.has(asset)) {
          blocked.add(asset);
          changed = true;
        }
      }
    }
    const listedNameKeys = new Set([...listed.values()].flatMap((l) => [...l.keys]));
    const blockedUnlisted = new Set([...blocked].filter((k) => !listedNameKeys.has(k)));
    const flaggedKeys = new Set([...flagged('ownership-50-aggregate'), ...flagged('ownership-50-indirect')].map(nameKey));
    expect(flaggedKeys).toEqual(blockedUnlisted);
    for (const d of truth.decoys.filter((x) => x.decoy === 'ownership-below-50')) expect(blocked.has(nameKey(d.evidence.entities![0]!))).toBe(false);
    // The aggregate instances really need two listed owners: no single one holds 50 %.
    for (const p of instances('ownership-50-aggregate')) {
      const owners = stakes.filter((r) => nameKey(r.asset!) === nameKey(p.flag[0]!) && listedNameKeys.has(nameKey(r.owner!)));
      expect(owners.length).toBe(2);
      expect(Math.max(...owners.map((r) => Number(r.percentage)))).toBeLessThan(50);
    }
  });

  it('shared addresses: exactly the unlisted companies registered at a listed company\'s address', () => {
    const listedAddresses = new Set([...listed.values()].filter((l) => l.schema === 'Company').flatMap((l) => l.addresses));
    const listedNames = listedKeys();
    const expected = new Set(companies.rows.filter((r) => listedAddresses.has(r.address!) && !listedNames.has(nameKey(r.name!))).map((r) => r.name));
    expect(flagged('shared-address')).toEqual(expected);
    // A document carries the company's letterhead with the shared address.
    for (const p of instances('shared-address')) {
      const row = companies.rows.find((r) => r.name === p.flag[0])!;
      const texts = p.evidence.documents!.map((f) => readFileSync(join(dirA, f), 'utf8'));
      expect(texts.some((t) => t.includes(row.address_local || row.address!))).toBe(true);
    }
  });

  it('shared directors: exactly the unlisted companies with a director (same name and birth date) of a listed company', () => {
    const listedNames = listedKeys();
    const listedDirectors = new Set(directorships.rows.filter((r) => listedNames.has(nameKey(r.organization!))).map((r) => `${r.director}|${r.director_birth_date}`));
    const expected = new Set(directorships.rows.filter((r) => listedDirectors.has(`${r.director}|${r.director_birth_date}`) && !listedNames.has(nameKey(r.organization!))).map((r) => r.organization));
    expect(flagged('shared-director')).toEqual(expected);
    // The namesakes share the name only.
    for (const d of truth.decoys.filter((x) => x.decoy === 'namesake-director')) {
      const [person] = d.evidence.entities!;
      const name = person!.replace(/ \(\d{4}-\d\d-\d\d\)$/, '');
      expect(directorships.rows.some((r) => r.director === name && listedNames.has(nameKey(r.organization!)))).toBe(true);
      expect(listedDirectors.has(`${name}|${person!.slice(-11, -1)}`)).toBe(false);
    }
  });

  it('technician travel: exactly the supplier staff flying to a consignee\'s city within 14 days of a delivery to it', () => {
    const cityOf = companyIndex();
    const deliveries = new Map<string, Array<{ city: string; date: string }>>();
    for (const s of shipments.values()) {
      const key = nameKey(s.shipper);
      const city = cityOf.get(nameKey(s.consignee))?.city;
      if (city) deliveries.set(key, [...(deliveries.get(key) ?? []), { city, date: s.date }]);
    }
    const expected = new Set(
      travel.rows
        .filter((r) => r.employer && (deliveries.get(nameKey(r.employer)) ?? []).some((d) => d.city === r.to_place && Math.abs(daysBetween(d.date, r.arrival_date!)) <= 14))
        .map((r) => r.booking_reference),
    );
    expect(flagged('technician-travel')).toEqual(expected);
    for (const d of truth.decoys.filter((x) => x.decoy === 'travel-far-from-delivery')) expect(expected.has(d.evidence.travel![0]!)).toBe(false);
    for (const p of instances('technician-travel')) {
      const rows = travel.rows.filter((r) => r.booking_reference === p.flag[0]);
      const s = shipments.get(p.evidence.shipments![0]!)!;
      expect(rows.every((r) => r.employer === s.shipper)).toBe(true);
      expect(rows.some((r) => r.host !== '' && r.purpose !== '')).toBe(true);
    }
  });
});

describe('generate: realism', () => {
  it('uses the CHPL codes (all four tier-1 codes among them) and ordinary goods', () => {
    const used = new Set([...shipments.values()].flatMap((s) => s.hs));
    const chplUsed = CHPL_CODES.filter((c) => used.has(c.hs));
    expect(chplUsed.length).toBeGreaterThanOrEqual(45);
    expect(CHPL_CODES.filter((c) => c.tier === '1').every((c) => used.has(c.hs))).toBe(true);
    expect([...used].filter((h) => !isChpl(h)).length).toBeGreaterThan(10);
  });

  it('declares HS 8806/8807 only from 2022, and drones as 8802.20 or 8525.80 before', () => {
    const before = [...shipments.values()].filter((s) => s.date < '2022-01-01');
    expect(before.flatMap((s) => s.hs).filter((h) => h.startsWith('8806') || h.startsWith('8807'))).toEqual([]);
    const after = [...shipments.values()].filter((s) => s.date >= '2022-01-01').flatMap((s) => s.hs);
    expect(after.some((h) => h.startsWith('8806'))).toBe(true);
    expect(after.filter((h) => h === '880220' || h === '880330')).toEqual([]);
    expect(before.flatMap((s) => s.hs).some((h) => h === '880220' || h === '852580')).toBe(true);
  });

  it('keeps quantities, weights and values consistent', () => {
    for (const r of trade.rows) {
      const [q, net, gross, value] = [Number(r.quantity), Number(r.net_weight), Number(r.gross_weight), Number(r.value)];
      expect(Number.isInteger(q) && q >= 1).toBe(true);
      expect(net > 0 && gross >= net && value > 0).toBe(true);
      if (r.unit === 'kg') expect(net).toBe(q);
    }
    for (const r of tradeRu.rows) expect(Number(r['Вес брутто']) >= Number(r['Вес нетто'])).toBe(true);
  });

  it('names parties in Latin, Cyrillic and Chinese script', () => {
    const cyr = /[\u0400-\u04ff]/;
    const han = /[\u3400-\u9fff]/;
    expect(readFileSync(join(dirA, 'trade.csv'), 'utf8')).not.toMatch(/[\u0400-\u04ff\u3400-\u9fff]/);
    expect(tradeRu.rows.some((r) => /^(ООО|АО) «/.test(r['Получатель']!))).toBe(true);
    const aliases = listedLines.flatMap((l) => ((l.properties as Record<string, string[]>).alias ?? []));
    expect(aliases.some((a) => cyr.test(a))).toBe(true);
    expect(aliases.some((a) => /有限公司$/.test(a))).toBe(true);
    const docs = readdirSync(join(dirA, 'documents')).map((f) => readFileSync(join(dirA, 'documents', f), 'utf8'));
    expect(docs.some((d) => han.test(d) && /统一社会信用代码：[0-9A-Z]{18}/.test(d))).toBe(true);
    expect(docs.some((d) => /ИНН \d{10}/.test(d))).toBe(true);
    expect(companies.rows.some((r) => /^OOO /.test(r.name!) && cyr.test(r.name_local!))).toBe(true);
    expect(companies.rows.some((r) => / Co\., Ltd\.$/.test(r.name!) && han.test(r.name_local!) && / Youxian Gongsi$/.test(r.name_local_latin!))).toBe(true);
  });

  it('gives every INN, OGRN and USCC it writes a valid check digit', () => {
    const ids: string[] = [];
    for (const r of trade.rows) ids.push(r.shipper_inn!, r.consignee_inn!);
    for (const r of tradeRu.rows) ids.push(r['ИНН получателя']!);
    for (const r of companies.rows) ids.push(r.inn!, r.ogrn!, r.uscc!);
    for (const r of ownership.rows) ids.push(r.owner_id!, r.asset_id!);
    for (const r of directorships.rows) ids.push(r.organization_id!);
    for (const l of listedLines) {
      const p = l.properties as Record<string, string[]>;
      ids.push(...(p.innCode ?? []), ...(p.ogrnCode ?? []), ...(p.registrationNumber ?? []));
    }
    for (const f of readdirSync(join(dirA, 'documents'))) {
      const text = readFileSync(join(dirA, 'documents', f), 'utf8');
      for (const m of text.matchAll(/(?:ИНН|INN|INN\)):? ?(\d{10,12})\b/g)) ids.push(m[1]!);
      for (const m of text.matchAll(/(?:ОГРН|OGRN):? ?(\d{13,15})\b/g)) ids.push(m[1]!);
      for (const m of text.matchAll(/(?:USCC|统一社会信用代码)[：: ]+([0-9A-Z]{18})\b/g)) ids.push(m[1]!);
    }
    const present = ids.filter(Boolean);
    expect(present.length).toBeGreaterThan(1000);
    const bad = present.filter((id) => !(/^\d{10}$|^\d{12}$/.test(id) ? isValidInn(id) : /^\d{13}$|^\d{15}$/.test(id) ? isValidOgrn(id) : isValidUscc(id)));
    expect(bad).toEqual([]);
    expect(present.filter((id) => id.length === 18).length).toBeGreaterThan(10);
    expect(present.filter((id) => id.length === 13).length).toBeGreaterThan(10);
  });
});

describe('generate: listed.ftm.json', () => {
  it('loads like any FtM list, with every entity, and carries the designation dates', async () => {
    const store = new SqliteStore(':memory:');
    try {
      const r = await loadLists(store, join(dirA, 'listed.ftm.json'), { dataset: 'synthetic-list' });
      expect(r.units).toHaveLength(1);
      const unit = r.units[0]!;
      expect(unit.status).toBe('loaded');
      expect(unit.source).toBe('synthetic-list');
      expect(unit.issues).toBe(0);
      expect(unit.version!.entities).toBe(listedLines.length);
      expect(listedLines.filter((l) => l.schema === 'Sanction').length).toBe(truth.listed.length);
      const id = truth.listed.find((i) => listed.get(i)!.schema === 'Company')!;
      const rec = await store.getEntity(id);
      expect(rec!.entity.get('topics')).toContain('sanction');
      expect(rec!.entity.target).toBe(true);
      const sanctions = (await store.references(id)).filter((x) => x.schema === 'Sanction');
      expect(sanctions).toHaveLength(1);
      const sanction = await store.getEntity(sanctions[0]!.entityId);
      expect(sanction!.entity.get('program')).toEqual(['SYNTHETIC-TEST']);
      expect(sanction!.entity.get('listingDate')).toEqual([listed.get(id)!.designated]);
    } finally {
      await store.close();
    }
  });
});
