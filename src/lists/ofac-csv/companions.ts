/**
 * The companion files of an OFAC legacy CSV unit (add, alt, comments), read whole into maps
 * keyed by ent_num: they are small (a few MB) and must be joined to the streamed main file.
 */
import { inputError } from '../../model/index.js';
import type { Issue } from '../../model/index.js';
import { readCsv } from '../io/csv.js';
import type { UnitFile } from '../types.js';
import type { AddRecord } from './address.js';
import { COLUMNS, COLUMN_NAMES, describeLayout, detectLayout, field, isEntNum } from './layout.js';
import type { OfacCsvRole } from './layout.js';

interface Located {
  file: string;
  line: number;
}

export interface AddRow extends AddRecord, Located {
  addNum: string;
}

export interface AltRow extends Located {
  altNum: string;
  type: string;
  name: string;
  remarks: string;
}

export interface CommentRow extends Located {
  text: string;
}

export interface Companions {
  add: Map<string, AddRow[]>;
  alt: Map<string, AltRow[]>;
  comments: Map<string, CommentRow[]>;
}

/** Largest record of a companion file; the biggest real one (a comments row of crypto addresses) is ~8 KB. */
export const COMPANION_MAX_RECORD = 1_000_000;

export async function loadCompanions(files: readonly UnitFile[], issue: (i: Issue) => void): Promise<Companions> {
  const out: Companions = { add: new Map(), alt: new Map(), comments: new Map() };
  for (const file of files) {
    if (file.role === 'add') await readCompanion(file, 'add', issue, (ent, fields, line) => push(out.add, ent, {
      file: file.name, line, addNum: field(fields[1]), address: field(fields[2]), cityField: field(fields[3]), country: field(fields[4]), remarks: field(fields[5]),
    }));
    else if (file.role === 'alt') await readCompanion(file, 'alt', issue, (ent, fields, line) => push(out.alt, ent, {
      file: file.name, line, altNum: field(fields[1]), type: field(fields[2]).toLowerCase(), name: field(fields[3]), remarks: field(fields[4]),
    }));
    else if (file.role === 'comments') await readCompanion(file, 'comments', issue, (ent, fields, line) => push(out.comments, ent, {
      // The overflow continues the Remarks text exactly where the 1000-character column was cut: no trimming.
      file: file.name, line, text: (fields[1] ?? '').replace(/^-0- ?$/, ''),
    }));
  }
  return out;
}

function push<T>(map: Map<string, T[]>, key: string, row: T): void {
  const list = map.get(key);
  if (list) list.push(row);
  else map.set(key, [row]);
}

async function readCompanion(
  file: UnitFile,
  role: Exclude<OfacCsvRole, 'main'>,
  issue: (i: Issue) => void,
  take: (entNum: string, fields: string[], line: number) => void,
): Promise<void> {
  let first = true;
  for await (const { fields, line } of readCsv(file.path, { name: file.name, maxRecordSize: COMPANION_MAX_RECORD })) {
    if (first) {
      first = false;
      if (detectLayout(fields) !== role) {
        throw inputError(
          `not an OFAC ${role} file: expected ${COLUMNS[role]} columns (${COLUMN_NAMES[role]}), found ${describeLayout(fields)}`,
          { file: file.name, line, record: fields[0] },
          'layout',
        );
      }
    }
    if (fields.length !== COLUMNS[role] || !isEntNum(fields[0])) {
      issue({ code: 'bad_record', message: `expected ${COLUMNS[role]} columns starting with a numeric ent_num, found ${describeLayout(fields)}; record skipped`, file: file.name, line, record: fields[0] });
      continue;
    }
    take(fields[0]!.trim(), fields, line);
  }
}
