/**
 * The measured side of screening.bench.ts; each mode runs in its own process so that its time
 * and peak RSS are its own. Uses the built code (dist/), as the CLI does.
 *   load DATA_DIR DB                 every list under DATA_DIR into a new SQLite store at DB
 *   index DB QUERIES_OUT N           build the index; make N queries (written to QUERIES_OUT);
 *                                    screen them one by one: throughput, latency, matches
 *   exhaustive DB QUERIES SEL W K    for the selected queries i (every SEL-th) with i/SEL ≡ W mod K:
 *                                    the index and the brute-force reference, timed side by side
 *   peer-prep DB XML_OUT QUERIES_OUT N   an sdn.xml (OFAC's legacy XML) of the loaded SDN
 *                                    individuals, and N first/last-name queries drawn from them
 *   peer-ours DB QUERIES             endtrace on the peer's queries
 *   peer-ofac XML QUERIES            the npm package `ofac` on the same queries
 * Prints one JSON line (lib/measure.ts reportChild).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as MatchingApi from '../src/matching/index.js';
import type * as Service from '../src/service/index.js';
import type * as StoreApi from '../src/store/index.js';
import { REPO_ROOT, reportChild } from './lib/measure.js';
import type { BenchQuery } from './query-generator.js';
import { makeQueries, prng, typo } from './query-generator.js';

const dist = (path: string) => pathToFileURL(join(REPO_ROOT, 'dist', path)).href;
const service = async () => (await import(dist('service/index.js'))) as typeof Service;
const storeApi = async () => (await import(dist('store/index.js'))) as typeof StoreApi;
const matching = async () => (await import(dist('matching/index.js'))) as typeof MatchingApi;

/** Results kept per query: enough that a name shared by many listed people is not cut short. */
export const LIMIT = 25;

async function openIndexed(db: string) {
  const { ScreeningService } = await service();
  const { SqliteStore } = await storeApi();
  const store = new SqliteStore(db);
  const svc = new ScreeningService(store);
  const t0 = performance.now();
  const lists = await svc.refresh();
  return { store, svc, lists, buildMs: performance.now() - t0, indexMs: svc.lastBuildMs };
}

async function load(dataDir: string, db: string) {
  const { loadLists } = await service();
  const { SqliteStore } = await storeApi();
  mkdirSync(dirname(db), { recursive: true });
  const store = new SqliteStore(db);
  try {
    const t0 = performance.now();
    const report = await loadLists(store, dataDir, {});
    return { wallMs: performance.now() - t0, units: report.units.map((u) => ({ source: u.source, status: u.status, entities: u.version?.entities ?? 0 })) };
  } finally {
    await store.close();
  }
}

async function index(db: string, queriesOut: string, n: number) {
  const { toMatchInput } = await service();
  const { svc, store, lists, buildMs, indexMs } = await openIndexed(db);
  const rssAfterBuildMb = process.memoryUsage().rss / 2 ** 20;
  const idx = svc.rawIndex;
  const names: Array<{ id: string; name: string; schema: string }> = [];
  for (let i = 0; i < idx.size; i++) {
    const e = idx.entry(i);
    names.push({ id: e.id, name: e.caption, schema: e.schema });
  }
  const queries = makeQueries(names, n);
  writeFileSync(queriesOut, JSON.stringify(queries));
  const inputs = queries.map((q) => toMatchInput({ name: q.name, schema: q.schema }));
  // Warm-up (JIT, lazily built tables) on queries of another seed.
  for (const q of makeQueries(names, 300, 7)) svc.screenPrepared(toMatchInput({ name: q.name, schema: q.schema }), lists, { limit: LIMIT });
  const latencies: number[] = [];
  const matches: string[][] = [];
  const t0 = performance.now();
  for (const input of inputs) {
    const t = performance.now();
    const res = svc.screenPrepared(input, lists, { limit: LIMIT });
    latencies.push(performance.now() - t);
    matches.push(res.results.filter((r) => r.match).map((r) => r.id));
  }
  const wallMs = performance.now() - t0;
  await store.close();
  return { entries: idx.size, lists, buildMs, indexMs, rssAfterBuildMb, wallMs, latencies, matches };
}

