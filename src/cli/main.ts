/**
 * The `endtrace` command line. Every command takes --db (or ENDTRACE_DB) and --json; results
 * go to stdout, progress and logs to stderr. Exit codes: 0 ok, 1 failure (one line naming the
 * file, the line or record, and the cause), 2 usage error.
 */
import { Command, CommanderError } from 'commander';
import { isEndtraceError } from '../model/index.js';
import type { GlobalOptions } from './context.js';
import { errorLine } from './output.js';
import { registerEntities } from './commands/entities.js';
import { registerLists } from './commands/lists.js';
import { registerStart } from './commands/start.js';
import { registerScreen } from './commands/screen.js';
import { registerServe } from './commands/serve.js';
import { registerKeys } from './commands/keys.js';
import { registerAudit } from './commands/audit.js';
import { registerIngest } from './commands/ingest.js';
import { registerGenerate } from './commands/generate.js';
import { registerResolve } from './commands/resolve.js';

export function buildProgram(): Command {
  const program = new Command('endtrace')
    .description('Sanctions-evasion and end-use monitoring: list screening, evidence graph, red flags')
    .option('--db <path>', 'store: a SQLite file or a postgres:// URL (env ENDTRACE_DB)')
    .option('--json', 'machine-readable output on stdout')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  const globals = () => program.opts<GlobalOptions>();
  registerStart(program, globals);
  registerLists(program, globals);
  registerEntities(program, globals);
  registerScreen(program, globals);
  registerServe(program, globals);
  registerKeys(program, globals);
  registerAudit(program, globals);
  registerIngest(program, globals);
  registerGenerate(program, globals);
  registerResolve(program, globals);
  for (const c of program.commands) applyExitOverride(c);
  return program;
}

function applyExitOverride(cmd: Command): void {
  cmd.exitOverride();
  cmd.configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  for (const c of cmd.commands) applyExitOverride(c);
}

export async function run(argv: string[]): Promise<number> {
  process.exitCode = 0;
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    if (isEndtraceError(err)) {
      process.stderr.write(`${errorLine(err)}\n`);
      if (err.kind === 'internal' && err.cause) process.stderr.write(`${(err.cause as Error).stack ?? String(err.cause)}\n`);
      return err.kind === 'usage' ? 2 : 1;
    }
    const e = err as Error;
    process.stderr.write(`endtrace: error: ${e.message}\n`);
    if (process.env.ENDTRACE_DEBUG) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}
