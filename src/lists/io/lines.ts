/**
 * Streaming text lines with 1-based line numbers, for line-oriented formats (JSON lines).
 * A line longer than the limit is refused as an oversized record.
 */
import { inputError } from '../../model/index.js';
import { readText } from './text.js';
import type { ReadOptions } from './text.js';

export interface TextLine {
  text: string;
  line: number;
}

export async function* readLines(path: string, opts: ReadOptions & { maxLineLength?: number } = {}): AsyncGenerator<TextLine> {
  const max = opts.maxLineLength ?? 16 * 1024 * 1024;
  const name = opts.name ?? path;
  let buffer = '';
  let line = 0;
  for await (const chunk of readText(path, opts)) {
    buffer += chunk;
    let start = 0;
    let nl: number;
    while ((nl = buffer.indexOf('\n', start)) !== -1) {
      line++;
      const text = buffer.slice(start, nl).replace(/\r$/, '');
      start = nl + 1;
      yield { text, line };
    }
    buffer = buffer.slice(start);
    if (buffer.length > max) throw inputError(`a line is longer than ${max} characters (oversized record)`, { file: name, line: line + 1 }, 'oversized');
  }
  if (buffer.length > 0) yield { text: buffer.replace(/\r$/, ''), line: line + 1 };
}
