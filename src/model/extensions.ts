/**
 * endtrace's own schemata on top of FollowTheMoney, in FtM's schema format so that they
 * round-trip through FtM JSON. Trade-native schemata (shipments, travel) are added here.
 */
import type { RawSchema } from './schema.js';

export const EXTENSION_SCHEMATA: Record<string, RawSchema> = {};
