/**
 * Bytes of a text document to a string: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise UTF-8
 * when the bytes are valid UTF-8; otherwise Windows-1251 or GB18030, the legacy encodings of
 * Russian and Chinese documents (both in the WHATWG Encoding Standard that Node's TextDecoder
 * implements). Between those two: Russian text is almost never valid GB18030 (an odd-length
 * word leaves a lead byte before a space), and Chinese text read as Windows-1251 is a jumble
 * of upper- and lower-case Cyrillic inside words, which Russian prose never is.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Share of Cyrillic letters that break Russian spelling when the text is read as Windows-1251. */
export function cp1251Oddness(text: string): number {
  let letters = 0;
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isUpper = (c >= 0x410 && c <= 0x42f) || c === 0x401;
    const isLower = (c >= 0x430 && c <= 0x44f) || c === 0x451;
    if (isUpper || isLower) {
      letters++;
      const p = text.charCodeAt(i - 1);
      const prevLower = (p >= 0x430 && p <= 0x44f) || p === 0x451;
      if (isUpper && prevLower) odd++;
    } else if (c >= 0x80 && c < 0x400 && c !== 0xa0 && c !== 0xab && c !== 0xbb && c !== 0xb0 && c !== 0xa7) {
      // Windows-1251's symbols and Serbian/Ukrainian letters between Russian ones.
      odd++;
    } else if (c >= 0x402 && c <= 0x40f) {
      odd++;
    } else if (c >= 0x452 && c <= 0x45f) {
      odd++;
    }
  }
  return letters === 0 ? 1 : odd / letters;
}

export function decodeText(bytes: Uint8Array, declared?: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const label = declared?.toLowerCase();
  if (label === 'windows-1251' || label === 'cp1251' || label === 'gb18030' || label === 'gbk' || label === 'gb2312') {
    const encoding = label === 'windows-1251' || label === 'cp1251' ? 'windows-1251' : 'gb18030';
    return { text: new TextDecoder(encoding).decode(bytes), encoding };
  }
  const cp1251 = new TextDecoder('windows-1251').decode(bytes);
  const gb = tryDecode(bytes, 'gb18030');
  if (gb !== undefined && cp1251Oddness(cp1251) > 0.05) return { text: gb, encoding: 'gb18030' };
  return { text: cp1251, encoding: 'windows-1251' };
}
