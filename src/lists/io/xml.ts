/**
 * Streaming XML records on saxes, with the guards a list loader needs: any DOCTYPE that
 * declares entities is refused (billion laughs, external entities / XXE), undefined entities
 * are errors, and a truncated document is reported with its line. Only one record subtree is
 * held in memory at a time, and it may not grow past XML_MAX_RECORD_SIZE characters (nor may
 * any one text node or tag, which the parser holds whole until it ends).
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
  /** Largest record subtree, text node or tag, in characters (default XML_MAX_RECORD_SIZE). */
  maxRecordSize?: number;
}

/**
 * Largest record subtree (text, names and attribute values of the record and its children),
 * and largest single text node or tag, in characters: the same order as the CSV readers'
 * 1,000,000. The biggest real records are ~10 KB (UN SC 9,030, OFAC consolidated.xml 10,348 characters).
 */
export const XML_MAX_RECORD_SIZE = 1_000_000;

/** The position saxes puts before its messages: `line:column: `, after the file name when it has one. */
const SAXES_POSITION = /^(?:.*?:)?\d+:\d+: /;

/** A saxes error message without its position prefix (the error carries the line itself). */
export function saxesMessage(message: string): string {
  return message.replace(SAXES_POSITION, '');
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

export async function* readXml(path: string, opts: XmlReadOptions): AsyncGenerator<XmlEvent> {
  const name = opts.name ?? path;
  const maxSize = opts.maxRecordSize ?? XML_MAX_RECORD_SIZE;
  const parser = new SaxesParser({ position: true });
  const queue: XmlEvent[] = [];
  const stack: XmlNode[] = [];
  let capture = 0; // depth inside a captured record/meta subtree (0 = not capturing)
  let failure: EndtraceError | undefined;
  let rootSeen = false;
  let captured = 0; // characters held in the captured subtree
  // Where the parser last gave an event: what it reads after that, it holds until the next one.
  let eventPosition = 0;
  let eventLine = 1;
  const sawEvent = () => {
    eventPosition = parser.position;
    eventLine = parser.line;
  };

  const fail = (message: string, code: string, line = parser.line) => {
    failure ??= inputError(message, { file: name, line }, code);
  };
  /** Refuses an oversized record (named by the line it starts on, as the CSV reader does) or node. */
  const oversized = () => {
    const record = capture > 0 ? stack[0] : undefined;
    if (record) fail(`the <${record.name}> record is larger than the limit of ${maxSize} characters (oversized field)`, 'oversized', record.line);
    else fail(`an XML text or tag is larger than the limit of ${maxSize} characters (oversized field)`, 'oversized', eventLine);
  };
  const hold = (chars: number) => {
    captured += chars;
    if (captured > maxSize) oversized();
  };

  parser.on('xmldecl', sawEvent);
  parser.on('doctype', (doctype: string) => {
    sawEvent();
    if (/<!ENTITY/i.test(doctype)) {
      fail('the XML declares entities in its DOCTYPE (entity expansion or external entity); refused', 'xml_entity');
    } else if (/SYSTEM|PUBLIC/i.test(doctype)) {
      fail('the XML references an external DTD; refused', 'xml_entity');
    }
  });
  parser.on('opentag', (tag: SaxesTag) => {
    sawEvent();
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
      captured = 0;
    } else {
      return;
    }
    hold(tag.name.length + Object.entries(node.attrs).reduce((n, [k, v]) => n + k.length + v.length, 0));
  });
  const onText = (text: string) => {
    sawEvent();
    if (capture === 0) return;
    stack[stack.length - 1]!.text += text;
    hold(text.length);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('comment', sawEvent);
  parser.on('processinginstruction', sawEvent);
  parser.on('closetag', () => {
    sawEvent();
    if (capture === 0) return;
    const node = stack.pop()!;
    node.text = node.text.trim();
    capture--;
    if (capture === 0) queue.push({ kind: opts.recordTags.has(node.name) ? 'record' : 'meta', node });
  });
  parser.on('error', (err: Error) => {
    const m = err.message;
    if (/undefined entity/i.test(m)) fail(`undefined XML entity (${saxesMessage(m)})`, 'xml_entity');
    else fail(`malformed XML: ${saxesMessage(m)}`, 'xml_syntax');
  });

  // saxes resets its position when it closes, so the last line is counted here for truncation errors.
  let lastLine = 1;
  // Characters given to the parser (its own `position` counts the last chunk twice between writes).
  let written = 0;
  for await (const chunk of readText(path, opts)) {
    for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) lastLine++;
    parser.write(chunk);
    written += chunk.length;
    // A text node or tag the parser is still holding (no event since): refused before it grows on.
    if (written - eventPosition > maxSize) oversized();
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
