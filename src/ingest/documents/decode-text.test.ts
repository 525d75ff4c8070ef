import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cp1251Oddness, decodeText } from './decode-text.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/ingest/documents');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const utf8 = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('decodeText', () => {
  it('reads UTF-8, with or without a BOM', () => {
    expect(decodeText(bytes('note-zh.txt'))).toEqual({ text: utf8('note-zh.txt'), encoding: 'utf-8' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('ООО')]);
    expect(decodeText(bom)).toEqual({ text: 'ООО', encoding: 'utf-8' });
  });
  it('reads a Windows-1251 Russian file as Windows-1251', () => {
    const expected = utf8('screening-memo-ru.txt').split('\n').filter((l) => !l.includes('深圳')).join('\n');
    expect(decodeText(bytes('memo-ru-cp1251.txt'))).toEqual({ text: expected, encoding: 'windows-1251' });
  });
  it('reads a GB18030 Chinese file as GB18030', () => {
    expect(decodeText(bytes('note-zh-gb18030.txt'))).toEqual({ text: utf8('note-zh.txt'), encoding: 'gb18030' });
  });
  it('reads UTF-16 with its BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x1f, 0x04, 0x40, 0x04]);
    expect(decodeText(le)).toEqual({ text: 'Пр', encoding: 'utf-16le' });
  });
  it('follows a declared charset when the bytes are not UTF-8', () => {
    // "Привет" in Windows-1251: even-length, so it is also valid GB18030 — the declaration decides.
    const cp = new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]);
    expect(decodeText(cp, 'windows-1251').text).toBe('Привет');
  });
  it('scores Russian prose as plain and Chinese read as Windows-1251 as odd', () => {
    expect(cp1251Oddness('Проверка наименований по санкционным спискам')).toBe(0);
    const zhAs1251 = new TextDecoder('windows-1251').decode(bytes('note-zh-gb18030.txt'));
    expect(cp1251Oddness(zhAs1251)).toBeGreaterThan(0.2);
  });
});