async function exhaustive(db: string, queriesFile: string, every: number, worker: number, workers: number) {
  const { prepareEntity } = await matching();
  const { toMatchInput } = await service();
  const { svc, store } = await openIndexed(db);
  const idx = svc.rawIndex;
  const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as BenchQuery[];
  const out: Array<{ i: number; indexMs: number; exhaustiveMs: number; index: string[]; exhaustive: Array<{ id: string; score: number }> }> = [];
  for (let i = 0, k = 0; i < queries.length; i += every, k++) {
    if (k % workers !== worker) continue;
    const q = queries[i]!;
    const prepared = () => prepareEntity(toMatchInput({ name: q.name, schema: q.schema }));
    let t = performance.now();
    const viaIndex = idx.search(prepared(), { limit: LIMIT });
    const indexMs = performance.now() - t;
    t = performance.now();
    const viaAll = idx.searchExhaustive(prepared(), { limit: 1000 });
    const exhaustiveMs = performance.now() - t;
    out.push({
      i,
      indexMs,
      exhaustiveMs,
      index: viaIndex.filter((r) => r.result.match).map((r) => r.entry.id),
      exhaustive: viaAll.filter((r) => r.result.match).map((r) => ({ id: r.entry.id, score: r.result.score })),
    });
  }
  await store.close();
  return out;
}

