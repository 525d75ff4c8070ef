/**
 * The UN Security Council Consolidated List parser (format `un-sc-xml`):
 * https://scsanctions.un.org/resources/xml/en/consolidated.xml, schema
 * https://www.un.org/sc/resources/sc-sanctions.xsd. The root `CONSOLIDATED_LIST` carries
 * `dateGenerated`; records are INDIVIDUALS/INDIVIDUAL and ENTITIES/ENTITY, streamed one at a time.
 */
import { inputError } from '../../model/index.js';
import type { EntityBundle, Issue } from '../../model/index.js';
import { readHeadText } from '../io/text.js';
import { readXml } from '../io/xml.js';
import type { XmlReadOptions } from '../io/xml.js';
import type { ListMeta, ListParser, LoadUnit, ParseContext, UnitFile } from '../types.js';
import { mapRecord } from './record.js';
import { text, unknownElements } from './xml-values.js';

const ROOT = 'CONSOLIDATED_LIST';
const RECORD_TAGS: ReadonlySet<string> = new Set(['INDIVIDUAL', 'ENTITY']);

function mainFile(unit: LoadUnit): UnitFile {
  const file = unit.files.find((f) => f.role === 'main') ?? unit.files[0];
  if (!file) throw inputError('the load unit has no file', {}, 'no_file');
  return file;
}

/** `2026-02-27T00:00:09.554Z` → `2026-02-27`; null when it is not an ISO timestamp. */
function publishedDay(dateGenerated: string | undefined): string | null {
  return /^\d{4}-\d{2}-\d{2}/.exec(dateGenerated?.trim() ?? '')?.[0] ?? null;
}

async function peek(unit: LoadUnit): Promise<ListMeta> {
  const head = await readHeadText(mainFile(unit).path);
  const match = /<(?:[\w.-]+:)?CONSOLIDATED_LIST\b[^>]*?\sdateGenerated\s*=\s*["']([^"']*)["']/.exec(head);
  return { published: publishedDay(match?.[1]) ?? unit.pathDate };
}

async function* parse(unit: LoadUnit, ctx: ParseContext): AsyncGenerator<EntityBundle, ListMeta, undefined> {
  const file = mainFile(unit);
  const opts: XmlReadOptions = { name: file.name, recordTags: RECORD_TAGS };
  if (ctx.progress) opts.onBytes = ctx.progress.bind(ctx);
  let published = unit.pathDate;
  const seen = new Set<string>();
  const unknownReported = new Set<string>();

  for await (const event of readXml(file.path, opts)) {
    if (event.kind === 'root') {
      if (event.node.name !== ROOT) {
        throw inputError(`the root element is <${event.node.name}>, not <${ROOT}>: not a UN SC consolidated list`, { file: file.name, line: event.node.line }, 'wrong_layout');
      }
      published = publishedDay(event.node.attrs.dateGenerated) ?? published;
      continue;
    }
    if (event.kind !== 'record') continue;
    const node = event.node;
    const dataId = text(node, 'DATAID');
    const at = { file: file.name, line: node.line };
    const report = (issue: Omit<Issue, 'file' | 'line'>) => ctx.issue({ ...at, ...issue });

    for (const path of unknownElements(node)) {
      if (unknownReported.has(path)) continue;
      unknownReported.add(path);
      report({ code: 'unknown_element', message: `element ${path} is not part of the known layout; its content is ignored`, record: dataId || undefined });
    }
    if (!/^[A-Za-z0-9.-]+$/.test(dataId)) {
      const ref = text(node, 'REFERENCE_NUMBER');
      const message = dataId ? `${node.name} has an unusable DATAID "${dataId}"; record skipped` : `${node.name} has no DATAID; record skipped`;
      report({ code: 'missing_id', message, record: ref || undefined });
      continue;
    }
    const id = `unsc-${dataId}`;
    if (seen.has(id)) {
      report({ code: 'duplicate_id', message: `DATAID ${dataId} appears more than once; later record skipped`, record: dataId });
      continue;
    }
    seen.add(id);

    const bundle = mapRecord(node, id, {
      origin: `${file.name}:${node.line}`,
      issue: (code, message) => report({ code, message, record: dataId }),
    });
    if (!bundle) continue;
    for (const entity of [bundle.root, ...bundle.related]) {
      for (const r of entity.rejected) {
        report({ code: 'invalid_value', message: `${entity.schema.name}.${r.prop} "${r.value}" refused: ${r.reason}`, record: dataId });
      }
    }
    yield bundle;
  }
  return { published };
}

export const unScParser: ListParser = { format: 'un-sc-xml', peek, parse };
