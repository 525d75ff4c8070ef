/** Documents (text, HTML, PDF) read into pages of text with positions, for extraction. */
export { DOCUMENT_EXTENSIONS, MAX_DOCUMENT_BYTES, detectFormat, readDocument } from './read-document.js';
export { decodeText } from './decode-text.js';
export type { DecodedText, TextEncodingName } from './decode-text.js';
export { htmlToText } from './html-text.js';
export type { HtmlText } from './html-text.js';
export { pdfText } from './pdf-text.js';
export type { PdfText } from './pdf-text.js';
export { minimalPdf } from './minimal-pdf.js';
export type { MinimalPdfOptions } from './minimal-pdf.js';
export type { DocumentFormat, SourceDocument } from './types.js';
