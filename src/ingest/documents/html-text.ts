/**
 * The text of an HTML page as a reader sees it (htmlparser2's tokenizer, which follows the
 * WHATWG HTML parsing rules for entities and raw-text elements): tags stripped, <script>,
 * <style>, <template>, <noscript> and <head> dropped, entities decoded, white space collapsed
 * outside <pre>, a line break for <br> and around block elements, a tab between table cells.
 * Every piece of output text keeps the offset it came from, so a span in the text maps back
 * to the HTML source (an entity maps to its `&`).
 */
import { Parser } from 'htmlparser2';

const SKIP = new Set(['script', 'style', 'template', 'noscript', 'head', 'iframe', 'object', 'svg', 'math']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'body', 'html',
]);
const CELL = new Set(['td', 'th']);
const HTML_SPACE = /[ \t\n\r\f]+/g;

export interface HtmlText {
  text: string;
  title: string | undefined;
  /** The offset in the HTML source of an offset in `text`. */
  sourceOffset(offset: number): number;
}

interface Segment {
  out: number;
  src: number;
  /** True when the output piece is the source text itself, character for character. */
  exact: boolean;
}

export function htmlToText(html: string): HtmlText {
  let out = '';
  const segments: Segment[] = [];
  let skipDepth = 0;
  let preDepth = 0;
  let inTitle = false;
  let title = '';

  const lastChar = () => out[out.length - 1];
  const push = (text: string, src: number, exact: boolean) => {
    if (!text) return;
    segments.push({ out: out.length, src, exact });
    out += text;
  };
  const trimTrailingSpace = () => {
    while (out.endsWith(' ') || out.endsWith('\t')) out = out.slice(0, -1);
  };
  const lineBreak = (src: number, force: boolean) => {
    trimTrailingSpace();
    if (!out) return;
    if (force || lastChar() !== '\n') push('\n', src, false);
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skipDepth++;
        if (name === 'title') inTitle = true;
        if (skipDepth) return;
        if (name === 'pre') preDepth++;
        if (name === 'br') lineBreak(parser.startIndex, true);
        else if (BLOCK.has(name)) lineBreak(parser.startIndex, false);
        else if (CELL.has(name) && out && lastChar() !== '\n' && lastChar() !== '\t') {
          trimTrailingSpace();
          push('\t', parser.startIndex, false);
        }
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (SKIP.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth) return;
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (BLOCK.has(name)) lineBreak(parser.startIndex, false);
      },
      ontext(text) {
        const src = parser.startIndex;
        const exact = html.slice(src, parser.endIndex + 1) === text;
        if (inTitle) {
          title += text;
          return;
        }
        if (skipDepth) return;
        if (preDepth || !exact) {
          // Inside <pre> text is kept as is; a decoded entity is one piece mapped to its `&`.
          push(text, src, exact);
          return;
        }
        let i = 0;
        for (const m of text.matchAll(HTML_SPACE)) {
          const at = m.index;
          push(text.slice(i, at), src + i, true);
          const prev = lastChar();
          if (out && prev !== ' ' && prev !== '\n' && prev !== '\t') push(' ', src + at, false);
          i = at + m[0].length;
        }
        push(text.slice(i), src + i, true);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  trimTrailingSpace();
  while (out.endsWith('\n')) out = out.slice(0, -1);

  const text = out;
  return {
    text,
    title: title.replace(/\s+/g, ' ').trim() || undefined,
    sourceOffset(offset: number): number {
      let lo = 0;
      let hi = segments.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (segments[mid]!.out <= offset) lo = mid;
        else hi = mid - 1;
      }
      const seg = segments[lo];
      if (!seg) return 0;
      return seg.exact ? seg.src + (offset - seg.out) : seg.src;
    },
  };
}

/** The charset an HTML document declares in its first bytes (<meta charset>, http-equiv). */
export function declaredCharset(head: string): string | undefined {
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}
