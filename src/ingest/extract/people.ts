/**
 * People's names:
 * - Russian: full names in either order, recognised by the patronymic (-ович/-евич/-ич,
 *   -овна/-евна/-ична/-инична, with case endings), names with initials (И. И. Иванов,
 *   Иванов И.И.), two capitalised words after a person cue (инженер, техник, г-н…);
 * - English: a title (Mr, Ms, Dr…) before a name, capitalised given + family names next to a
 *   person cue (engineer, technician, passenger…), and the airline ticket form IVANOV/IVAN MR;
 * - Chinese: a common surname (the most frequent ~100 single and the compound ones, after the
 *   Ministry of Public Security's surname statistics) with 1–2 given-name characters, before
 *   a cue (先生, 女士, 工程师, 经理, 技术员…) or after one (联系人, 工程师…).
 * The span is the name alone, without the title or cue.
 */
import { after, before, matches, scriptsOf, span } from './scan.js';
import type { Span } from './types.js';

const CYR_CAP = '[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?';
const PATRONYMIC = '[А-ЯЁ][а-яё]+(?:ович|евич|ич|овна|евна|ична|инична)(?:а|у|ем|е|ы|ой|ну)?';
const RU_FULL = new RegExp(`(?<![\\p{L}])(?:${CYR_CAP}\\s+${CYR_CAP}\\s+${PATRONYMIC}|${CYR_CAP}\\s+${PATRONYMIC}\\s+${CYR_CAP})(?![\\p{L}])`, 'gu');
const RU_INITIALS = /(?<![\p{L}.])(?:[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s[А-ЯЁ]\.\s?[А-ЯЁ]\.(?!\s?[А-ЯЁ][а-яё]))(?![\p{L}])/gu;
const LAT_INITIALS = /(?<![\p{L}.])(?:[A-Z]\.\s?[A-Z]\.\s?[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z][a-z]+\s[A-Z]\.\s?[A-Z]\.(?!\s?[A-Z][a-z]))(?![\p{L}])/gu;
const RU_CUE = /(?<![\p{L}])(?:инженер[а-яё]*|техник[а-яё]*|специалист[а-яё]*|директор[а-яё]*|менеджер[а-яё]*|представител[а-яё]*|сотрудник[а-яё]*|руководител[а-яё]*|пассажир[а-яё]*|г-н|г-жа|господин[а-яё]*|госпож[а-яё]*|гражданин[а-яё]*|исполнитель|подпись)[\s:,]+(?=[А-ЯЁ])/gu;
const RU_TWO = new RegExp(`^${CYR_CAP}\\s+${CYR_CAP}(?![\\p{L}])`, 'u');

const TITLE = /(?<![\p{L}])(?:Mr|Mrs|Ms|Miss|Dr|Prof|Eng|Engr|Capt)\.?\s+(?=[A-Z])/gu;
const LAT_NAME = /^[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?(?:\s[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?){0,2}(?![\p{L}])/u;
const EN_CUE = /(?<![\p{L}])(?:engineer|technician|specialist|director|manager|representative|passenger|traveller|traveler|pilot|operator|employee|contact\s+person|attn\.?|attention|signed\s+by|signatory|CEO|General\s+Director)[\s:,]+(?=[A-Z])/giu;
const EN_CUE_AFTER = /^(?:,\s*|\s*\(|\s+-\s+|\s+)(?:an?\s+)?(?:engineer|technician|specialist|director|manager|representative|passenger|pilot|operator|employee)(?![\p{L}])/iu;
const LAT_PAIR = /(?<![\p{L}])[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?\s[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?(?![\p{L}])/gu;
const TICKET = /(?<![\p{L}/])[A-Z]{2,}(?:-[A-Z]+)?\/[A-Z]{2,}(?:\s[A-Z]{2,})?(?:\s(?:MR|MRS|MS|MSTR|MISS))?(?![\p{L}/])/gu;

/** Capitalised words that are not names: months, weekdays, places and document words. */
const NOT_NAMES = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Monday', 'Tuesday', 'Wednesday',
  'Thursday', 'Friday', 'Saturday', 'Sunday', 'The', 'This', 'That', 'Dear', 'From', 'To', 'Invoice', 'Contract', 'Company', 'Limited', 'Ltd', 'Trading',
  'Technology', 'Technologies', 'Group', 'Airlines', 'Airport', 'Flight', 'Moscow', 'Shenzhen', 'Dubai', 'Minsk', 'Russia', 'China', 'Hong', 'Kong', 'Izhevsk',
  'Beijing', 'Shanghai', 'Department', 'Office', 'Director', 'Engineer', 'Manager', 'General', 'Chief', 'Senior', 'Technician', 'Passenger', 'Please', 'Best',
]);
const RU_NOT_NAMES = new Set(['Москва', 'Москвы', 'Россия', 'России', 'Китай', 'Китая', 'Ижевск', 'Ижевска', 'Уважаемый', 'Уважаемая', 'Генеральный', 'Главный', 'Директор', 'Общество', 'Акционерное']);

const ZH_SURNAMES_2 = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯'];
const ZH_SURNAMES_1 =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池乐匡钮燕';
const ZH_CUES_AFTER = ['总经理', '工程师', '技术员', '先生', '女士', '经理', '主任', '博士', '教授', '总监', '厂长', '师傅', '小姐', '同志', '董事长'];
const ZH_CUES_BEFORE = ['联系人', '工程师', '技术员', '经理', '姓名', '乘客', '旅客', '代表', '签字人', '负责人', '收件人'];
const ZH_NOT_NAMES = new Set(['高级', '高工', '金额', '方面', '林业', '马上', '黄金', '石油', '任务', '周期', '程序', '安全', '陈述', '和平', '常务', '项目', '文件', '包装', '全部', '明天', '应用', '管理', '万元']);
const HAN = /\p{Script=Han}/u;
const ZH_BREAK = /[的了在于将和与及、，。：:；;向到去从为是对前来乘坐抵赴飞也都等说已]/u;

function chineseNames(text: string, out: Span[]): void {
  const isSurnameAt = (i: number): number => {
    for (const s of ZH_SURNAMES_2) if (text.startsWith(s, i)) return 2;
    return ZH_SURNAMES_1.includes(text[i]!) ? 1 : 0;
  };
  // Name + cue: 王伟工程师, 王小明先生.
  for (const cue of ZH_CUES_AFTER) {
    for (let k = text.indexOf(cue); k >= 0; k = text.indexOf(cue, k + cue.length)) {
      // A compound surname first (欧阳娜娜), then a two-character given name, then one.
      for (const len of [4, 3, 2]) {
        const s = k - len;
        if (s < 0) continue;
        const sl = isSurnameAt(s);
        if (!sl || len - sl < 1 || len - sl > 2 || (len === 4 && sl !== 2)) continue;
        const name = text.slice(s, k);
        if (![...name].every((c) => HAN.test(c)) || ZH_NOT_NAMES.has(name) || ZH_BREAK.test(name)) continue;
        out.push(span('person', name, s, name, 0.8));
        break;
      }
    }
  }
  // Cue + name: 联系人：王伟, 技术员李明前往.
  for (const cue of ZH_CUES_BEFORE) {
    for (let k = text.indexOf(cue); k >= 0; k = text.indexOf(cue, k + cue.length)) {
      let s = k + cue.length;
      while (text[s] === '：' || text[s] === ':' || text[s] === ' ') s++;
      const sl = isSurnameAt(s);
      if (!sl) continue;
      let len = sl;
      while (len < sl + 2 && HAN.test(text[s + len] ?? '') && !ZH_BREAK.test(text[s + len]!) && !ZH_CUES_AFTER.some((c) => text.startsWith(c, s + len))) len++;
      if (len === sl) continue;
      const name = text.slice(s, s + len);
      if (ZH_NOT_NAMES.has(name)) continue;
      out.push(span('person', name, s, name, 0.7));
    }
  }
}

function isLatinName(name: string): boolean {
  return name.split(/\s+/).every((w) => !NOT_NAMES.has(w));
}

export function extractPeople(text: string): Span[] {
  const out: Span[] = [];
  const scripts = scriptsOf(text);
  if (scripts.cyrillic) russianNames(text, out);
  if (scripts.latin) latinNames(text, out);
  if (scripts.han) chineseNames(text, out);
  // One span once, at its best confidence (a name can follow one cue and precede another).
  const best = new Map<string, Span>();
  for (const s of out) {
    const key = `${s.start}:${s.end}`;
    const seen = best.get(key);
    if (!seen || s.confidence > seen.confidence) best.set(key, s);
  }
  return [...best.values()];
}

function russianNames(text: string, out: Span[]): void {
  for (const m of matches(RU_FULL, text)) {
    if (m[0].split(/\s+/).some((w) => RU_NOT_NAMES.has(w))) continue;
    out.push(span('person', m[0], m.index, m[0].replace(/\s+/g, ' '), 0.9));
  }
  for (const m of matches(RU_INITIALS, text)) out.push(span('person', m[0], m.index, m[0].replace(/\.\s+/g, '.').replace(/\s+/g, ' '), 0.85));
  for (const m of matches(RU_CUE, text)) {
    const at = m.index + m[0].length;
    const two = RU_TWO.exec(text.slice(at, at + 60));
    if (!two || two[0].split(/\s+/).some((w) => RU_NOT_NAMES.has(w))) continue;
    out.push(span('person', two[0], at, two[0].replace(/\s+/g, ' '), 0.7));
  }
}

function latinNames(text: string, out: Span[]): void {
  for (const m of matches(LAT_INITIALS, text)) {
    if (!isLatinName(m[0].replace(/[A-Z]\./g, ''))) continue;
    out.push(span('person', m[0], m.index, m[0].replace(/\.\s+/g, '.').replace(/\s+/g, ' '), 0.7));
  }
  for (const m of matches(TITLE, text)) {
    const at = m.index + m[0].length;
    const name = LAT_NAME.exec(text.slice(at, at + 60));
    if (!name || !isLatinName(name[0])) continue;
    out.push(span('person', name[0], at, name[0], 0.85));
  }
  for (const m of matches(EN_CUE, text)) {
    const at = m.index + m[0].length;
    const name = LAT_NAME.exec(text.slice(at, at + 60));
    if (!name || !name[0].includes(' ') || !isLatinName(name[0])) continue;
    out.push(span('person', name[0], at, name[0], 0.7));
  }
  for (const m of matches(LAT_PAIR, text)) {
    if (!isLatinName(m[0]) || !EN_CUE_AFTER.test(after(text, m.index + m[0].length, 30))) continue;
    // "Acme Drones, engineer…" is rare; a cue after two capitalised words marks a person.
    if (/(?:Mr|Mrs|Ms|Dr)\.?\s*$/.test(before(text, m.index, 6))) continue;
    out.push(span('person', m[0], m.index, m[0], 0.65));
  }
  for (const m of matches(TICKET, text)) {
    const name = m[0].replace(/\s(?:MR|MRS|MS|MSTR|MISS)$/, '');
    out.push(span('person', name, m.index, name, 0.75));
  }
}
