import { describe, expect, it } from 'vitest';
import { declaredCharset, htmlToText } from './html-text.js';

describe('htmlToText', () => {
  const html = [
    '<!doctype html><html><head><title>Письмо &amp; копия</title><style>p{color:red}</style>',
    '<script>var x = "<p>not text</p>";</script></head><body>',
    '<p>ООО &laquo;Пример-Аэро&raquo;</p>',
    '<p>В адрес   ООО «ТСК Вектор»<br>ИНН 3849055365</p>',
    '<table><tr><td>HS</td><td>8806.22</td></tr></table>',
    '<pre>a  b\nc</pre>',
    '<p>=HYPERLINK("x") &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    '</body></html>',
  ].join('\n');
  const r = htmlToText(html);

  it('keeps the visible text with lines for blocks and <br>, tabs between cells', () => {
    expect(r.text).toBe('ООО «Пример-Аэро»\nВ адрес ООО «ТСК Вектор»\nИНН 3849055365\nHS\t8806.22\na  b\nc\n=HYPERLINK("x") <script>alert(1)</script>');
    expect(r.title).toBe('Письмо & копия');
  });
  it('maps text offsets back to the source, an entity to its "&"', () => {
    const at = r.text.indexOf('ТСК');
    expect(html.slice(r.sourceOffset(at), r.sourceOffset(at) + 10)).toBe('ТСК Вектор');
    const quote = r.text.indexOf('«');
    expect(html.slice(r.sourceOffset(quote), r.sourceOffset(quote) + 7)).toBe('&laquo;');
    const hostile = r.text.indexOf('<script>');
    expect(html.slice(r.sourceOffset(hostile), r.sourceOffset(hostile) + 4)).toBe('&lt;');
  });
  it('reads the declared charset', () => {
    expect(declaredCharset('<meta charset="windows-1251">')).toBe('windows-1251');
    expect(declaredCharset('<meta http-equiv="Content-Type" content="text/html; charset=GB2312">')).toBe('gb2312');
    expect(declaredCharset('<html>')).toBeUndefined();
  });
});
