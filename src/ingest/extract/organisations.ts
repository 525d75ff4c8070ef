/**
 * Organisation names by their legal forms, the way the three languages write them:
 * - Russian and transliterated prefix forms with a quoted name: ООО «…», АО «…», ПАО "…",
 *   OOO "…", JSC "…", Общество с ограниченной ответственностью «…» (forms of the Russian Civil
 *   Code, ch. 4: ООО, АО/ПАО/НАО, the older ОАО/ЗАО, ФГУП/ГУП/МУП, АНО; and НПО/НПП, which are
 *   not legal forms but stand before names the same way), or without quotes: ЗАО Ромашка;
 * - suffix forms after a capitalised name: … LLC, … Ltd., … Co., Ltd., … GmbH, … JSC (the
 *   abbreviations of GLEIF's ISO 20275 entity legal forms list);
 * - Chinese names ending in 有限公司, 股份有限公司, 有限责任公司, 集团 or 公司 (PRC Company
 *   Law, art. 2 and 7: a company's name states its form), cut at the words that precede a name
 *   in a sentence (向, 与, 致…) and started at a place name where there is one (深圳市…).
 * Russian nested quotes close once («ИЭМЗ «Купол»): an unclosed quote ends at the last one.
 */
import { before, cleanName, matches, scriptsOf, span } from './scan.js';
import type { Span } from './types.js';

const OPEN_QUOTES = '«"“„‘\'';
const CLOSE_FOR: Record<string, string> = { '«': '»', '"': '"', '“': '”', '„': '“”', '‘': '’', "'": "'" };
const MAX_QUOTED = 120;

