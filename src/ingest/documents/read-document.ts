/**
 * Reading one document file into pages of text: PDF (by its %PDF header or .pdf name), HTML
 * (.html/.htm/.xhtml or a document that starts like one) or plain text. Plain text is split
 * into pages at form feeds (as pdftotext writes them); line ends are normalised to \n. The
 * whole file is read at once — PDF.js needs it whole — up to MAX_DOCUMENT_BYTES.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { inputError } from '../../model/index.js';
import { decodeText } from './decode-text.js';
import { declaredCharset, htmlToText } from './html-text.js';
import { pdfText } from './pdf-text.js';
import type { DocumentFormat, SourceDocument } from './types.js';

export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

export const DOCUMENT_EXTENSIONS: Record<string, DocumentFormat> = {
  '.txt': 'text', '.text': 'text', '.md': 'text', '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.pdf': 'pdf',
};

const MIME: Record<DocumentFormat, string> = { text: 'text/plain', html: 'text/html', pdf: 'application/pdf' };

export function detectFormat(path: string, head: Uint8Array): DocumentFormat {
  const start = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 1024)).toString('latin1');
  if (start.startsWith('%PDF-')) return 'pdf';
  const byName = DOCUMENT_EXTENSIONS[extname(path).toLowerCase()];
  if (byName) return byName;
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html)/i.test(start.replace(/^\xEF\xBB\xBF/, ''))) return 'html';
  return 'text';
}

function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

const normaliseLines = (text: string) => text.replace(/\r\n?/g, '\n');

/** Reads and decodes one document; `fileName` names it in messages and provenance. */
export async function readDocument(path: string, fileName: string = path): Promise<SourceDocument> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    throw inputError(`cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { file: fileName }, 'unreadable', err);
  }
  if (size > MAX_DOCUMENT_BYTES) throw inputError(`the file is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB`, { file: fileName }, 'too_large');
  const bytes = new Uint8Array(await readFile(path));
  const contentHash = createHash('sha1').update(bytes).digest('hex');
  const format = detectFormat(path, bytes);
  const base = { fileName, format, mimeType: MIME[format], contentHash, bytes: bytes.length };
  if (format === 'pdf') {
    const pdf = await pdfText(bytes, fileName);
    return { ...base, encoding: undefined, title: pdf.title, pages: pdf.pages.map((text, i) => ({ page: i + 1, text: normaliseLines(text) })) };
  }
  if (bytes.length === 0) throw inputError('the file is empty', { file: fileName }, 'empty');
  if (looksBinary(bytes)) throw inputError(`not a text document (binary data; supported: text, HTML, PDF)`, { file: fileName }, 'binary');
  if (format === 'html') {
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 2048)).toString('latin1');
    const decoded = decodeText(bytes, declaredCharset(head));
    const html = htmlToText(normaliseLines(decoded.text));
    return { ...base, encoding: decoded.encoding, title: html.title, pages: [{ page: 1, text: html.text }], sourceOffset: html.sourceOffset };
  }
  const decoded = decodeText(bytes);
  const pages = normaliseLines(decoded.text).split('\f').map((text, i) => ({ page: i + 1, text }));
  // A trailing form feed ends the last page; it does not start an empty one.
  if (pages.length > 1 && !pages[pages.length - 1]!.text.trim()) pages.pop();
  return { ...base, encoding: decoded.encoding, title: undefined, pages };
}
