/**
 * What `entities show` must print for OFAC SDN entry 46431 (JOINT STOCK COMPANY IZHEVSK
 * ELECTROMECHANICAL PLANT KUPOL) and 46441 (TSK VEKTOR, OOO), which links to it. The same rows
 * are in the real 2023-12-28 list and in the CLI fixtures, so both suites share these checks.
 */
import { expect } from 'vitest';

export const KUPOL = 'JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL';
export const KUPOL_ALIASES = ['JSC IEMZ KUPOL', 'AO IEMZ KUPOL', 'AKTSIONERNOE OBSHCHESTVO IZHEVSKI ELEKTROMEKHANICHESKI ZAVOD KUPOL'];
export const KUPOL_ADDRESS = 'ul. Pesochnaya 3, Izhevsk, Udmurtia Republic 426033, Russia';

interface FtM {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
}

interface Profile extends FtM {
  sanctions: FtM[];
  addresses: FtM[];
  identifications: FtM[];
  relations: Array<{ id: string; schema: string; role: string; direction: string; other: { id: string; caption: string; schema: string } | null; properties: Record<string, string[]> }>;
}

/** Every value of an FtM entity is a list of strings. */
function expectFtM(e: FtM): void {
  expect(typeof e.id).toBe('string');
  expect(typeof e.schema).toBe('string');
  expect(typeof e.caption).toBe('string');
  for (const values of Object.values(e.properties)) {
    expect(Array.isArray(values)).toBe(true);
    for (const v of values) expect(typeof v).toBe('string');
  }
}

export function expectKupolJson(stdout: string): void {
  const p = JSON.parse(stdout) as Profile;
  expectFtM(p);
  expect(p.id).toBe('ofac-46431');
  expect(p.schema).toBe('Company');
  expect(p.caption).toBe(KUPOL);
  expect(p.properties.name).toEqual([KUPOL]);
  expect(p.properties.alias).toEqual(KUPOL_ALIASES);
  expect(p.properties.taxNumber).toEqual(['1831083343']);
  expect(p.properties.innCode).toEqual(['1831083343']);
  expect(p.properties.registrationNumber).toEqual(['1021801143374']);
  expect(p.properties.ogrnCode).toEqual(['1021801143374']);
  expect(p.properties.program).toEqual(['RUSSIA-EO14024']);
  expect(p.properties.address).toEqual([KUPOL_ADDRESS]);

  expect(p.addresses).toHaveLength(1);
  const addr = p.addresses[0]!;
  expectFtM(addr);
  expect(addr.schema).toBe('Address');
  expect(addr.properties.full).toEqual([KUPOL_ADDRESS]);
  expect(addr.properties.city).toEqual(['Izhevsk']);
  expect(addr.properties.country).toEqual(['ru']);

  expect(p.sanctions).toHaveLength(1);
  expectFtM(p.sanctions[0]!);
  expect(p.sanctions[0]!.properties.program).toEqual(['RUSSIA-EO14024']);
  expect(p.sanctions[0]!.properties.authority).toEqual(['Office of Foreign Assets Control']);
  expect(p.sanctions[0]!.properties.entity).toEqual(['ofac-46431']);

  const ids = p.identifications.map((i) => `${i.properties.type?.[0]}: ${i.properties.number?.[0]}`).sort();
  expect(ids).toEqual(['Business Registration Number: 1021801143374', 'Government Gazette Number: 07502963', 'Tax ID No: 1831083343']);

  // Three entries of the list are "Linked To" Kupol; each link is stored with the other entry.
  const linked = p.relations.map((r) => `${r.properties.role?.[0]} ${r.other?.id}`).sort();
  expect(linked).toEqual(['Linked To ofac-46437', 'Linked To ofac-46441', 'Linked To ofac-46442']);
}

export function expectKupolHuman(stdout: string): void {
  const lines = stdout.split('\n');
  expect(lines[0]).toBe(`${KUPOL}  [Company]  ofac-46431`);
  const aliasLines = lines.filter((l) => l.startsWith('  alias '));
  expect(aliasLines).toEqual(KUPOL_ALIASES.map((a) => `  alias                ${a}`));
  expect(lines).toContain('  taxNumber            1831083343');
  expect(lines).toContain('  registrationNumber   1021801143374');
  expect(lines).toContain('  program              RUSSIA-EO14024');
  const at = lines.indexOf('addresses:');
  expect(at).toBeGreaterThan(0);
  expect(lines[at + 1]).toBe(`  ${KUPOL_ADDRESS} (ru)`);
  expect(lines).toContain('  Tax ID No: 1831083343 (ru)');
  expect(lines).toContain('  Business Registration Number: 1021801143374 (ru)');
  expect(lines).toContain('  Office of Foreign Assets Control — RUSSIA-EO14024');
  expect(lines).toContain('  — Linked To: TSK VEKTOR, OOO (ofac-46441)');
}

export function expectVektorJson(stdout: string): void {
  const p = JSON.parse(stdout) as Profile;
  expect(p.id).toBe('ofac-46441');
  expect(p.caption).toBe('TSK VEKTOR, OOO');
  expect(p.relations).toHaveLength(1);
  const r = p.relations[0]!;
  expect(r.schema).toBe('UnknownLink');
  expect(r.direction).toBe('undirected');
  expect(r.properties.role).toEqual(['Linked To']);
  expect(r.properties.subject).toEqual(['ofac-46441']);
  expect(r.properties.object).toEqual(['ofac-46431']);
  expect(r.other).toEqual({ id: 'ofac-46431', caption: KUPOL, schema: 'Company' });
}

export function expectVektorHuman(stdout: string): void {
  const lines = stdout.split('\n');
  expect(lines[0]).toBe('TSK VEKTOR, OOO  [Company]  ofac-46441');
  const at = lines.indexOf('relations:');
  expect(at).toBeGreaterThan(0);
  expect(lines[at + 1]).toBe(`  — Linked To: ${KUPOL} (ofac-46431)`);
}
