/** `endtrace audit [list|show ID]`: the stored screening decisions, to reproduce and explain them. */
import type { Command } from 'commander';
import { notFound } from '../../model/index.js';
import { AuditLog } from '../../service/index.js';
import type { GlobalOptions } from '../context.js';
import { makeContext } from '../context.js';
import { out, printJson, table } from '../output.js';

export function registerAudit(program: Command, globals: () => GlobalOptions): void {
  const audit = program.command('audit').description('the audit trail of screening decisions');
  audit
    .command('list', { isDefault: true })
    .description('decisions, newest first')
    .option('--from <date>', 'from this time (ISO)')
    .option('--to <date>', 'up to this time (ISO)')
    .option('--key <id>', 'made with this API key (or "local")')
    .option('--action <action>', 'match, reconcile, screen-batch, screen')
    .option('--entity <id>', 'decisions whose results include this entity')
    .option('--limit <n>', 'how many (default 50)', '50')
    .action(async (flags: { from?: string; to?: string; key?: string; action?: string; entity?: string; limit: string }) => {
      const ctx = makeContext(globals());
      await ctx.withStore(async (store) => {
        const rows = await new AuditLog(store).query({ from: flags.from, to: flags.to, principal: flags.key, action: flags.action, entity: flags.entity, limit: Number(flags.limit), offset: 0 });
        if (ctx.json) printJson(rows);
        else out(table(['id', 'at', 'action', 'key', 'algorithm', 'query'], rows.map((r) => [r.id, r.at, r.action, r.principal, r.algorithm, JSON.stringify(r.query).slice(0, 60)])));
      });
    });
  audit
    .command('show <id>')
    .description('one decision in full: query, results, algorithm, list versions, parameters')
    .action(async (id: string) => {
      const ctx = makeContext(globals());
      await ctx.withStore(async (store) => {
        const rec = await new AuditLog(store).get(id);
        if (!rec) throw notFound(`no audit record ${id}`);
        printJson(rec);
      });
    });
}
