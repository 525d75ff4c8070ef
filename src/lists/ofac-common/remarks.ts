/**
 * The Remarks field of OFAC's legacy list files (sdn.csv / cons_prim.csv, and the .del/.ff/.pip
 * variants): `;`-separated clauses such as `DOB 01 Jan 1960`, `POB Moscow, Russia`,
 * `Passport 123456 (Russia) issued 01 Jan 2010 expires 01 Jan 2020`, `a.k.a. 'BNC'`,
 * `Linked To: NAME`, with an `alt.` prefix for further values of a kind. Weak (low-quality)
 * a.k.a.s appear only here, in single quotes (OFAC FAQ 123,
 * https://ofac.treasury.gov/faqs/123). Identifier labels go through the shared OFAC table
 * (identifiers.ts); the few labels it lacks are recognised in EXTRA_LABELS below.
 */
import { countryCode, parseDate, parseDateExpression } from '../../model/index.js';
import type { ValueMeta } from '../../model/index.js';
import type { BundleBuilder } from '../bundle.js';
import { applyOfacIdentifier, idTypeAction, isKnownIdType } from './identifiers.js';

export type RemarkKind =
  | 'birthDate'
  | 'birthPlace'
  | 'nationality'
  | 'citizenship'
  | 'gender'
  | 'alias'
  | 'weakAlias'
  | 'previousName'
  | 'link'
  | 'programUrl'
  /** The entry's title (the Title column, repeated in Remarks): a Person's position. */
  | 'title'
  | 'identifier'
  /** A label known to carry no property: the value is kept in notes only. */
  | 'note'
  /** Free text or an unknown label; kept in notes. */
  | 'text';

export interface RemarkClause {
  /** The clause as written (without the separator). */
  raw: string;
  /** The clause began with `alt.` (a further value of the same kind). */
  alt: boolean;
  kind: RemarkKind;
  /** The label as written (`DOB`, `Tax ID No.`, `Linked To`), '' for free text. */
  label: string;
  value: string;
  /** For identifiers: the label as the shared OFAC table knows it. */
  idType?: string;
  country?: string;
  issueDate?: string;
  expirationDate?: string;
}

/** The label as applyOfacIdentifier should see it, or null for a note-only label. */
type ExtraTarget = string | null;

// Label candidates repeat across a list (every word prefix of every clause is tried); the tables are fixed.
const labelCache = new Map<string, ExtraTarget | undefined>();
const actionCache = new Map<string, ReturnType<typeof idTypeAction>>();

/** The label as applyOfacIdentifier should see it, null for a note-only label, undefined when unknown. */
function resolveLabel(label: string): ExtraTarget | undefined {
  const cached = labelCache.get(label);
  if (cached !== undefined || labelCache.has(label)) return cached;
  let target: ExtraTarget | undefined;
  if (/[a-z]/i.test(label) && isKnownIdType(label)) target = label;
  if (labelCache.size > 50_000) labelCache.clear();
  labelCache.set(label, target);
  return target;
}

/** idTypeAction, remembered per label (labels repeat thousands of times in a list). */
function actionOf(label: string): ReturnType<typeof idTypeAction> {
  if (actionCache.has(label)) return actionCache.get(label);
  const action = idTypeAction(label);
  if (actionCache.size > 50_000) actionCache.clear();
  actionCache.set(label, action);
  return action;
}

const ALT = /^alt\.\s*/i;
/** FtM's limit for identifier values. */
const MAX_ID_LENGTH = 64;

/**
 * A country as OFAC writes it, to an FtM code where the shared table misses the spelling
 * ("Cote d Ivoire", "Man, Isle of", "St. Kitts & Nevis", "Region: Gaza"). Returns the text
 * unchanged when it is no country (so that the refusal is reported), undefined for "None Identified".
 */
export function ofacCountry(text: string): string | undefined {
  const t = text.trim();
  if (!t || /^none identified$/i.test(t)) return undefined;
  return countryCode(t) ?? t;
}

