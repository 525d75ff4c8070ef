/**
 * `endtrace ingest docs PATH…`: documents (text, HTML, PDF; files or folders) → mentions with
 * spans, names linked to the loaded lists, stored as one version of a dataset. Registered on
 * the `ingest` command by `registerIngestDocs(ingest, globals)`. With --json, one object per
 * document on stdout (the contract): {document, pages, mentions: [{kind, text, page, start, end, entity}]}.
 */
import type { Command } from 'commander';
import { isEndtraceError } from '../../model/index.js';
import { DEFAULT_DOCUMENT_DATASET, ingestDocuments } from '../../service/index.js';
import type { IngestDocumentsReport, IngestedDocument } from '../../service/index.js';
import type { GlobalOptions } from '../context.js';
import { makeContext } from '../context.js';
import { ProgressBar, errorLine, log, out, printJsonLine, table } from '../output.js';

interface DocsFlags {
  dataset?: string;
  models?: string[];
  skipBad?: boolean;
}

/** The JSON contract of one document: exactly these fields. */
export function documentJson(doc: IngestedDocument): { document: string; pages: number; mentions: Array<{ kind: string; text: string; page: number; start: number; end: number; entity: string | null }> } {
  return {
    document: doc.document,
    pages: doc.pages,
    mentions: doc.mentions.map((m) => ({ kind: m.kind, text: m.text, page: m.page, start: m.start, end: m.end, entity: m.entity })),
  };
}

function printHuman(report: IngestDocumentsReport): void {
  if (report.status === 'unchanged') {
    out(`unchanged: these documents are already stored as ${report.dataset} ${report.version?.version ?? ''} (same files, options and list versions)`);
    return;
  }
  out(
    table(
      ['file', 'pages', 'mentions', 'linked', 'document'],
      report.documents.map((d) => [d.file, d.pages, d.mentions.length, d.mentions.filter((m) => m.entity).length, d.document]),
    ),
  );
  const mentions = report.documents.reduce((n, d) => n + d.mentions.length, 0);
  const lists = Object.entries(report.lists).map(([s, v]) => `${s} ${v}`).join(', ') || 'none loaded';
  out(`\nstored ${report.documents.length} document(s), ${mentions} mention(s) as ${report.dataset} ${report.version?.version ?? ''}; names linked against: ${lists}`);
}

export function registerIngestDocs(ingest: Command, globals: () => GlobalOptions): void {
  ingest
    .command('docs')
    .description('extract parties, identifiers, HS codes, models, amounts, dates, flights and places from documents (text, HTML, PDF), each with its span, and store them')
    .argument('<paths...>', 'files or folders (folders: every .txt, .html, .htm, .pdf inside)')
    .option('--dataset <name>', `dataset the documents are stored in (default: ${DEFAULT_DOCUMENT_DATASET}); a new version replaces its previous one`)
    .option('--models <pattern...>', 'model-number patterns (regular expressions) to use instead of the defaults; put them after the paths')
    .option('--skip-bad', 'record unusable files (corrupt or encrypted PDF…) as issues and go on, instead of failing')
    .action(async (paths: string[], flags: DocsFlags) => {
      const ctx = makeContext(globals());
      await ctx.withStore(async (store) => {
        const bar = new ProgressBar();
        let report: IngestDocumentsReport;
        try {
          report = await ingestDocuments(store, paths, {
            dataset: flags.dataset,
            models: flags.models,
            skipBad: flags.skipBad,
            progress: {
              files: (total) => bar.start('documents', total, 'files'),
              fileDone: (i) => bar.update(i + 1),
            },
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
        if (report.skipped.length) log(`skipped ${report.skipped.length} file(s) that are not text, HTML or PDF (by extension), e.g. ${report.skipped[0]}`);
        for (const issue of report.issues.slice(0, 20)) log(`warning: ${issue.file ?? ''}: ${issue.message} [${issue.code}]`);
        if (report.issues.length > 20) log(`warning: … and ${report.issues.length - 20} more issue(s)`);
        if (ctx.json) {
          for (const d of report.documents) printJsonLine(documentJson(d));
          if (report.status === 'unchanged') log(`unchanged: already stored as ${report.dataset} ${report.version?.version ?? ''}`);
          return;
        }
        printHuman(report);
      });
    });
}
