/** `endtrace keys create|list|revoke`: API keys with roles (reader, analyst, admin), stored hashed. */
import type { Command } from 'commander';
import { notFound } from '../../model/index.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../../service/index.js';
import type { GlobalOptions } from '../context.js';
import { makeContext } from '../context.js';
import { log, out, printJson, table } from '../output.js';

export function registerKeys(program: Command, globals: () => GlobalOptions): void {
  const keys = program.command('keys').description('API keys for the HTTP API');
  keys
    .command('create')
    .description('create a key; it is shown once')
    .requiredOption('--role <role>', 'reader, analyst or admin')
    .option('--label <label>', 'what the key is for')
    .action(async (flags: { role: string; label?: string }) => {
      const ctx = makeContext(globals());
      await ctx.withStore(async (store) => {
        const k = await createApiKey(store, flags.role, flags.label);
        if (ctx.json) printJson({ id: k.id, key: k.key, role: k.role });
        else {
          out(k.key);
          log(`key ${k.id} (${k.role}) created; it is shown only this once`);
        }
      });
    });
  keys
    .command('list')
    .description('list keys (never the keys themselves)')
    .action(async () => {
      const ctx = makeContext(globals());
      await ctx.withStore(async (store) => {
        const rows = await listApiKeys(store);
        if (ctx.json) printJson(rows);
        else out(table(['id', 'role', 'label', 'created', 'revoked'], rows.map((r) => [r.id, r.role, r.label, r.createdAt, r.revokedAt])));
      });
    });
  keys
    .command('revoke <id>')
    .description('revoke a key')
    .action(async (id: string) => {
      const ctx = makeContext(globals());
      await ctx.withStore(async (store) => {
        if (!(await revokeApiKey(store, id))) throw notFound(`no API key ${id}`);
        if (ctx.json) printJson({ id, revoked: true });
        else out(`revoked ${id}`);
      });
    });
}
