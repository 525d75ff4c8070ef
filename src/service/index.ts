/** Use cases: each wires the store to the domain libraries for one job. */
export { loadLists, listStatus } from './load-lists.js';
export type { LoadOptions, LoadProgress, LoadReport, SourceStatus, UnitResult, UnitStatus } from './load-lists.js';
export { diffLists } from './diff-lists.js';
export type { DetailedDiff, EntityChange, ListDiff, ValueChange } from './diff-lists.js';
export { describeEntity } from './describe-entity.js';
export type { EntityProfile, RelationView } from './describe-entity.js';
export { sha256File } from './file-checksum.js';
export { updateLists } from './update-lists.js';
export type { DownloadProgress, UpdateOptions, UpdateResult, UpdateStatus } from './update-lists.js';
export { ScreeningService, comparePairs, toMatchInput } from './screening.js';
export type { ComparePair, CompareResult, ScreenHit, ScreenOptions, ScreenQuery, ScreenResponse } from './screening.js';
