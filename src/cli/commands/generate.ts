/**
 * `endtrace generate`: writes a synthetic trade data set with planted evasion patterns and its
 * ground truth (all parties fictional). Thin over the service's generateDataset.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { usageError } from '../../model/index.js';
import { generateDataset } from '../../service/index.js';
import type { GlobalOptions } from '../context.js';
import { makeContext } from '../context.js';
import { ProgressBar, log, out, printJson, table } from '../output.js';

interface GenerateFlags {
  seed: string;
  companies: string;
  shipments: string;
  out: string;
}

function integer(value: string, name: string): number {
  if (!/^\d+$/.test(value.trim())) throw usageError(`--${name} must be a whole number, not "${value}"`);
  return Number(value);
}

export function registerGenerate(program: Command, globals: () => GlobalOptions): void {
  program
    .command('generate')
    .description('write a synthetic trade data set (fictional parties) with planted evasion patterns and their ground truth')
    .requiredOption('--out <dir>', 'folder to write (new, empty, or an earlier output of this command)')
    .option('--seed <n>', 'seed: the same seed and sizes give byte-identical files', '1')
    .option('--companies <n>', 'companies in the world, planted ones included', '2000')
    .option('--shipments <n>', 'shipments (declarations); each has one or more line items', '50000')
    .action(async (flags: GenerateFlags) => {
      const ctx = makeContext(globals());
      const seed = integer(flags.seed, 'seed');
      const companies = integer(flags.companies, 'companies');
      const shipments = integer(flags.shipments, 'shipments');
      const dir = resolve(flags.out);
      const bar = new ProgressBar();
      const started = Date.now();
      bar.start(`generate ${dir}`, shipments, 'shipments');
      let report;
      try {
        report = await generateDataset({ seed, companies, shipments, out: dir, progress: (done) => bar.update(done) });
      } finally {
        bar.stop();
      }
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      log(`wrote ${dir} in ${secs} s`);
      if (ctx.json) {
        printJson({ out: dir, files: report.files, patterns: report.patterns });
        return;
      }
      out(table(['file', 'rows'], report.files.map((f) => [f.path, f.rows.toLocaleString('en')])));
      out('');
      out(table(['pattern', 'planted'], Object.entries(report.patterns).map(([p, n]) => [p, n])));
      out(`\nGround truth: ${resolve(dir, 'ground-truth.json')}; the columns are described in ${resolve(dir, 'README.md')}.`);
    });
}
