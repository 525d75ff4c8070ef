import { runStoreContract } from '../contract.test-suite.js';
import { SqliteStore } from './sqlite-store.js';

runStoreContract('sqlite', async () => new SqliteStore(':memory:'));
