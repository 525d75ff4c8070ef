/**
 * Where a file stops being valid UTF-8: the 1-based line of the first ill-formed byte
 * sequence (Unicode 15, table 3-7), so that an encoding error names the right line even when
 * valid non-ASCII text (Cyrillic, Arabic) comes before the bad byte.
 */
import { createReadStream } from 'node:fs';

export async function firstInvalidUtf8Line(path: string, open: (path: string) => Promise<AsyncIterable<Buffer>> = async (p) => createReadStream(p)): Promise<number | undefined> {
  let line = 1;
  let need = 0; // continuation bytes still expected
  let lo = 0x80;
  let hi = 0xbf;
  for await (const chunk of await open(path)) {
    for (const b of chunk) {
      if (need > 0) {
        if (b < lo || b > hi) return line;
        need--;
        lo = 0x80;
        hi = 0xbf;
        continue;
      }
      if (b === 0x0a) line++;
      if (b < 0x80) continue;
      if (b >= 0xc2 && b <= 0xdf) need = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        need = 2;
        if (b === 0xe0) lo = 0xa0;
        if (b === 0xed) hi = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3;
        if (b === 0xf0) lo = 0x90;
        if (b === 0xf4) hi = 0x8f;
      } else return line;
    }
  }
  return need > 0 ? line : undefined;
}
