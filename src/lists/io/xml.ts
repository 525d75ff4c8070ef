/**
 * Streaming XML records on saxes, with the guards a list loader needs: any DOCTYPE that
 * declares entities is refused (billion laughs, external entities / XXE), undefined entities
 * are errors, and a truncated document is reported with its line. Only one record subtree is
 * held in memory at a time.
 */
import { SaxesParser } from 'saxes';
import type { SaxesTag } from 'saxes';
import { inputError } from '../../model/index.js';
import type { EndtraceError } from '../../model/index.js';
import { readText } from './text.js';
import type { ReadOptions } from './text.js';

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  line: number;
}

export type XmlEvent =
  | { kind: 'root'; node: XmlNode }
  | { kind: 'record'; node: XmlNode }
  | { kind: 'meta'; node: XmlNode };

export interface XmlReadOptions extends ReadOptions {
  /** Local names of the elements that are records (e.g. sdnEntry, INDIVIDUAL, ENTITY). */
  recordTags: ReadonlySet<string>;
  /** Local names of small elements outside records to report too (e.g. publshInformation). */
  metaTags?: ReadonlySet<string>;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

export async function* readXml(path: string, opts: XmlReadOptions): AsyncGenerator<XmlEvent> {
  const name = opts.name ?? path;
  const parser = new SaxesParser({ position: true });
  const queue: XmlEvent[] = [];
  const stack: XmlNode[] = [];
  let capture = 0; // depth inside a captured record/meta subtree (0 = not capturing)
  let failure: EndtraceError | undefined;
  let rootSeen = false;

  const fail = (message: string, code: string) => {
    failure ??= inputError(message, { file: name, line: parser.line }, code);
  };

  parser.on('doctype', (doctype: string) => {
    if (/<!ENTITY/i.test(doctype)) {
      fail('the XML declares entities in its DOCTYPE (entity expansion or external entity); refused', 'xml_entity');
    } else if (/SYSTEM|PUBLIC/i.test(doctype)) {
      fail('the XML references an external DTD; refused', 'xml_entity');
    }
  });
  parser.on('opentag', (tag: SaxesTag) => {
    const node: XmlNode = { name: localName(tag.name), attrs: tag.attributes as Record<string, string>, children: [], text: '', line: parser.line };
    if (!rootSeen) {
      rootSeen = true;
      queue.push({ kind: 'root', node: { ...node } });
    }
    if (capture > 0) {
      stack[stack.length - 1]!.children.push(node);
      stack.push(node);
      capture++;
    } else if (opts.recordTags.has(node.name) || opts.metaTags?.has(node.name)) {
      stack.push(node);
      capture = 1;
    }
  });
  parser.on('text', (text: string) => {
    if (capture > 0) stack[stack.length - 1]!.text += text;
  });
  parser.on('cdata', (text: string) => {
    if (capture > 0) stack[stack.length - 1]!.text += text;
  });
  parser.on('closetag', () => {
    if (capture === 0) return;
    const node = stack.pop()!;
    node.text = node.text.trim();
    capture--;
    if (capture === 0) queue.push({ kind: opts.recordTags.has(node.name) ? 'record' : 'meta', node });
  });
  parser.on('error', (err: Error) => {
    const m = err.message;
    if (/undefined entity/i.test(m)) fail(`undefined XML entity (${m.replace(/^.*?:\d+:\d+: /, '')})`, 'xml_entity');
    else fail(`malformed XML: ${m.replace(/^.*?:\d+:\d+: /, '')}`, 'xml_syntax');
  });

  // saxes resets its position when it closes, so the last line is counted here for truncation errors.
  let lastLine = 1;
  for await (const chunk of readText(path, opts)) {
    for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) lastLine++;
    parser.write(chunk);
    if (failure) throw failure;
    while (queue.length) yield queue.shift()!;
  }
  try {
    parser.close();
  } catch {
    // reported through the error handler
  }
  if (failure) {
    if (/unclosed|not well-formed|document must contain a root/i.test(failure.message)) {
      throw inputError('the XML document ends early (truncated file?): ' + failure.message.replace(/^malformed XML: /, ''), { file: name, line: lastLine }, 'truncated');
    }
    throw failure;
  }
  if (!rootSeen) throw inputError('the file holds no XML element', { file: name }, 'xml_syntax');
  while (queue.length) yield queue.shift()!;
}

/** First child element by local name. */
export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

/** All child elements by local name. */
export function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/** Text of the first child element by local name ('' when absent). */
export function childText(node: XmlNode, name: string): string {
  return child(node, name)?.text ?? '';
}
