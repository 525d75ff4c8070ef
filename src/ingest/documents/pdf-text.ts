/**
 * The text layer of a PDF, page by page, through PDF.js (Mozilla; the serverless build that
 * `unpdf` bundles, so nothing is fetched or spawned at run time and no canvas is needed).
 * A page's text is its text items in content order, with a line break where PDF.js marks the
 * end of a line (`hasEOL`). Unusable files are input errors naming the file: empty, not a
 * PDF, corrupt, encrypted (password needed), or with no text layer at all (a scan: OCR is not
 * done here).
 */
import { getDocumentProxy } from 'unpdf';
import { inputError } from '../../model/index.js';

export interface PdfText {
  pages: string[];
  title: string | undefined;
}

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

const HEADER_WINDOW = 1024;

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, HEADER_WINDOW)).toString('latin1');
  return head.includes('%PDF-');
}

export async function pdfText(bytes: Uint8Array, file: string): Promise<PdfText> {
  if (bytes.length === 0) throw inputError('the PDF file is empty', { file }, 'empty');
  if (!hasPdfHeader(bytes)) throw inputError('not a PDF: no %PDF- header in the first 1 KiB', { file }, 'pdf_corrupt');
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // PDF.js takes ownership of the buffer it is given: hand it a copy.
    doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
  } catch (err) {
    const e = err as Error;
    if (e?.name === 'PasswordException') throw inputError('the PDF is encrypted and needs a password; decrypt it first', { file }, 'pdf_encrypted', err);
    throw inputError(`the PDF cannot be read (${e?.message ?? String(err)})`, { file }, 'pdf_corrupt', err);
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      let text = '';
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        for (const item of content.items as TextItemLike[]) {
          if (typeof item.str !== 'string') continue;
          text += item.str;
          if (item.hasEOL) text += '\n';
        }
        page.cleanup();
      } catch (err) {
        throw inputError(`page ${n} of the PDF cannot be read (${(err as Error)?.message ?? String(err)})`, { file, record: `page ${n}` }, 'pdf_corrupt', err);
      }
      pages.push(text.replace(/\s+$/u, ''));
    }
    if (pages.length === 0) throw inputError('the PDF has no pages', { file }, 'empty');
    if (pages.every((p) => !p.trim())) {
      throw inputError(`the PDF has no text layer on any of its ${pages.length} page(s) (a scan? OCR is not supported)`, { file }, 'pdf_no_text');
    }
    let title: string | undefined;
    try {
      const meta = await doc.getMetadata();
      const t = (meta.info as Record<string, unknown> | undefined)?.Title;
      if (typeof t === 'string' && t.trim()) title = t.trim();
    } catch {
      // Metadata is optional.
    }
    return { pages, title };
  } finally {
    await doc.destroy();
  }
}