export interface PeerQuery {
  /** The SDN entity the query was drawn from (ofac-<uid>). */
  source: string;
  kind: 'exact' | 'typo';
  firstName: string;
  lastName: string;
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Splits an OFAC "LAST, First" name; a name without a comma is all last name (as OFAC lists it). */
function splitName(name: string): { firstName: string; lastName: string } {
  const comma = name.indexOf(',');
  return comma < 0 ? { firstName: '', lastName: name.trim() } : { lastName: name.slice(0, comma).trim(), firstName: name.slice(comma + 1).trim() };
}

/**
 * OFAC's legacy sdn.xml (schema: https://www.treasury.gov/ofac/downloads/sdn.xsd), one element
 * per line as the peer reads it line by line: sdnEntry with uid, firstName, lastName, sdnType,
 * akaList and idList, for the loaded SDN individuals.
 */
async function peerPrep(db: string, xmlOut: string, queriesOut: string, n: number) {
  const { SqliteStore } = await storeApi();
  const store = new SqliteStore(db);
  const lines = ['<?xml version="1.0" standalone="yes"?>', '<sdnList xmlns="http://tempuri.org/sdnList.xsd">'];
  const people: Array<{ id: string; firstName: string; lastName: string }> = [];
  const entries: string[] = [];
  let ids = 0;
  for await (const batch of store.iterateEntities({ targetOnly: true, sources: ['ofac-sdn'], batchSize: 2000 })) {
    for (const e of batch) {
      if (e.schema.name !== 'Person') continue;
      const uid = e.id.replace(/^ofac-/, '');
      const first = e.get('firstName')[0] ?? '';
      const last = e.get('lastName')[0] ?? splitName(e.caption).lastName;
      const entry = ['<sdnEntry>', `<uid>${xmlText(uid)}</uid>`];
      if (first) entry.push(`<firstName>${xmlText(first)}</firstName>`);
      entry.push(`<lastName>${xmlText(last)}</lastName>`, '<sdnType>Individual</sdnType>');
      const akas = e.get('alias').map(splitName);
      if (akas.length) {
        entry.push('<akaList>');
        akas.forEach((a, i) => {
          entry.push('<aka>', `<uid>${uid}${i}</uid>`, '<type>a.k.a.</type>');
          if (a.firstName) entry.push(`<firstName>${xmlText(a.firstName)}</firstName>`);
          entry.push(`<lastName>${xmlText(a.lastName)}</lastName>`, '</aka>');
        });
        entry.push('</akaList>');
      }
      const passports = e.get('passportNumber');
      if (passports.length) {
        entry.push('<idList>');
        for (const p of passports) entry.push('<id>', `<uid>${++ids}</uid>`, '<idType>Passport</idType>', `<idNumber>${xmlText(p)}</idNumber>`, '</id>');
        entry.push('</idList>');
      }
      entry.push('</sdnEntry>');
      entries.push(entry.join('\n'));
      if (first && last) people.push({ id: e.id, firstName: first, lastName: last });
    }
  }
  await store.close();
  lines.push('<publshInformation>', '<Publish_Date>12/28/2023</Publish_Date>', `<Record_Count>${entries.length}</Record_Count>`, '</publshInformation>', ...entries, '</sdnList>');
  writeFileSync(xmlOut, `${lines.join('\n')}\n`);
  people.sort((a, b) => a.id.localeCompare(b.id));
  const rand = prng(1234);
  const queries: PeerQuery[] = [];
  for (let i = 0; i < n; i++) {
    const p = people[Math.floor(rand() * people.length)]!;
    const kind = i % 2 === 0 ? 'exact' : 'typo';
    queries.push({ source: p.id, kind, firstName: p.firstName, lastName: kind === 'typo' ? typo(p.lastName, rand) : p.lastName });
  }
  writeFileSync(queriesOut, JSON.stringify(queries));
  return { individuals: entries.length, queries: queries.length };
}

async function peerOurs(db: string, queriesFile: string) {
  const { toMatchInput } = await service();
  const { svc, store, lists } = await openIndexed(db);
  const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as PeerQuery[];
  const out: Array<{ found: boolean; ms: number }> = [];
  for (const q of queries) {
    const t = performance.now();
    const res = svc.screenPrepared(toMatchInput({ name: `${q.firstName} ${q.lastName}`, schema: 'Person' }), lists, { limit: LIMIT });
    out.push({ ms: performance.now() - t, found: res.results.some((r) => r.match && r.id === q.source) });
  }
  await store.close();
  return out;
}

interface OfacModule {
  search(cust: { search_type?: string; firstName?: string; lastName?: string }, fn?: string): Promise<Array<{ uid: string }>>;
}

async function peerOfac(xml: string, queriesFile: string) {
  const ofac = createRequire(import.meta.url)('ofac') as OfacModule;
  const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as PeerQuery[];
  const out: Array<{ found: boolean; ms: number }> = [];
  for (const q of queries) {
    const t = performance.now();
    // The file is passed explicitly: the package then reads it and downloads nothing.
    const res = await ofac.search({ search_type: 'individual', firstName: q.firstName, lastName: q.lastName }, xml);
    out.push({ ms: performance.now() - t, found: res.some((r) => `ofac-${r.uid}` === q.source) });
  }
  return out;
}

const [mode, ...args] = process.argv.slice(2);
const num = (i: number) => Number(args[i]);
if (mode === 'load') reportChild(await load(args[0]!, args[1]!));
else if (mode === 'index') reportChild(await index(args[0]!, args[1]!, num(2)));
else if (mode === 'exhaustive') reportChild(await exhaustive(args[0]!, args[1]!, num(2), num(3), num(4)));
else if (mode === 'peer-prep') reportChild(await peerPrep(args[0]!, args[1]!, args[2]!, num(3)));
else if (mode === 'peer-ours') reportChild(await peerOurs(args[0]!, args[1]!));
else if (mode === 'peer-ofac') reportChild(await peerOfac(args[0]!, args[1]!));
else throw new Error('usage: screening.child.ts load|index|exhaustive|peer-prep|peer-ours|peer-ofac …');
