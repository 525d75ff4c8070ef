/**
 * Recognises CSL files by content: the CSV by its header (`[_id,]source,entity_number,type,
 * programs,name,…`, any case), the JSON by a `results` array (or top-level array, or JSON
 * lines) whose objects carry `source` and `name`.
 */
import type { SniffResult, Sniffer } from '../types.js';
import { normaliseHeader } from './csv-record.js';

const HEADER_RUN = ['source', 'entity_number', 'type', 'programs', 'name'];

function firstLine(head: string): string {
  const text = head.replace(/^\uFEFF/, '');
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}

function isCslHeader(line: string): boolean {
  const cells = line.split(',').map((c) => normaliseHeader(c.replace(/^\s*"|"\s*$/g, '')));
  const start = cells.indexOf('source');
  if (start === -1 || start > 1) return false;
  if (start === 1 && cells[0] !== '_id' && cells[0] !== 'id') return false;
  return HEADER_RUN.every((name, i) => cells[start + i] === name);
}

function isRecordObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const o = value as Record<string, unknown>;
  return typeof o.source === 'string' && 'name' in o && !('schema' in o && 'properties' in o);
}

/** A record object's keys, looked for in text that may be cut off before the object ends. */
const RECORD_KEYS = /^\s*\{(?=[\s\S]*"source"\s*:\s*")(?=[\s\S]*"name"\s*:)(?![\s\S]*"properties"\s*:\s*\{)/;

function isJsonCsl(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{')) {
    const results = text.match(/"results"\s*:\s*\[\s*/);
    if (results && results.index !== undefined) {
      return RECORD_KEYS.test(text.slice(results.index + results[0].length));
    }
    const line = firstLine(text);
    try {
      return isRecordObject(JSON.parse(line));
    } catch {
      return RECORD_KEYS.test(line);
    }
  }
  if (text.startsWith('[')) return RECORD_KEYS.test(text.slice(1));
  return false;
}

export const sniffUsCsl: Sniffer = (head: string): SniffResult | null => {
  if (isCslHeader(firstLine(head))) return { format: 'us-csl-csv', source: 'us-csl', role: 'main' };
  if (isJsonCsl(head)) return { format: 'us-csl-json', source: 'us-csl', role: 'main' };
  return null;
};
