/**
 * OFAC's legacy CSV list files (SDN: sdn.csv + add.csv + alt.csv + sdn_comments.csv;
 * consolidated non-SDN list: cons_prim.csv + cons_add.csv + cons_alt.csv + cons_comments.csv),
 * layouts after OFAC's data specification (see layout.ts). Companions are joined on ent_num;
 * the main file is read twice, streaming: first for the names every entry goes by, then to
 * build the bundles, so that `Linked To:` names resolve to ids inside each entry's own bundle.
 */
import { fileSize } from '../io/text.js';
import { readCsv } from '../io/csv.js';
import { inputError, model } from '../../model/index.js';
import type { EntityBundle, Issue } from '../../model/index.js';
import { BundleBuilder, COMPANY_ID_PROPS, looksLikeCompany } from '../bundle.js';
import { applyOfacRemarks, clauseProps, clauseTypeKey, ofacCountry, parseClause, parseOfacRemarks, splitOfacRemarks } from '../ofac-common/index.js';
import type { RemarkClause } from '../ofac-common/index.js';
import type { ListMeta, ListParser, LoadUnit, ParseContext, UnitFile } from '../types.js';
import { addressParts, isEmptyAddRecord } from './address.js';
import { loadCompanions } from './companions.js';
import type { CommentRow, Companions } from './companions.js';
import { ALT_TYPES, COLUMNS, COLUMN_NAMES, SDN_TYPES, describeLayout, detectLayout, field, isEntNum, isRole, splitPrograms } from './layout.js';
import { NameIndex, NameLevel } from './name-index.js';

export const AUTHORITY = 'Office of Foreign Assets Control';
/** Largest main record; real ones stay under 2 KB (Remarks is cut at 1000 characters). */
export const MAIN_MAX_RECORD = 100_000;
/** Width of the Remarks column: longer remarks continue in the comments file. */
const REMARKS_WIDTH = 1000;

const COMPANY = model.schema('Company');
/** a.k.a. / f.k.a. / n.k.a. clauses of the Remarks (weak names). */
const NAME_CLAUSE = /^(alt\.\s*)?[afn]\.k\.a\b/i;

interface MainRecord {
  entNum: string;
  name: string;
  type: string;
  programs: string[];
  title: string;
  callSign: string;
  vesselType: string;
  tonnage: string;
  grt: string;
  vesselFlag: string;
  vesselOwner: string;
  remarks: string;
}

function mainRecord(f: string[]): MainRecord {
  return {
    entNum: f[0]!.trim(),
    name: field(f[1]),
    type: field(f[2]).toLowerCase(),
    programs: splitPrograms(field(f[3])),
    title: field(f[4]),
    callSign: field(f[5]),
    vesselType: field(f[6]),
    tonnage: field(f[7]),
    grt: field(f[8]),
    vesselFlag: field(f[9]),
    vesselOwner: field(f[10]),
    remarks: f[11] === undefined || f[11].trim() === '-0-' ? '' : f[11],
  };
}

export const entityId = (entNum: string) => `ofac-${entNum}`;

/** Streams the main file's rows, refusing a file whose first record is not the main layout. */
async function* mainRows(file: UnitFile, onBytes?: (n: number) => void): AsyncGenerator<{ fields: string[]; line: number }> {
  let first = true;
  const opts = { name: file.name, maxRecordSize: MAIN_MAX_RECORD, ...(onBytes ? { onBytes } : {}) };
  for await (const row of readCsv(file.path, opts)) {
    if (first) {
      first = false;
      if (detectLayout(row.fields) !== 'main') {
        throw inputError(
          `not an OFAC main list file (sdn.csv / cons_prim.csv): expected ${COLUMNS.main} columns (${COLUMN_NAMES.main}), found ${describeLayout(row.fields)}`,
          { file: file.name, line: row.line, record: row.fields[0] },
          'layout',
        );
      }
    }
    yield row;
  }
}

const rowIsMain = (fields: string[]) => fields.length === COLUMNS.main && isEntNum(fields[0]) && field(fields[1]) !== '';

function fullRemarks(rec: MainRecord, comments: readonly CommentRow[] | undefined): string {
  return rec.remarks + (comments ?? []).map((c) => c.text).join('');
}

/** First pass: every name (primary, alt.csv, remarks a.k.a.) of every entry. */
async function buildIndex(main: UnitFile, companions: Companions): Promise<{ index: NameIndex; entNums: Set<string> }> {
  const index = new NameIndex();
  const entNums = new Set<string>();
  for await (const { fields } of mainRows(main)) {
    if (!rowIsMain(fields)) continue;
    const rec = mainRecord(fields);
    if (entNums.has(rec.entNum)) continue;
    entNums.add(rec.entNum);
    const id = entityId(rec.entNum);
    index.add(rec.name, id, NameLevel.Primary);
    for (const alt of companions.alt.get(rec.entNum) ?? []) index.add(alt.name, id, NameLevel.Alias);
    for (const raw of splitOfacRemarks(fullRemarks(rec, companions.comments.get(rec.entNum)))) {
      if (NAME_CLAUSE.test(raw)) index.add(parseClause(raw).value, id, NameLevel.Weak);
    }
  }
  return { index, entNums };
}

