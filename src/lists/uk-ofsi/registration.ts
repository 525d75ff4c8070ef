/**
 * `(Business Reg No):` of the OFSI Consolidated List: company identifiers written freely,
 * e.g. `(1) OGRN: 1027700456024 (2) INN: 7725075060`, `1117746568829 (Russia). Tax ID No.
 * 7735579027 (Russia)`, `9709056472 - Russia INN`, `SWIFT/BIC MINNRUMM`. Each number goes
 * to the FtM property its label names (innCode, ogrnCode, kppCode, okpoCode, swiftBic, leiCode,
 * vatCode, bikCode, taxNumber) or else to registrationNumber.
 */
import type { ValueMeta } from '../../model/index.js';
import type { BundleBuilder } from '../bundle.js';
import { splitEnumerated } from './text-lists.js';

export interface RegistrationId {
  prop: string;
  value: string;
  label: string;
}

const LABELS: Array<[RegExp, string]> = [
  [/\b(ogrn|огрн|psrn|state registration number|srn)\b/i, 'ogrnCode'],
  [/\b(inn|инн)\b/i, 'innCode'],
  [/\bkpp\b/i, 'kppCode'],
  [/\bokpo\b/i, 'okpoCode'],
  [/\bbik\b/i, 'bikCode'],
  [/\b(swift|bic)\b/i, 'swiftBic'],
  [/\b(lei|legal entity (identifier|number))\b/i, 'leiCode'],
  [/\bvat\b/i, 'vatCode'],
  [/\b(tin|tax|taxpayer|bin|unp|унп)\b/i, 'taxNumber'],
];

// A code: at least 5 characters with 3 digits, or a SWIFT/BIC (6 letters + 2 or 5 alphanumerics).
const TOKEN = /\b(?:[A-Z0-9][A-Z0-9\-/]*\d[A-Z0-9\-/]*|[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)\b/g;

export function parseRegistration(text: string): RegistrationId[] {
  const out: RegistrationId[] = [];
  for (const item of splitEnumerated(text)) {
    for (const segment of item.split(/\r?\n+|\.\s+(?=[A-Za-z])|\s{2,}/)) {
      const tokens = [...segment.matchAll(TOKEN)].filter((m) => isCode(m[0]));
      tokens.forEach((m, i) => {
        const start = i > 0 ? tokens[i - 1]!.index! + tokens[i - 1]![0].length : 0;
        const before = segment.slice(start, m.index);
        const after = segment.slice(m.index! + m[0].length, tokens[i + 1]?.index ?? segment.length);
        const labelText = propFor(before) ? before : after;
        let prop = propFor(labelText) ?? 'registrationNumber';
        const value = m[0];
        if (prop === 'swiftBic' && !/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(value)) prop = 'taxNumber';
        if (prop !== 'swiftBic' && /^[A-Z]+$/.test(value)) return;
        if (prop === 'registrationNumber' && /^\d{13}(\d{2})?$/.test(value) && /russia/i.test(segment)) prop = 'ogrnCode';
        if (prop === 'taxNumber' && /^\d{10}(\d{2})?$/.test(value) && /russia|\binn\b/i.test(segment)) prop = 'innCode';
        out.push({ prop, value, label: propFor(labelText) ? cleanLabel(labelText) : '' });
      });
    }
  }
  return out;
}

function isCode(token: string): boolean {
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(token)) return false;
  if (/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(token) && !/\d/.test(token)) return true;
  return token.length >= 5 && (token.match(/\d/g) ?? []).length >= 3;
}

function propFor(label: string): string | undefined {
  for (const [re, prop] of LABELS) if (re.test(label)) return prop;
  return undefined;
}

function cleanLabel(text: string): string {
  return text.replace(/[()]/g, ' ').replace(/[\s:–\-#.,/]+/g, ' ').trim();
}

/**
 * Adds the identifiers to the root (Russian INN and OGRN also as taxNumber / registrationNumber,
 * which is where other lists put them) and as Identification entities.
 */
export function applyRegistration(b: BundleBuilder, text: string, meta: ValueMeta): number {
  const ids = parseRegistration(text);
  if (ids.length > 0) b.setSchema('Company');
  for (const id of ids) {
    b.rootAdd(id.prop, id.value, meta);
    if (id.prop === 'innCode') b.rootAdd('taxNumber', id.value, meta);
    if (id.prop === 'ogrnCode') b.rootAdd('registrationNumber', id.value, meta);
    if (id.prop === 'registrationNumber' || id.prop === 'taxNumber' || id.prop === 'innCode' || id.prop === 'ogrnCode') {
      b.identification({ type: id.label || TYPE_NAMES[id.prop]!, number: id.value }, meta);
    }
  }
  return ids.length;
}

const TYPE_NAMES: Record<string, string> = {
  registrationNumber: 'Registration number',
  taxNumber: 'Tax number',
  innCode: 'INN',
  ogrnCode: 'OGRN',
};
