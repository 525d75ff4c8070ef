/**
 * Ownership, directorship and travel records to bundles: an Ownership (owner → asset, with
 * percentage, shares, dates and type), a Directorship (director → organisation, with role and
 * dates), or a Travel (traveller, companions, host, employer, places, dates, flight), each with
 * its parties' bundles emitted once per file. Record ids come from the dataset and the
 * record's own id when the mapping has one, else its line.
 */
import { Entity, makeId } from '../../model/index.js';
import type { EntityBundle } from '../../model/index.js';
import type { RowValues } from './columns.js';
import { personByName, readParty } from './parties.js';
import type { PartyDefault, PartyParts } from './parties.js';
import type { BuildContext, RecordBuilder } from './record-builder.js';

function recordId(ctx: BuildContext, prefix: string, row: RowValues): string {
  const own = row.get('recordId');
  return own !== undefined ? makeId(prefix, ctx.dataset, own) : makeId(prefix, ctx.dataset, `l${row.line}`);
}

function addFields(entity: Entity, row: RowValues, fields: ReadonlyArray<readonly [string, string]>): void {
  for (const [field, prop] of fields) {
    const v = row.get(field);
    if (v !== undefined) entity.add(prop, v);
  }
}

/** Reads the two parties of a relation, or reports the row and returns undefined. */
function twoParties(ctx: BuildContext, row: RowValues, a: [string, PartyDefault], b: [string, PartyDefault], what: string): [PartyParts, PartyParts] | undefined {
  const first = readParty(row, a[0], a[1]);
  const second = readParty(row, b[0], b[1]);
  if (first && second) return [first, second];
  const missing = [first ? null : a[0], second ? null : b[0]].filter(Boolean);
  ctx.report('missing_party', `no ${missing.join(' and no ')} name: ${what} needs both`, row.line);
  return undefined;
}

function parties(ctx: BuildContext, list: readonly PartyParts[], origin: string, out: EntityBundle[]): void {
  for (const p of list) {
    const bundle = ctx.parties.take(p, origin);
    if (bundle) out.push(bundle);
  }
}

const OWNERSHIP_PROPS = [
  ['percentage', 'percentage'],
  ['shares', 'sharesCount'],
  ['startDate', 'startDate'],
  ['endDate', 'endDate'],
  ['ownershipType', 'ownershipType'],
] as const;

const DIRECTORSHIP_PROPS = [
  ['role', 'role'],
  ['startDate', 'startDate'],
  ['endDate', 'endDate'],
] as const;

/**
 * A row without a kind is the relation whose two parties it names (an ownership when it
 * names either of an ownership's, so that a half-filled one is reported as such).
 */
function inferKind(row: RowValues): 'ownership' | 'directorship' {
  const owner = row.has('owner.name');
  const asset = row.has('asset.name');
  if (owner && asset) return 'ownership';
  if (row.has('director.name') && row.has('organization.name')) return 'directorship';
  return owner || asset || !(row.has('director.name') || row.has('organization.name')) ? 'ownership' : 'directorship';
}

/** Ownership rows, and directorship rows (by the mapping's kind, or per row by its `kind` field or the parties it names). */
export class OwnershipBuilder implements RecordBuilder {
  constructor(private readonly ctx: BuildContext) {}

  row(row: RowValues, origin: string, out: EntityBundle[]): void {
    const kind = this.ctx.bound.kind === 'directorship' ? 'directorship' : (row.get('kind') ?? inferKind(row));
    if (kind === 'directorship') {
      const pair = twoParties(this.ctx, row, ['director', 'Person'], ['organization', 'Organization'], 'a directorship');
      if (!pair) return;
      parties(this.ctx, pair, origin, out);
      const rel = new Entity('Directorship', recordId(this.ctx, 'dir', row), { origin });
      rel.add('director', pair[0].id);
      rel.add('organization', pair[1].id);
      addFields(rel, row, DIRECTORSHIP_PROPS);
      out.push({ root: rel, related: [] });
    } else {
      const pair = twoParties(this.ctx, row, ['owner', 'LegalEntity'], ['asset', 'Company'], 'an ownership');
      if (!pair) return;
      parties(this.ctx, pair, origin, out);
      const rel = new Entity('Ownership', recordId(this.ctx, 'own', row), { origin });
      rel.add('owner', pair[0].id);
      rel.add('asset', pair[1].id);
      addFields(rel, row, OWNERSHIP_PROPS);
      out.push({ root: rel, related: [] });
    }
    this.ctx.loaded(1);
  }

  finish(): void {}
}

const TRAVEL_PROPS = [
  ['fromPlace', 'fromPlace'],
  ['toPlace', 'toPlace'],
  ['fromCountry', 'fromCountry'],
  ['toCountry', 'toCountry'],
  ['departureDate', 'startDate'],
  ['arrivalDate', 'endDate'],
  ['flightNumber', 'flightNumber'],
  ['carrier', 'carrier'],
  ['bookingReference', 'bookingReference'],
  ['purpose', 'purpose'],
] as const;

export class TravelBuilder implements RecordBuilder {
  constructor(private readonly ctx: BuildContext) {}

  row(row: RowValues, origin: string, out: EntityBundle[]): void {
    const traveler = readParty(row, 'traveler', 'Person');
    if (!traveler) {
      this.ctx.report('missing_party', 'no traveler name: a travel record needs one', row.line);
      return;
    }
    const companions = row.all('companions').map(personByName).filter((c) => c.id !== traveler.id);
    const host = readParty(row, 'host', 'LegalEntity');
    const employer = readParty(row, 'employer', 'LegalEntity');
    const named = [traveler, ...companions, ...(host ? [host] : []), ...(employer ? [employer] : [])];
    parties(this.ctx, named, origin, out);
    const travel = new Entity('Travel', recordId(this.ctx, 'trv', row), { origin });
    travel.add('traveler', traveler.id);
    for (const c of companions) travel.add('companions', c.id);
    if (host) travel.add('host', host.id);
    if (employer) travel.add('employer', employer.id);
    addFields(travel, row, TRAVEL_PROPS);
    out.push({ root: travel, related: [] });
    this.ctx.loaded(1);
  }

  finish(): void {}
}