/** Unparsed remark clauses of one type: reported once, at the end, with the first place they occur. */
interface UnparsedTally {
  count: number;
  example: string;
  first: Issue;
}

export const ofacCsvParser: ListParser = {
  format: 'ofac-csv',

  peek(): Promise<ListMeta> {
    // The legacy CSV files carry no publication date.
    return Promise.resolve({ published: null });
  },

  async *parse(unit: LoadUnit, ctx: ParseContext): AsyncGenerator<EntityBundle, ListMeta, undefined> {
    for (const f of unit.files) {
      if (!isRole(f.role)) throw inputError(`unknown file role "${f.role}" for an OFAC CSV unit (expected main, add, alt or comments)`, { file: f.name }, 'layout');
    }
    const mains = unit.files.filter((f) => f.role === 'main');
    if (mains.length !== 1) {
      throw inputError(`an OFAC CSV unit needs exactly one main file (sdn.csv or cons_prim.csv), got ${mains.length}`, { file: unit.files.map((f) => f.name).join(', ') }, 'layout');
    }
    const main = mains[0]!;
    const companionFiles = unit.files.filter((f) => f.role !== 'main');

    let doneBytes = 0;
    const progress = ctx.progress;
    const onBytes = progress ? (n: number) => progress(doneBytes + n) : undefined;
    const companions = await loadCompanions(companionFiles, (i) => ctx.issue(i));
    if (progress) {
      for (const f of companionFiles) doneBytes += await fileSize(f.path);
      progress(doneBytes);
    }

    const { index, entNums } = await buildIndex(main, companions);

    for (const [role, map] of [['add', companions.add], ['alt', companions.alt], ['comments', companions.comments]] as const) {
      for (const [entNum, rows] of map) {
        if (entNums.has(entNum)) continue;
        const r = rows[0]!;
        ctx.issue({ code: 'orphan_row', message: `${role} row(s) for ent_num ${entNum} (${rows.length}) whose entry is not in ${main.name}; ignored`, file: r.file, line: r.line, record: entNum });
      }
    }

    const seen = new Set<string>();
    const unparsed = new Map<string, UnparsedTally>();
    for await (const { fields, line } of mainRows(main, onBytes)) {
      const origin = `${main.name}:${line}`;
      const at = { file: main.name, line, record: fields[0]?.trim() };
      if (fields.length !== COLUMNS.main || !isEntNum(fields[0])) {
        ctx.issue({ code: 'bad_record', message: `expected ${COLUMNS.main} columns starting with a numeric ent_num, found ${describeLayout(fields)}; record skipped`, ...at });
        continue;
      }
      const rec = mainRecord(fields);
      if (!rec.name) {
        ctx.issue({ code: 'missing_name', message: `entry ${rec.entNum} has no SDN_Name; record skipped`, ...at });
        continue;
      }
      if (seen.has(rec.entNum)) {
        ctx.issue({ code: 'duplicate_id', message: `ent_num ${rec.entNum} appears again; the later record is skipped`, ...at });
        continue;
      }
      seen.add(rec.entNum);
      const issue = (code: string, message: string) => ctx.issue({ code, message, ...at });
      const bundle = buildBundle(rec, line, origin, main, companions, index, issue, (cl) => {
        const key = `${cl.kind}: ${clauseTypeKey(cl)}`;
        const tally = unparsed.get(key);
        if (tally) tally.count++;
        else unparsed.set(key, { count: 1, example: cl.raw.slice(0, 200), first: { code: 'unparsed_remark', message: '', ...at } });
      });
      reportRejected(bundle, issue);
      yield bundle;
    }

    for (const [key, tally] of unparsed) {
      ctx.issue({ ...tally.first, message: `${tally.count} remark clause(s) of type "${key}" kept in notes only; the first, here: "${tally.example}"` });
    }
    return { published: null };
  },
};

