import { describe, expect, it } from 'vitest';
import { fixture } from '../../../test/helpers/shared-data.js';
import { EndtraceError } from '../../model/index.js';
import { builtinMappingNames, loadMapping, mappingFits, parseMapping } from './mapping.js';

const mappingFile = (name: string) => fixture('ingest', 'structured', name);

async function failure(p: Promise<unknown>): Promise<EndtraceError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof EndtraceError) return err;
    throw err;
  }
  throw new Error('expected an error');
}

describe('mappings', () => {
  it('ships built-in mappings that pass their own schema', async () => {
    expect(builtinMappingNames()).toEqual(['trade-default', 'ru-customs', 'ownership-default', 'travel-default']);
    for (const name of builtinMappingNames()) {
      const { mapping } = await loadMapping(name);
      expect(mapping.name).toBe(name);
    }
    const ru = (await loadMapping('ru-customs')).mapping;
    expect(ru.groupBy).toBe('declarationNumber');
    expect(ru.fields['item.hsCode']!.column).toContain('Код ТН ВЭД');
  });

  it('reads a YAML mapping with defaults, constants and formats', async () => {
    const { mapping, name } = await loadMapping(mappingFile('custom-de.yaml'));
    expect(name).toBe('custom-de.yaml');
    expect(mapping.kind).toBe('trade');
    expect(mapping.delimiter).toBe(';');
    expect(mapping.format).toBe('auto');
    expect(mapping.fields['shipper.country']).toEqual({ constant: 'DE' });
    expect(mapping.fields['item.currency']).toEqual({ column: 'Währung', default: 'EUR' });
  });

  it('names the mapping file and every bad field', async () => {
    const err = await failure(loadMapping(mappingFile('bad-mapping.yaml')));
    expect(err.kind).toBe('input');
    expect(err.code).toBe('mapping');
    expect(err.location?.file).toBe(mappingFile('bad-mapping.yaml'));
    expect(err.message).toContain('fields.consignee.name: Unrecognized key: "colum"');
    expect(err.message).toContain('fields.shiper.country: is not a trade field (did you mean shipper.country?)');
    expect(err.message).toContain('fields.date.dates: "DD.MM.YYYYY" is not a date format');
  });

  it('refuses groupBy outside trade and unknown kinds', () => {
    expect(() => parseMapping({ kind: 'travel', groupBy: 'declarationNumber', fields: { 'traveler.name': 'name' } }, 'm.yaml')).toThrow(/groupBy: groups only trade records/);
    expect(() => parseMapping({ kind: 'cargo', fields: {} }, 'm.yaml')).toThrow(/kind: /);
  });

  it('reports YAML syntax errors with their line', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const path = join(mkdtempSync(join(tmpdir(), 'endtrace-mapping-')), 'broken.yaml');
    writeFileSync(path, 'kind: trade\nfields:\n  shipper.name: [a,\n  b: 2\n');
    const err = await failure(loadMapping(path));
    expect(err.code).toBe('mapping');
    expect(err.location?.line).toBe(4);
  });

  it('refuses an unknown built-in name as a usage error', async () => {
    const err = await failure(loadMapping('trade-fancy'));
    expect(err.kind).toBe('usage');
  });

  it('fits ownership and directorship mappings to `ingest ownership`', () => {
    expect(mappingFits('ownership', 'directorship')).toBe(true);
    expect(mappingFits('trade', 'travel')).toBe(false);
  });
});

describe('extends', () => {
  it('starts from a built-in mapping and overrides its settings and fields', () => {
    const m = parseMapping({ extends: 'trade-default', groupBy: 'declarationNumber', fields: { 'item.brand': 'Marke' } }, 'grouped.yaml');
    expect(m.kind).toBe('trade');
    expect(m.groupBy).toBe('declarationNumber');
    expect(m.missingColumns).toBe('ignore');
    expect(m.fields['item.brand']).toEqual({ column: 'Marke' });
    expect(m.fields['shipper.name']!.column).toContain('exporter');
    expect(m.name).toBeUndefined();
  });

  it('refuses an unknown base', () => {
    expect(() => parseMapping({ extends: 'trade-fancy', fields: {} }, 'x.yaml')).toThrow('invalid mapping: extends: "trade-fancy" is not a built-in mapping');
  });
});