const RU_ABBR = ['ФГУП', 'ФГБУ', 'ФГУ', 'ФКП', 'ГУП', 'МУП', 'ООО', 'ОАО', 'ЗАО', 'ПАО', 'НАО', 'АНО', 'АО', 'НПО', 'НПП', 'НПФ', 'ТОО', 'ОДО', 'ЧУП'];
const LAT_ABBR = ['OOO', 'ZAO', 'OAO', 'PAO', 'NAO', 'AO', 'OJSC', 'CJSC', 'PJSC', 'JSC', 'LLC', 'FGUP', 'NPO', 'NPP', 'TOO'];
const RU_FULL = [
  '[Оо]бществ[а-яё]*\\s+с\\s+ограниченной\\s+ответственностью',
  '(?:(?:[Оо]ткрыт|[Зз]акрыт|[Пп]убличн|[Нн]епубличн)[а-яё]*\\s+)?[Аа]кционерн[а-яё]*\\s+обществ[а-яё]*',
  '[Фф]едеральн[а-яё]*\\s+государственн[а-яё]*\\s+(?:унитарн|бюджетн|казённ|казенн)[а-яё]*\\s+(?:предприяти|учреждени)[а-яё]*',
  '(?:[Гг]осударственн|[Мм]униципальн)[а-яё]*\\s+унитарн[а-яё]*\\s+предприяти[а-яё]*',
  '[Нн]аучно-производственн[а-яё]*\\s+(?:объединени|предприяти|фирм)[а-яё]*',
  '[Аа]втономн[а-яё]*\\s+некоммерческ[а-яё]*\\s+организаци[а-яё]*',
  '(?:Limited\\s+Liability|Joint[\\s-]+Stock|Closed\\s+Joint[\\s-]+Stock|Open\\s+Joint[\\s-]+Stock|Public\\s+Joint[\\s-]+Stock)\\s+Company',
];
const PREFIX_FORM = new RegExp(
  `(?<![\\p{L}\\p{N}])(${RU_FULL.join('|')}|${[...RU_ABBR, ...LAT_ABBR].join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

/**
 * A quoted name starting at `i` (an opening quote): [start, end) including the quotes, or
 * null. Typographic quotes nest; a nested name may close both levels with one quote
 * («ИЭМЗ «Купол»), so a closing quote ends the name unless another closing quote follows.
 */
export function quotedAt(text: string, i: number): [number, number] | null {
  const open = text[i]!;
  if (!OPEN_QUOTES.includes(open)) return null;
  const close = CLOSE_FOR[open]!;
  const symmetric = close === open;
  let depth = 1;
  const limit = Math.min(text.length, i + MAX_QUOTED);
  for (let j = i + 1; j < limit; j++) {
    const c = text[j]!;
    if (c === '\n') return null;
    if (close.includes(c)) {
      if (!symmetric && depth > 1 && close.includes(text[j + 1] ?? '')) {
        depth--;
        continue;
      }
      return j - i > 1 ? [i, j + 1] : null;
    }
    if (!symmetric && c === open) depth++;
  }
  return null;
}

/** Capitalised tokens (Cyrillic or Latin, digits, hyphens) from `i`: an unquoted name after a prefix form. */
const CAP_TOKENS = /^(?:[\p{Lu}\d][\p{L}\p{N}&'’.-]*)(?:\s(?:[\p{Lu}\d][\p{L}\p{N}&'’.-]*)){0,3}/u;

function prefixForms(text: string, out: Span[]): void {
  for (const m of matches(PREFIX_FORM, text)) {
    let i = m.index + m[0].length;
    while (text[i] === ' ' || text[i] === '\u00a0') i++;
    const q = quotedAt(text, i);
    if (q && i - (m.index + m[0].length) <= 2) {
      const t = text.slice(m.index, q[1]);
      out.push(span('organization', t, m.index, cleanName(t), 0.9));
      continue;
    }
    // An abbreviation without quotes: ЗАО Ромашка, JSC Kupol (the LLC suffix case is handled below).
    if (i === m.index + m[0].length || m[0].length > 5) continue;
    const rest = CAP_TOKENS.exec(text.slice(i, i + 80));
    if (!rest) continue;
    const words: string[] = [];
    for (const w of rest[0].split(' ')) {
      if (STOP_WORDS.has(w)) break;
      words.push(w);
    }
    const name = words.join(' ').replace(/[.,]+$/, '');
    if (!name || /^\d+$/.test(name)) continue;
    const t = text.slice(m.index, i + name.length);
    out.push(span('organization', t, m.index, cleanName(t), 0.6));
  }
}

const SUFFIXES = [
  'Co\\.,?\\s?Ltd\\.?', 'Co\\.?\\s?Limited', 'Co\\.,\\s?Limited', 'Company\\s+Limited', 'Pte\\.?\\s?Ltd\\.?', 'Pvt\\.?\\s?Ltd\\.?', 'Sdn\\.?\\s?Bhd\\.?',
  'Limited\\s+Liability\\s+Company', 'Joint[\\s-]Stock\\s+Company', 'L\\.L\\.C\\.', 'LLC', 'LLP', 'Ltd\\.?', 'LTD\\.?', 'Limited', 'LIMITED', 'GmbH', 'GMBH', 'AG', 'JSC', 'PJSC', 'OJSC',
  'CJSC', 'Inc\\.?', 'INC\\.?', 'Corp\\.?', 'CORP\\.?', 'Corporation', 'CORPORATION', 'PLC', 'plc', 'S\\.A\\.', 'B\\.V\\.', 'N\\.V\\.', 'FZE', 'FZCO', 'FZ-LLC', 'DMCC', 'S\\.R\\.L\\.',
  'SRL', 'OOO', 'ZAO', 'OAO', 'CO\\.,?\\s?LTD\\.?',
];
const SUFFIX_FORM = new RegExp(`(?<=[\\p{L}\\p{N}.)])(,?\\s)(${SUFFIXES.join('|')})(?![\\p{L}\\p{N}])`, 'gu');

/** Capitalised words that start sentences or label fields, not names. */
const STOP_WORDS = new Set([
  'The', 'A', 'An', 'To', 'From', 'By', 'For', 'With', 'And', 'Of', 'In', 'On', 'At', 'Between', 'Dear', 'Messrs', 'Messrs.', 'Attn', 'Attn.', 'Re', 'Re:',
  'Seller', 'Buyer', 'Shipper', 'Consignee', 'Supplier', 'Customer', 'Invoice', 'Contract', 'Our', 'Your', 'This', 'That', 'We', 'Per', 'Via', 'Notify',
  'Then', 'When', 'If', 'As', 'Also', 'However', 'Please', 'Both', 'Signed', 'Since', 'After', 'Before', 'Under', 'Whereas', 'Hereby', 'Kind', 'Regards',
  'Party', 'Manufacturer', 'Exporter', 'Importer', 'Payer', 'Beneficiary', 'Sold', 'Ship', 'Bill', 'Mr', 'Mr.', 'Ms', 'Ms.', 'Mrs', 'Mrs.', 'Dr', 'Dr.',
  'В', 'И', 'С', 'К', 'От', 'Для', 'По', 'На', 'Из', 'О', 'Об', 'Между', 'Поставщик', 'Покупатель', 'Продавец', 'Грузополучатель', 'Грузоотправитель',
  'Получатель', 'Отправитель', 'Адрес', 'Письмо', 'Уважаемый', 'Уважаемые', 'Кому', 'Директору', 'Генеральному',
]);
const CONNECTORS = new Set(['of', 'and', '&', 'for', 'de', 'la', 'du', 'der', 'und', 'y', 'e']);
const NAME_TOKEN = /^(?:[\p{Lu}\d][\p{L}\p{N}&'’.\-/]*|\([\p{L}\p{N} ]+\)|&|[\p{Lu}][\p{L}]*[\p{Lu}][\p{L}]*)$/u;
const MAX_NAME_TOKENS = 8;

/** An initial or a known abbreviation ends with a dot inside a name; any other dotted word ends a sentence. */
const DOTTED_OK = /^(?:(?:\p{Lu}\.)+|St\.|Mt\.|Int'?l\.|Intl\.|Tech\.|Ind\.|Mfg\.)$/u;

function suffixForms(text: string, out: Span[]): void {
  for (const m of matches(SUFFIX_FORM, text)) {
    const nameEnd = m.index;
    const end = m.index + m[0].length;
    const line = before(text, nameEnd, 160);
    const lineStart = nameEnd - line.length;
    const tokens = [...line.matchAll(/\S+/g)];
    let start = -1;
    let nextStart = nameEnd;
    let count = 0;
    for (let k = tokens.length - 1; k >= 0 && count < MAX_NAME_TOKENS; k--) {
      const tok = tokens[k]![0];
      const at = lineStart + tokens[k]!.index;
      const gap = text.slice(at + tok.length, nextStart);
      if (gap !== ' ' && gap !== '\u00a0' && !(gap === '' && nextStart === nameEnd)) break;
      if (/[,:;]$/.test(tok)) break;
      if (/\.$/.test(tok) && !DOTTED_OK.test(tok)) break;
      if (NAME_TOKEN.test(tok) && !STOP_WORDS.has(tok)) {
        start = at;
        count++;
      } else if (!(CONNECTORS.has(tok) && count > 0)) break;
      nextStart = at;
    }
    if (start < 0) continue;
    // A name does not start with a connector ("of Acme Ltd" → "Acme Ltd").
    let s = start;
    for (let w = /^\S+/.exec(text.slice(s, nameEnd))?.[0]; w && CONNECTORS.has(w); w = /^\S+/.exec(text.slice(s, nameEnd))?.[0]) {
      s += w.length;
      while (text[s] === ' ' || text[s] === '\u00a0') s++;
    }
    if (s >= nameEnd) continue;
    const t = text.slice(s, end);
    out.push(span('organization', t, s, cleanName(t), 0.8));
  }
}

const ZH_SUFFIX = /(?:集团)?(?:股份有限公司|有限责任公司|有限公司)|集团(?:公司)?|公司|研究所|研究院/gu;
const ZH_NAME_CHAR = /[\p{Script=Han}A-Za-z0-9（）()·]/u;
const ZH_STOP = ['通过', '委托', '收货人', '发货人', '买方', '卖方', '供应商', '客户', '根据', '代表', '关于', '我们', '我司', '贵司', '本公司', '该公司',
  '向', '与', '和', '及', '由', '给', '从', '在', '是', '的', '为', '对', '于', '自', '将', '把', '被', '致', '经', '同', '跟', '请', '已', '按', '即', '或', '等', '并'];
const ZH_PLACES = [
  '北京', '上海', '天津', '重庆', '深圳', '广州', '广东', '四川', '成都', '西安', '陕西', '湖北', '武汉', '江苏', '南京', '苏州', '无锡', '常州', '浙江', '杭州',
  '义乌', '宁波', '山东', '青岛', '福建', '厦门', '香港', '澳门', '辽宁', '大连', '沈阳', '黑龙江', '哈尔滨', '新疆', '乌鲁木齐', '河南', '郑州', '湖南', '长沙',
  '安徽', '合肥', '东莞', '珠海', '佛山', '中山', '河北', '石家庄', '内蒙古', '吉林', '长春', '江西', '南昌', '广西', '南宁', '云南', '昆明', '贵州', '贵阳',
  '甘肃', '兰州', '海南', '海口', '山西', '太原', '绥芬河', '满洲里', '黑河', '中国', '中华',
];

function chineseForms(text: string, out: Span[]): void {
  let lastEnd = 0;
  for (const m of matches(ZH_SUFFIX, text)) {
    const end = m.index + m[0].length;
    let s = m.index;
    while (s > lastEnd && m.index - s < 40 && ZH_NAME_CHAR.test(text[s - 1]!)) s--;
    let name = text.slice(s, m.index);
    // Cut at the last word that introduces a name in a sentence.
    let cut = 0;
    for (const w of ZH_STOP) {
      const k = name.lastIndexOf(w);
      if (k >= 0 && k + w.length > cut && k + w.length < name.length) cut = k + w.length;
    }
    name = name.slice(cut);
    s += cut;
    // Start at a place name when one comes first in what is left (深圳市…, 四川…).
    let place = -1;
    for (const p of ZH_PLACES) {
      const k = name.indexOf(p);
      if (k >= 0 && (place < 0 || k < place)) place = k;
    }
    if (place > 0) {
      s += place;
      name = name.slice(place);
    }
    const hanLength = name.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '').length;
    if (hanLength < 2) continue;
    const bare = m[0] === '公司' || m[0] === '研究所' || m[0] === '研究院';
    const t = text.slice(s, end);
    out.push(span('organization', t, s, t, bare ? 0.5 : place >= 0 ? 0.85 : 0.7));
    lastEnd = end;
  }
}

export function extractOrganisations(text: string): Span[] {
  const out: Span[] = [];
  const scripts = scriptsOf(text);
  if (scripts.cyrillic || scripts.latin) prefixForms(text, out);
  if (scripts.latin) suffixForms(text, out);
  if (scripts.han) chineseForms(text, out);
  return out;
}
