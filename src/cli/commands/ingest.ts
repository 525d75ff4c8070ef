/**
 * `endtrace ingest trade|ownership|travel FILE [--mapping M] [--dataset NAME] [--strict]`:
 * a records file stored as one version of its dataset, thin over the ingestRecords service.
 * With --json, stdout is the contract `{rows, loaded, issues: [{line, code, message}]}`;
 * otherwise a summary. Exit 0 when the file loaded (with or without issues), 1 when it could
 * not be used or --strict found a bad row (nothing is stored then), 2 for usage errors.
 */
import type { Command } from 'commander';
import { isEndtraceError } from '../../model/index.js';
import { ingestRecords } from '../../service/index.js';
import type { IngestRecordsResult, RecordsKind } from '../../service/index.js';
import type { GlobalOptions } from '../context.js';
import { makeContext } from '../context.js';
import { ProgressBar, errorLine, log, out, printJson } from '../output.js';
import { registerIngestDocs } from './ingest-docs.js';

interface IngestFlags {
  mapping?: string;
  dataset?: string;
  strict?: boolean;
}

const KINDS: Record<RecordsKind, { what: string; mappings: string }> = {
  trade: { what: 'trade and customs records (one row per shipment or per declared item)', mappings: 'trade-default, ru-customs' },
  ownership: { what: 'ownership and directorship records', mappings: 'ownership-default' },
  travel: { what: 'travel records (tickets, travel logs)', mappings: 'travel-default' },
};

/** Issues listed in the human summary; --json lists them all (up to the service's cap). */
const SHOWN_ISSUES = 20;

/** The machine contract: exactly these keys. */
export function ingestJson(r: IngestRecordsResult): { rows: number; loaded: number; issues: Array<{ line: number; code: string; message: string }> } {
  return { rows: r.rows, loaded: r.loaded, issues: r.issues.map((i) => ({ line: i.line ?? 0, code: i.code, message: i.message })) };
}

function printSummary(r: IngestRecordsResult, file: string): void {
  const codes = Object.entries(r.issueCodes).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c, n]) => `${c} ${n.toLocaleString('en')}`).join(', ');
  out(`${r.dataset} ${r.version.version} (${r.format}, mapping ${r.mapping}): ${r.rows.toLocaleString('en')} rows, ${r.loaded.toLocaleString('en')} loaded as ${r.version.entities.toLocaleString('en')} records (${r.version.statements.toLocaleString('en')} statements); ${r.issueCount.toLocaleString('en')} issue(s)${codes ? `: ${codes}` : ''}`);
  for (const i of r.issues.slice(0, SHOWN_ISSUES)) out(`  ${i.file ?? file}:${i.line ?? '?'}  ${i.code}  ${i.message}`);
  if (r.issueCount > SHOWN_ISSUES) out(`  … ${(r.issueCount - SHOWN_ISSUES).toLocaleString('en')} more (--json lists ${r.issues.length < r.issueCount ? `the first ${r.issues.length.toLocaleString('en')}` : 'them all'})`);
}

/**
 * Registers `ingest` (or adds to it when another module registered it first): its record
 * commands here, and `ingest docs` (ingest-docs.ts).
 */
export function registerIngest(program: Command, globals: () => GlobalOptions): Command {
  const ingest = program.commands.find((c) => c.name() === 'ingest') ?? program.command('ingest').description('load evidence: trade, ownership and travel records, and documents');
  for (const kind of Object.keys(KINDS) as RecordsKind[]) {
    const { what, mappings } = KINDS[kind];
    ingest
      .command(kind)
      .description(`load ${what} from CSV, TSV or JSON lines through a column mapping`)
      .argument('<file>', 'the records file (CSV, TSV or JSON lines; UTF-8 or Windows-1251; .gz allowed)')
      .option('--mapping <name|path>', `built-in mapping (${mappings}) or a YAML mapping file`)
      .option('--dataset <name>', `dataset the records are stored in (default: ${kind}:<file base name>); a new version replaces the previous one`)
      .option('--strict', 'fail the file, storing nothing, at the first bad row')
      .action(async (file: string, flags: IngestFlags) => {
        const ctx = makeContext(globals());
        await ctx.withStore(async (store) => {
          const bar = new ProgressBar();
          let result: IngestRecordsResult;
          try {
            result = await ingestRecords(store, {
              kind,
              path: file,
              mapping: flags.mapping,
              dataset: flags.dataset,
              strict: flags.strict,
              progress: { start: (name, total) => bar.start(`ingest ${name}`, total), bytes: (n) => bar.update(n) },
            });
          } catch (err) {
            bar.stop();
            if (isEndtraceError(err) && err.kind === 'input') {
              log(errorLine(err, 'nothing was stored'));
              process.exitCode = 1;
              return;
            }
            throw err;
          }
          bar.stop();
          if (ctx.json) printJson(ingestJson(result));
          else printSummary(result, file);
          if (result.issueCount > result.issues.length) log(`${result.issueCount.toLocaleString('en')} issues; the first ${result.issues.length.toLocaleString('en')} are listed`);
        });
      });
  }
  registerIngestDocs(ingest, globals);
  return ingest;
}
