/** Test helpers for the CSL parsers: run a parser over one file and collect what it gives. */
import type { EntityBundle, FtMEntity, Issue } from '../../model/index.js';
import type { ListMeta, ListParser } from '../types.js';

export interface ParseResult {
  bundles: EntityBundle[];
  issues: Issue[];
  meta: ListMeta;
}

export async function parseFile(parser: ListParser, path: string, name = 'input'): Promise<ParseResult> {
  const issues: Issue[] = [];
  const bundles: EntityBundle[] = [];
  const gen = parser.parse({ source: 'us-csl', format: parser.format, files: [{ role: 'main', path, name }], pathDate: null }, { issue: (i) => issues.push(i) });
  for (;;) {
    const step = await gen.next();
    if (step.done) return { bundles, issues, meta: step.value };
    bundles.push(step.value);
  }
}

/** Runs a parse that must fail, and returns its error. */
export async function parseError(parser: ListParser, path: string, name = 'input'): Promise<unknown> {
  try {
    await parseFile(parser, path, name);
  } catch (err) {
    return err;
  }
  throw new Error('the parse did not fail');
}

export function byId(result: ParseResult, id: string): EntityBundle {
  const b = result.bundles.find((x) => x.root.id === id);
  if (!b) throw new Error(`no bundle ${id}`);
  return b;
}

export function related(bundle: EntityBundle, schema: string): FtMEntity[] {
  return bundle.related.filter((e) => e.schema.name === schema).map((e) => e.toFtM());
}
