/**
 * A loader to be killed (postgres-lists.test.ts): loads DIR into the PostgreSQL store at URL
 * and prints `wrote N` after each batch it has written, so that the test kills it mid-load.
 *   node --import tsx test/store/pg-load-child.ts URL DIR
 */
import { loadLists } from '../../src/service/index.js';
import { openStore } from '../../src/store/index.js';
import type { VersionMeta, VersionWriter } from '../../src/store/index.js';

const [url, dir] = process.argv.slice(2);
if (!url || !dir) throw new Error('usage: pg-load-child.ts URL DIR');
const store = await openStore(url);
let batches = 0;
const announcing = new Proxy(store, {
  get(target, prop) {
    if (prop === 'beginVersion') {
      return async (meta: VersionMeta): Promise<VersionWriter> => {
        const w = await target.beginVersion(meta);
        return {
          meta: w.meta,
          write: (bundles) => w.write(bundles),
          writeRows: async (rows) => {
            await w.writeRows(rows);
            process.stdout.write(`wrote ${++batches}\n`);
          },
          issues: (issues) => w.issues(issues),
          commit: (opts) => w.commit(opts),
          abort: () => w.abort(),
        };
      };
    }
    const value: unknown = Reflect.get(target, prop, target);
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  },
});
await loadLists(announcing, dir, { batchSize: 200 });
process.stdout.write('done\n');
await store.close();