function buildBundle(
  rec: MainRecord,
  line: number,
  origin: string,
  main: UnitFile,
  companions: Companions,
  index: NameIndex,
  issue: (code: string, message: string) => void,
  tallyUnparsed: (cl: RemarkClause) => void,
): EntityBundle {
  const id = entityId(rec.entNum);
  let schema = SDN_TYPES[rec.type];
  if (!schema) {
    issue('invalid_value', `unknown SDN_Type "${rec.type}"; taken as an entity`);
    schema = 'Organization';
  }
  const b = new BundleBuilder(schema, id, origin);
  const meta = { origin };
  const root = b.root;
  root.add('name', rec.name, meta);
  const isPerson = schema === 'Person';
  if (isPerson) {
    const comma = rec.name.indexOf(',');
    if (comma > 0) {
      root.add('lastName', rec.name.slice(0, comma), meta);
      root.add('firstName', rec.name.slice(comma + 1), meta);
    }
  }
  root.add('topics', 'sanction', meta);
  root.add('program', rec.programs, meta);

  const sanction = b.sanction(origin);
  sanction.add('authority', AUTHORITY, meta);
  sanction.add('country', 'us', meta);
  sanction.add('program', rec.programs, meta);
  sanction.add('authorityId', rec.entNum, meta);

  // Several titles are separated by `;` ("Brigadier General and Commander …; President of …").
  const titles = rec.title.split(';').map((t) => t.trim()).filter(Boolean);
  for (const title of titles) {
    if (!b.rootAdd('position', title, meta)) root.add('notes', `Title: ${title}`, meta);
  }
  if (schema === 'Vessel') {
    root.add('callSign', rec.callSign, meta);
    root.add('type', rec.vesselType, meta);
    root.add('tonnage', rec.tonnage, meta);
    root.add('grossRegisteredTonnage', rec.grt, meta);
    root.add('flag', ofacCountry(rec.vesselFlag), meta);
  }
  if (rec.vesselOwner) {
    // The owner is a name; when it is exactly the name of an entry of this list, refer to it.
    const owner = index.resolve(rec.vesselOwner);
    const resolved = owner && 'id' in owner && owner.id !== id && b.rootAdd('owner', owner.id, meta);
    if (!resolved) root.add('notes', `Vessel owner: ${rec.vesselOwner}`, meta);
  }

  // Remarks, continued by the comments file where the 1000-character column was cut.
  const overflow = companions.comments.get(rec.entNum);
  const text = fullRemarks(rec, overflow);
  if (text) root.add('notes', text, meta);
  if (rec.remarks.length >= REMARKS_WIDTH && !overflow) {
    issue('truncated_remarks', `the Remarks field fills its ${REMARKS_WIDTH} characters and no comments file continues it; the last clause may be cut`);
  }
  const clauses = parseOfacRemarks(text, { titles });
  if (schema === 'Organization') {
    // Company when the name has a legal form or a remark carries a company identifier (or
    // another property only a Company has, such as an ISIN), before the values are applied.
    const props = clauses.flatMap(clauseProps);
    if (looksLikeCompany(rec.name) || props.some((p) => COMPANY_ID_PROPS.includes(p) || (!root.schema.properties.has(p) && COMPANY.properties.has(p)))) b.setSchema('Company');
  }
  // Clauses that lie wholly in the overflow get the comments row as their origin.
  const overflowOrigin = overflow?.[0] ? `${overflow[0].file}:${overflow[0].line}` : undefined;
  const fromMain: RemarkClause[] = [];
  const fromOverflow: RemarkClause[] = [];
  let cursor = 0;
  for (const cl of clauses) {
    const at = text.indexOf(cl.raw, cursor);
    if (at >= 0) cursor = at + cl.raw.length;
    if (overflowOrigin && at >= rec.remarks.length) fromOverflow.push(cl);
    else fromMain.push(cl);
  }
  const report = (i: { code: string; message: string }) => issue(i.code, i.message);
  const links: Array<{ name: string; origin: string }> = [];
  for (const [part, partOrigin] of [[fromMain, origin], [fromOverflow, overflowOrigin ?? origin]] as const) {
    if (part.length === 0) continue;
    const applied = applyOfacRemarks(b, part, { origin: partOrigin }, { report });
    for (const name of applied.links) links.push({ name, origin: partOrigin });
    for (const cl of applied.unparsed) tallyUnparsed(cl);
  }
  for (const link of links) {
    const target = index.resolve(link.name);
    if (target && 'id' in target) {
      if (target.id !== id) b.link(target.id, 'Linked To', { origin: link.origin });
    } else if (target) {
      issue('unresolved_link', `"Linked To: ${link.name}" matches ${target.ambiguous.length} entries (${target.ambiguous.slice(0, 5).join(', ')}); not linked`);
    } else {
      issue('unresolved_link', `"Linked To: ${link.name}" matches no entry name or alias in ${main.name}; not linked`);
    }
  }

  for (const alt of companions.alt.get(rec.entNum) ?? []) {
    const altMeta = { origin: `${alt.file}:${alt.line}` };
    let prop = ALT_TYPES[alt.type];
    if (!prop) {
      issue('invalid_value', `${alt.file}:${alt.line}: unknown alt_type "${alt.type}"; taken as a.k.a.`);
      prop = 'alias';
    }
    if (!alt.name) {
      issue('missing_name', `${alt.file}:${alt.line}: alias row without a name`);
      continue;
    }
    root.add(prop, alt.name, altMeta);
    if (alt.remarks) root.add('notes', `${alt.type} ${alt.name}: ${alt.remarks}`, altMeta);
  }
  for (const add of companions.add.get(rec.entNum) ?? []) {
    if (isEmptyAddRecord(add)) continue;
    // keepEmpty: a row with only Add_remarks still gives its Address (holding the remarks).
    b.address(addressParts(add), { origin: `${add.file}:${add.line}` }, add.addNum || `line${add.line}`, true);
  }
  return b.build();
}

function reportRejected(bundle: EntityBundle, issue: (code: string, message: string) => void): void {
  for (const e of [bundle.root, ...bundle.related]) {
    for (const r of e.rejected) issue('invalid_value', `${e.schema.name}.${r.prop} ${JSON.stringify(r.value)} refused: ${r.reason}${r.origin ? ` (from ${r.origin})` : ''}`);
  }
}