/** Splits a Remarks text into clauses. The final period OFAC appends to the field is dropped. */
export function splitOfacRemarks(text: string): string[] {
  const t = text.trim();
  if (!t || t === '-0-') return [];
  return t
    .replace(/\.\s*$/, '')
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

export interface ParseRemarksOptions {
  /** The entry's titles (Title column): clauses equal to one of them become `title` clauses. */
  titles?: readonly string[];
}

export function parseOfacRemarks(text: string, opts: ParseRemarksOptions = {}): RemarkClause[] {
  const titles = new Set((opts.titles ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean));
  return splitOfacRemarks(text).map((raw) => {
    if (titles.has(raw.toLowerCase())) return { raw, alt: false, kind: 'title', label: '', value: raw };
    return parseClause(raw);
  });
}

export function parseClause(raw: string): RemarkClause {
  const alt = ALT.test(raw);
  const c = raw.replace(ALT, '').trim();
  let m: RegExpMatchArray | null;
  const simple = (kind: RemarkKind, label: string, value: string): RemarkClause => ({ raw, alt, kind, label, value: value.trim() });
  if ((m = c.match(/^(DOB)\s*:?\s+(.+)$/i))) return simple('birthDate', m[1]!, m[2]!);
  if ((m = c.match(/^(POB)\s*:?\s+(.+)$/i))) return simple('birthPlace', m[1]!, m[2]!);
  if ((m = c.match(/^(nationality)\s*:?\s+(.+)$/i)) && !/^(possibly|of registration)\b/i.test(m[2]!)) return simple('nationality', m[1]!, m[2]!);
  if ((m = c.match(/^(citizen(?:ship)?)\s+(.+)$/i))) return simple('citizenship', m[1]!, m[2]!);
  if ((m = c.match(/^(gender)\s+(male|female)$/i))) return simple('gender', m[1]!, m[2]!);
  if ((m = c.match(/^([afn])\.k\.a\.?,?\s+(.+)$/i))) {
    const kind: RemarkKind = m[1]!.toLowerCase() === 'a' ? 'weakAlias' : m[1]!.toLowerCase() === 'f' ? 'previousName' : 'alias';
    return simple(kind, `${m[1]!.toLowerCase()}.k.a.`, unquote(m[2]!));
  }
  if ((m = c.match(/^(position|title|alternate title|occupation)\s*:\s*(.+)$/i))) return simple('title', m[1]!, m[2]!);
  if ((m = c.match(/^(linked to)\s*:\s*(.+)$/i))) return simple('link', 'Linked To', m[2]!);
  if ((m = c.match(/^(for more information\b[^:]*):\s*(https?:\/\/\S+)$/i))) return simple('programUrl', m[1]!, m[2]!.replace(/\.$/, ''));
  const split = splitLabel(c);
  if (split) {
    const { label, value, idType } = split;
    if (idType === null) return simple('note', label, value);
    const clause: RemarkClause = { raw, alt, kind: 'identifier', label, value, idType };
    const action = actionOf(idType);
    if (action?.kind === 'prop') Object.assign(clause, parseIdValue(value));
    // A known label followed by prose ("Passport No.: 0310857, Eritrea, Issue Date …") is not an identifier.
    if (action?.kind === 'prop' && action.ident && clause.value.length > MAX_ID_LENGTH) return simple('text', '', c);
    return clause;
  }
  return simple('text', '', c);
}

function unquote(v: string): string {
  const t = v.trim();
  const q = t[0];
  if (q !== "'" && q !== '"') return t;
  const end = t.lastIndexOf(q);
  // A value cut off by the 1000-character limit of the Remarks column has no closing quote.
  return (end > 0 ? t.slice(1, end) : t.slice(1)).trim();
}

/** Splits `<label> <value>` where the label is one the identifier tables know. */
function splitLabel(c: string): { label: string; value: string; idType: ExtraTarget } | undefined {
  let m = c.match(/^(digital currency address\s*-\s*[a-z0-9]+)\s+(\S.*)$/i);
  if (m) return { label: m[1]!, value: m[2]!, idType: m[1]! };
  for (const sep of [': ', ' - ']) {
    const i = c.indexOf(sep);
    if (i > 0) {
      const label = c.slice(0, i);
      const idType = resolveLabel(label);
      if (idType !== undefined) return { label, value: c.slice(i + sep.length).trim(), idType };
    }
  }
  const words = c.split(' ');
  for (let k = Math.min(words.length - 1, 12); k >= 1; k--) {
    const label = words.slice(0, k).join(' ');
    const idType = resolveLabel(label);
    if (idType !== undefined) return { label, value: words.slice(k).join(' ').trim(), idType };
  }
  // A label alone, e.g. `Additional Sanctions Information - Subject to Secondary Sanctions`.
  m = c.match(/^(.+?)\s+-\s+(.+)$/);
  const whole = resolveLabel(c);
  if (m && whole !== undefined) return { label: m[1]!, value: m[2]!, idType: whole };
  return undefined;
}

/** `123456 (Russia) issued 01 Jan 2010 expires 01 Jan 2020` → number, country, dates. */
export function parseIdValue(value: string): { value: string; country?: string; issueDate?: string; expirationDate?: string } {
  let v = value.trim();
  const out: { value: string; country?: string; issueDate?: string; expirationDate?: string } = { value: v };
  let m = v.match(/^(.*?)\s+expires\s+(.+)$/i);
  if (m && parseDate(m[2]!)) {
    out.expirationDate = m[2]!.trim();
    v = m[1]!;
  }
  m = v.match(/^(.*?)\s+issued\s+(.+)$/i);
  if (m && parseDate(m[2]!)) {
    out.issueDate = m[2]!.trim();
    v = m[1]!;
  }
  m = v.match(/^(.*\S)\s*\(([^()]+)\)$/);
  if (m && countryCode(m[2]!)) {
    out.country = m[2]!.trim();
    v = m[1]!;
  }
  out.value = v.trim();
  return out;
}

export interface ApplyRemarksOptions {
  /** Reports a clause whose value could not be used (e.g. an unparseable DOB). */
  report?: (issue: { code: string; message: string }) => void;
}

export interface AppliedRemarks {
  /** Names from `Linked To:` clauses, for the caller to resolve within its list. */
  links: string[];
  /** Clauses that did not become structured values (kept in notes only). */
  unparsed: RemarkClause[];
}

/**
 * Applies parsed clauses to a bundle. The caller keeps the raw Remarks text in `notes`; here
 * only the structured values are added. `Linked To:` names are returned, not resolved.
 */
export function applyOfacRemarks(b: BundleBuilder, clauses: readonly RemarkClause[], meta: ValueMeta, opts: ApplyRemarksOptions = {}): AppliedRemarks {
  const links: string[] = [];
  const unparsed: RemarkClause[] = [];
  const isPerson = b.root.schema.isA('Person');
  for (const cl of clauses) {
    switch (cl.kind) {
      case 'birthDate': {
        const expr = parseDateExpression(cl.value);
        if (expr.dates.length === 0) {
          opts.report?.({ code: 'invalid_value', message: `unparseable date of birth: ${cl.raw}` });
          unparsed.push(cl);
        } else if (!b.rootAdd('birthDate', expr.dates, meta)) unparsed.push(cl);
        break;
      }
      case 'birthPlace': {
        if (!b.rootAdd('birthPlace', cl.value, meta)) {
          unparsed.push(cl);
          break;
        }
        const last = cl.value.split(',').pop();
        const country = last ? ofacCountry(last) : undefined;
        if (country && countryCode(country)) b.rootAdd('birthCountry', country, meta);
        break;
      }
      case 'nationality':
        if (!b.rootAdd(isPerson ? 'nationality' : 'country', ofacCountry(cl.value), meta)) unparsed.push(cl);
        break;
      case 'citizenship':
        if (!b.rootAdd(isPerson ? 'citizenship' : 'country', ofacCountry(cl.value), meta)) unparsed.push(cl);
        break;
      case 'gender':
        if (!b.rootAdd('gender', cl.value, meta)) unparsed.push(cl);
        break;
      case 'alias':
      case 'weakAlias':
      case 'previousName':
        b.rootAdd(cl.kind, cl.value, meta);
        break;
      case 'link':
        links.push(cl.value);
        break;
      case 'title':
        if (!isPerson || !b.rootAdd('position', cl.value, meta)) unparsed.push(cl);
        break;
      case 'programUrl':
        b.sanction(meta.origin).add('programUrl', cl.value, meta);
        break;
      case 'identifier': {
        const type = cl.idType ?? cl.label;
        const country = cl.country ? ofacCountry(cl.country) : undefined;
        const id = { type, value: cl.value, country, issueDate: cl.issueDate, expirationDate: cl.expirationDate };
        const action = actionOf(type);
        if (action?.kind === 'date' || (action?.kind === 'sanction' && /date/i.test(action.prop))) {
          // "Organization Established Date 01 Jan 2015 to 31 Dec 2015": each date of the range.
          const dates = parseDateExpression(cl.value).dates;
          if (dates.length > 1) {
            for (const date of dates) applyOfacIdentifier(b, { ...id, value: date }, meta);
            break;
          }
        }
        if (action?.kind === 'prop' && (action.prop === 'flag' || action.prop === 'pastFlags' || action.prop === 'jurisdiction')) {
          const flag = ofacCountry(cl.value);
          if (flag) applyOfacIdentifier(b, { ...id, value: flag }, meta);
          break;
        }
        if (!applyOfacIdentifier(b, id, meta)) unparsed.push(cl);
        break;
      }
      case 'note':
      case 'text':
        unparsed.push(cl);
        break;
    }
  }
  return { links, unparsed };
}

/** Whether a clause becomes a structured value (as opposed to a note). */
export function isStructured(cl: RemarkClause): boolean {
  if (cl.kind === 'text' || cl.kind === 'note') return false;
  if (cl.kind === 'identifier') return actionOf(cl.idType ?? cl.label)?.kind !== 'note';
  return true;
}

/** Root properties an identifier clause sets (to choose Company over Organization before applying). */
export function clauseProps(cl: RemarkClause): string[] {
  if (cl.kind !== 'identifier') return [];
  const action = actionOf(cl.idType ?? cl.label);
  if (action?.kind !== 'prop') return [];
  const country = cl.country ? countryCode(cl.country) : undefined;
  const props = [action.prop];
  if (action.prop === 'taxNumber' && country === 'ru') props.push('innCode');
  if (action.prop === 'registrationNumber' && country === 'ru') props.push('ogrnCode');
  return props;
}

/**
 * A short key for grouping unparsed clauses in issue reports. A clause with a digit or a colon
 * looks like `<label> <value>`: its key is the words before them; any other is `free text`
 * (positions, relations, "all offices worldwide").
 */
export function clauseTypeKey(cl: RemarkClause): string {
  if (cl.label) return cl.label.toLowerCase();
  if (!/[\d:]/.test(cl.value)) return 'free text';
  const head = cl.value.split(/[\d'":(]/)[0] ?? '';
  const words = head.toLowerCase().replace(/[^\p{L}\s.-]/gu, ' ').trim().split(/\s+/).filter(Boolean).slice(0, 4);
  return words.join(' ') || '(other)';
}
