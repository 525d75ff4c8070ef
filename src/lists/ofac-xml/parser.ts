/**
 * The `ofac-xml` list parser: OFAC's sdnList XML (sdn.xml, consolidated.xml; schema sdn.xsd,
 * https://ofac.treasury.gov/specially-designated-nationals-list-data-formats-data-schemas),
 * streamed one sdnEntry at a time.
 */
import { inputError } from '../../model/index.js';
import { readHeadText } from '../io/text.js';
import type { TextEncoding } from '../io/text.js';
import { childText, readXml } from '../io/xml.js';
import type { ListMeta, ListParser, LoadUnit, UnitFile } from '../types.js';
import { entryToBundle } from './entry.js';
import type { EntryContext } from './entry.js';
import { findPublishDate, publishDateToIso } from './publish-info.js';

const RECORD_TAGS: ReadonlySet<string> = new Set(['sdnEntry']);
const META_TAGS: ReadonlySet<string> = new Set(['publshInformation']);

function mainFile(unit: LoadUnit): UnitFile {
  const file = unit.files.find((f) => f.role === 'main') ?? unit.files[0];
  if (!file) throw inputError('the load unit has no file', {}, 'missing_file');
  return file;
}

/** The encoding the XML declaration names; OFAC writes UTF-8, older exports could say ISO-8859-1. */
function declaredEncoding(head: string, file: UnitFile): TextEncoding {
  const declared = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1]?.toLowerCase();
  if (declared === undefined || declared === 'utf-8' || declared === 'utf8') return 'utf-8';
  if (/^(iso-?8859-1|latin-?1|windows-1252|cp1252)$/.test(declared)) return 'windows-1252';
  throw inputError(`unsupported XML encoding "${declared}"`, { file: file.name, line: 1 }, 'encoding');
}

export const ofacXmlParser: ListParser = {
  format: 'ofac-xml',

  async peek(unit: LoadUnit): Promise<ListMeta> {
    const raw = findPublishDate(await readHeadText(mainFile(unit).path));
    return { published: (raw && publishDateToIso(raw)) || null };
  },

  async *parse(unit, ctx) {
    const file = mainFile(unit);
    const encoding = declaredEncoding(await readHeadText(file.path, 1024), file);
    const cx: EntryContext = { file: file.name, issue: (i) => ctx.issue(i), reported: new Set(), uids: new Set() };
    let published: string | null = null;
    let declaredCount: number | undefined;
    let countLine = 0;
    let entries = 0;
    const xml = readXml(file.path, {
      recordTags: RECORD_TAGS,
      metaTags: META_TAGS,
      name: file.name,
      encoding,
      ...(ctx.progress ? { onBytes: ctx.progress } : {}),
    });
    for await (const event of xml) {
      if (event.kind === 'root') {
        if (event.node.name !== 'sdnList') {
          throw inputError(`root element <${event.node.name}> is not OFAC's <sdnList>`, { file: file.name, line: event.node.line }, 'wrong_layout');
        }
      } else if (event.kind === 'meta') {
        const date = childText(event.node, 'Publish_Date');
        if (date) {
          published = publishDateToIso(date) ?? null;
          if (!published) ctx.issue({ code: 'invalid_date', message: `Publish_Date "${date}" is not an MM/DD/YYYY date`, file: file.name, line: event.node.line });
        }
        const count = childText(event.node, 'Record_Count');
        if (/^\d+$/.test(count)) {
          declaredCount = Number(count);
          countLine = event.node.line;
        }
      } else {
        entries++;
        const bundle = entryToBundle(event.node, cx);
        if (bundle) yield bundle;
      }
    }
    if (declaredCount !== undefined && declaredCount !== entries) {
      ctx.issue({
        code: 'count_mismatch',
        message: `Record_Count says ${declaredCount} entries, the file holds ${entries} sdnEntry elements`,
        file: file.name,
        line: countLine,
      });
    }
    return { published };
  },
};
