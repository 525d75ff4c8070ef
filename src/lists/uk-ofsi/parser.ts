/**
 * The OFSI Consolidated List (ConList.csv) parser; layouts in layout.ts. The file has one row
 * per name, and the rows of a target (same Group ID) are often not next to each other (1,664 of
 * 4,688 targets in the April 2025 file), so it is read twice: a first pass checks the quoting
 * and counts the rows of each Group ID (a light scan of one column, see group-counts.ts); the
 * second parses the CSV, folds each row into its target and yields the target as soon as its
 * last row is read. Memory holds the row counts and the targets whose rows are still to come
 * (at most 718 of them in the April 2025 file), never the whole file.
 */
import type { EntityBundle, Issue } from '../../model/index.js';
import { inputError } from '../../model/index.js';
import { readCsv } from '../io/csv.js';
import { isUtf8File, readHeadText } from '../io/text.js';
import type { TextEncoding } from '../io/text.js';
import type { ListMeta, ListParser, LoadUnit, ParseContext, UnitFile } from '../types.js';
import { countGroupRows } from './group-counts.js';
import { GroupAccumulator } from './group.js';
import { Row, detectLayout, lastUpdatedLine } from './layout.js';
import { firstInvalidUtf8Line } from '../io/utf8.js';
import type { Layout } from './layout.js';

interface FileHead {
  layout: Layout;
  published: string | null;
  /** 1-based line of the header. */
  headerLine: number;
  encoding: TextEncoding;
}

export const ukOfsiParser: ListParser = {
  format: 'uk-ofsi-csv',

  async peek(unit: LoadUnit): Promise<ListMeta> {
    const file = mainFile(unit);
    const head = await readHeadText(file.path, 4096);
    const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
    const fields = firstLine.split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
    return { published: lastUpdatedLine(fields) ?? null };
  },

  async *parse(unit: LoadUnit, ctx: ParseContext): AsyncGenerator<EntityBundle, ListMeta, undefined> {
    return yield* parseFile(mainFile(unit), ctx);
  },
};

async function* parseFile(file: UnitFile, ctx: ParseContext): AsyncGenerator<EntityBundle, ListMeta, undefined> {
  const head = await readFileHead(file);
  const opts = { name: file.name, encoding: head.encoding, fromLine: head.headerLine + 1 };

  const remaining = await countGroupRows(file.path, {
    name: file.name,
    encoding: head.encoding,
    column: head.layout.index.get('Group ID')!,
    width: head.layout.width,
    skipRecords: head.headerLine,
  });

  const open = new Map<string, GroupAccumulator>();
  const issue = (i: Issue) => ctx.issue(i);
  for await (const { fields, line } of readCsv(file.path, { ...opts, onBytes: ctx.progress })) {
    const row = new Row(head.layout, fields, line);
    if (fields.every((f) => !f.trim())) continue;
    const id = row.groupId();
    if (id === undefined) {
      const message =
        fields.length > head.layout.width
          ? `row has ${fields.length} fields, the header ${head.layout.width}; row skipped`
          : 'row without a Group ID; row skipped';
      ctx.issue({ code: fields.length > head.layout.width ? 'column_count' : 'missing_group_id', message, file: file.name, line });
      continue;
    }
    let group = open.get(id);
    if (!group) {
      group = new GroupAccumulator(id, row, { fileName: file.name, issue });
      open.set(id, group);
    }
    group.addRow(row);
    if (group.rowsSeen === remaining.get(id)) {
      open.delete(id);
      remaining.delete(id);
      yield group.build();
    }
  }
  // Targets still open here mean the count pass and csv-parse disagreed (the file changed meanwhile).
  for (const group of open.values()) yield group.build();
  return { published: head.published };
}

function mainFile(unit: LoadUnit): UnitFile {
  const file = unit.files.find((f) => f.role === 'main') ?? unit.files[0];
  if (!file) throw inputError('the load unit has no file', {}, 'layout');
  return file;
}

/**
 * Line 1 (`Last Updated,DD/MM/YYYY`, optional) and the header, the layout they show, and the
 * encoding: UTF-8 when the whole file is valid UTF-8, else Windows-1252 — which only the old
 * layout used; a current-layout file that is not UTF-8 is refused with the offending line.
 */
async function readFileHead(file: UnitFile): Promise<FileHead> {
  const utf8 = await isUtf8File(file.path, file.name);
  const encoding: TextEncoding = utf8 ? 'utf-8' : 'windows-1252';
  let published: string | null = null;
  let header: { fields: string[]; line: number } | undefined;
  for await (const row of readCsv(file.path, { name: file.name, encoding })) {
    const date = lastUpdatedLine(row.fields);
    if (date !== undefined && row.line === 1) {
      published = date;
      continue;
    }
    header = row;
    break;
  }
  if (!header) throw inputError('the file holds no header row', { file: file.name, line: 1 }, 'layout');
  const layout = detectLayout(header.fields, file.name, header.line);
  if (!utf8 && layout.kind === 'current') {
    const line = await firstInvalidUtf8Line(file.path);
    throw inputError('invalid UTF-8 byte sequence: the current layout is UTF-8 (file saved as Windows-1252?)', { file: file.name, line }, 'encoding');
  }
  return { layout, published, headerLine: header.line, encoding };
}
