import { describe, expect, it } from 'vitest';
import { isEndtraceError } from '../../model/index.js';
import { minimalPdf } from './minimal-pdf.js';
import { pdfText } from './pdf-text.js';

async function failure(bytes: Uint8Array, file: string) {
  try {
    await pdfText(bytes, file);
  } catch (err) {
    if (!isEndtraceError(err)) throw err;
    return { kind: err.kind, code: err.code, file: err.location?.file, line: err.oneLine() };
  }
  throw new Error('expected an error');
}

describe('pdfText', () => {
  it('gives the text layer per page, lines as written, in three scripts, and the title', async () => {
    const pdf = minimalPdf([['Письмо в адрес ООО «ТСК Вектор»', 'INN 3849055365; 深圳市云雀示例科技有限公司'], ['Page two: Kestrel Example Avionics LLC']], { title: 'Записка 测试' });
    expect(await pdfText(pdf, 'memo.pdf')).toEqual({
      pages: ['Письмо в адрес ООО «ТСК Вектор»\nINN 3849055365; 深圳市云雀示例科技有限公司', 'Page two: Kestrel Example Avionics LLC'],
      title: 'Записка 测试',
    });
  });
  it('refuses an encrypted PDF with an input error naming the file', async () => {
    expect(await failure(minimalPdf([['secret']], { encrypted: true }), 'locked.pdf')).toEqual({
      kind: 'input', code: 'pdf_encrypted', file: 'locked.pdf', line: 'locked.pdf: the PDF is encrypted and needs a password; decrypt it first',
    });
  });
  it('refuses corrupt, truncated, empty and non-PDF bytes, and PDFs without text', async () => {
    const good = minimalPdf([['text']]);
    expect((await failure(new TextEncoder().encode('%PDF-1.4\ngarbage\n%%EOF'), 'garbage.pdf')).code).toBe('pdf_corrupt');
    expect(await failure(good.slice(0, 200), 'cut.pdf')).toMatchObject({ code: 'pdf_corrupt', file: 'cut.pdf' });
    expect(await failure(new Uint8Array(), 'empty.pdf')).toMatchObject({ code: 'empty', line: 'empty.pdf: the PDF file is empty' });
    expect(await failure(new TextEncoder().encode('<html></html>'), 'page.pdf')).toMatchObject({ code: 'pdf_corrupt', line: 'page.pdf: not a PDF: no %PDF- header in the first 1 KiB' });
    expect(await failure(minimalPdf([[], []]), 'scan.pdf')).toMatchObject({ code: 'pdf_no_text', line: 'scan.pdf: the PDF has no text layer on any of its 2 page(s) (a scan? OCR is not supported)' });
  });
});
