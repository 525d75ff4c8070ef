/** `endtrace entities show ID`: one entity with its sanctions, aliases, identifiers, addresses and links. */
import type { Command } from 'commander';
import { describeEntity } from '../../service/index.js';
import type { EntityProfile } from '../../service/index.js';
import type { GlobalOptions } from '../context.js';
import { makeContext } from '../context.js';
import { out, printJson } from '../output.js';

const SHOWN_FIRST = ['name', 'alias', 'weakAlias', 'previousName', 'birthDate', 'birthPlace', 'nationality', 'citizenship', 'gender', 'country', 'innCode', 'ogrnCode', 'taxNumber', 'registrationNumber', 'okpoCode', 'idNumber', 'passportNumber', 'imoNumber', 'website', 'email', 'incorporationDate', 'program', 'topics'];
const HIDDEN = new Set(['addressEntity', 'notes', 'address']);

export function renderProfile(p: EntityProfile): string {
  const lines: string[] = [];
  lines.push(`${p.caption}  [${p.schema}]  ${p.id}`);
  lines.push(`datasets: ${p.datasets.join(', ')}  first seen ${p.first_seen ?? '—'}  last change ${p.last_change ?? '—'}`);
  const props = Object.keys(p.properties);
  const ordered = [...SHOWN_FIRST.filter((x) => props.includes(x)), ...props.filter((x) => !SHOWN_FIRST.includes(x) && !HIDDEN.has(x)).sort()];
  for (const prop of ordered) {
    for (const v of p.properties[prop] ?? []) lines.push(`  ${prop.padEnd(20)} ${v}`);
  }
  if (p.addresses.length) {
    lines.push('addresses:');
    for (const a of p.addresses) lines.push(`  ${a.properties.full?.[0] ?? a.caption}${a.properties.country ? ` (${a.properties.country.join(', ')})` : ''}`);
  }
  if (p.identifications.length) {
    lines.push('identifications:');
    for (const i of p.identifications) lines.push(`  ${i.properties.type?.[0] ?? i.schema}: ${i.properties.number?.[0] ?? ''}${i.properties.country ? ` (${i.properties.country.join(', ')})` : ''}`);
  }
  if (p.sanctions.length) {
    lines.push('sanctions:');
    for (const s of p.sanctions) {
      const pr = s.properties;
      lines.push(`  ${pr.authority?.[0] ?? ''} — ${(pr.program ?? []).join(', ')}${pr.listingDate ? `, listed ${pr.listingDate.join(', ')}` : ''}${pr.startDate ? `, from ${pr.startDate.join(', ')}` : ''}`);
      for (const prov of pr.provisions ?? []) lines.push(`    ${prov}`);
    }
  }
  if (p.relations.length) {
    lines.push('relations:');
    for (const r of p.relations) {
      const arrow = r.direction === 'incoming' ? '←' : r.direction === 'outgoing' ? '→' : '—';
      const role = r.properties.role?.[0] ?? r.schema;
      lines.push(`  ${arrow} ${role}: ${r.other ? `${r.other.caption} (${r.other.id})` : '?'}`);
    }
  }
  for (const n of p.properties.notes ?? []) lines.push(`notes: ${n}`);
  return lines.join('\n');
}

export function registerEntities(program: Command, globals: () => GlobalOptions): void {
  const entities = program.command('entities').description('inspect entities');
  entities
    .command('show <id>')
    .description('one entity with its sanctions, aliases, identifiers, addresses and links')
    .action(async (id: string) => {
      const ctx = makeContext(globals());
      await ctx.withStore(async (store) => {
        const profile = await describeEntity(store, id);
        if (ctx.json) printJson(profile);
        else out(renderProfile(profile));
      });
    });
}
