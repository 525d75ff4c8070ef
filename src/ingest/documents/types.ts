/** A document read from a file: its pages of text, ready for extraction, and what it is. */
import type { PageText } from '../extract/index.js';

export type DocumentFormat = 'text' | 'html' | 'pdf';

export interface SourceDocument {
  /** Name for messages and provenance (`${fileName}#p${page}:${start}-${end}`). */
  fileName: string;
  format: DocumentFormat;
  mimeType: string;
  /** The encoding the text was decoded from (text and HTML). */
  encoding: string | undefined;
  /** The document's own title (HTML <title>, PDF Title), if any. */
  title: string | undefined;
  pages: PageText[];
  /** SHA-1 of the file's bytes (FtM's contentHash), and its size. */
  contentHash: string;
  bytes: number;
  /**
   * For HTML: maps an offset in page 1's text, as read here, back to an offset in the decoded
   * HTML source (the service's normalisation, NFC and trimming, leaves HTML text as it is but
   * for text in decomposed Unicode).
   */
  sourceOffset?: ((offset: number) => number) | undefined;
}
