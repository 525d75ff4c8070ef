/** Recognises the UN SC consolidated list by its root element `CONSOLIDATED_LIST`. */
import type { Sniffer } from '../types.js';

// Anything that may come before the root element: XML declaration, processing instructions, comments, a DOCTYPE.
const PROLOG = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)*/;

export const sniffUnSc: Sniffer = (head) => {
  const rest = head.replace(/^\uFEFF/, '').replace(PROLOG, '');
  if (!/^<(?:[\w.-]+:)?CONSOLIDATED_LIST[\s/>]/.test(rest)) return null;
  return { format: 'un-sc-xml', source: 'un-sc', role: 'main' };
};
