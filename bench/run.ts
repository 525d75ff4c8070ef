/**
 * `npm run bench [-- NAME…]`: runs every benchmark, or those named, prints their reports and
 * writes bench/results/<name>.json. A benchmark is one entry of BENCHMARKS (name → function,
 * see lib/measure.ts); add yours there.
 */
import { extractDocumentsBench } from './extract-documents.bench.js';
import { ingestTradeBench } from './ingest-trade.bench.js';
import { loadListsBench } from './load-lists.bench.js';
import type { Benchmark } from './lib/measure.js';
import { resolveBench } from './resolve.bench.js';
import { screeningBench } from './screening.bench.js';
import { serverBench } from './server.bench.js';
import { storePostgresBench } from './store-postgres.bench.js';
import { sharedDataDir, writeResult } from './lib/measure.js';

const BENCHMARKS: Record<string, Benchmark> = {
  load: loadListsBench,
  screening: screeningBench,
  server: serverBench,
  docs: extractDocumentsBench,
  'ingest-trade': ingestTradeBench,
  postgres: storePostgresBench,
  resolve: resolveBench,
};

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((a) => !(a in BENCHMARKS));
  if (unknown.length) {
    process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}\n`);
    return 2;
  }
  const names = argv.length ? argv : Object.keys(BENCHMARKS);
  const dataDir = sharedDataDir();
  let failed = false;
  for (const name of names) {
    process.stdout.write(`\n## ${name}\n\n`);
    const outcome = await BENCHMARKS[name]!({ dataDir, log: (line = '') => process.stdout.write(`${line}\n`) });
    if ('skipped' in outcome) {
      process.stdout.write(`skipped: ${outcome.skipped}\n`);
      writeResult(name, { skipped: outcome.skipped });
      continue;
    }
    const path = writeResult(name, { pass: outcome.pass ?? null, result: outcome.result });
    process.stdout.write(`\nresults: ${path}\n`);
    if (outcome.pass === false) failed = true;
  }
  // A missed target is reported, not an error of the run: the numbers are what was asked for.
  if (failed) process.stdout.write('\nsome targets were missed (see FAIL above)\n');
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
