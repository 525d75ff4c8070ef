/**
 * The place gazetteer: countries in Russian and Chinese (the English names come from the
 * model's country table), and the cities of this domain — the Russian plants and their
 * cities, the Chinese manufacturing and trading hubs, the border crossings, and the
 * transshipment hubs of Central Asia, the Caucasus, the Gulf and Türkiye. Russian entries are
 * stems with their case endings (Росси|я|и|ю|ей).
 */

export interface PlaceName {
  /** The name as written, every case form of it (Russian names decline). */
  forms: string[];
  country: string;
  /** English name of a city; absent for a country. */
  city?: string;
}

/** A Russian stem with its case endings ('' for the bare stem). */
const ru = (stem: string, endings: string, country: string, city?: string): PlaceName => ({
  forms: endings.split('|').map((e) => stem + e),
  country,
  ...(city ? { city } : {}),
});
const lit = (name: string, country: string, city?: string): PlaceName => ({ forms: [name], country, ...(city ? { city } : {}) });

export const RU_COUNTRIES: PlaceName[] = [
  ru('Росси', 'я|и|ю|ей', 'ru'), lit('Российская Федерация', 'ru'), ru('Российской Федераци', 'и|ей', 'ru'), lit('РФ', 'ru'),
  ru('Кита', 'й|я|е|ю|ем', 'cn'), lit('КНР', 'cn'), ru('Беларус', 'ь|и|ью', 'by'), ru('Белорусси', 'я|и|ю|ей', 'by'),
  ru('Казахстан', 'а|е|у|ом|', 'kz'), ru('Киргизи', 'я|и|ю|ей', 'kg'), ru('Кыргызстан', 'а|е|у|ом|', 'kg'), ru('Армени', 'я|и|ю|ей', 'am'),
  lit('ОАЭ', 'ae'), ru('Объединённых Арабских Эмират', 'ах|ов', 'ae'), ru('Объединенн', 'ые|ых', 'ae'), ru('Турци', 'я|и|ю|ей', 'tr'),
  ru('Иран', 'а|е|у|ом|', 'ir'), lit('США', 'us'), ru('Инди', 'я|и|ю|ей', 'in'), ru('Германи', 'я|и|ю|ей', 'de'), ru('Украин', 'а|ы|е|у|ой', 'ua'),
  ru('Узбекистан', 'а|е|у|ом|', 'uz'), ru('Грузи', 'я|и|ю|ей', 'ge'), ru('Азербайджан', 'а|е|у|ом|', 'az'), ru('Таджикистан', 'а|е|у|ом|', 'tj'),
  ru('Туркменистан', 'а|е|у|ом|', 'tm'), ru('Монголи', 'я|и|ю|ей', 'mn'), ru('Сири', 'я|и|ю|ей', 'sy'), lit('КНДР', 'kp'), ru('Гонконг', 'а|е|у|ом|', 'hk'),
  ru('Серби', 'я|и|ю|ей', 'rs'), ru('Франци', 'я|и|ю|ей', 'fr'), ru('Великобритани', 'я|и|ю|ей', 'gb'), ru('Япони', 'я|и|ю|ей', 'jp'),
  ru('Швейцари', 'я|и|ю|ей', 'ch'), ru('Нидерланд', 'ы|ов|ах|ам', 'nl'), ru('Итали', 'я|и|ю|ей', 'it'), ru('Польш', 'а|и|е|у|ей', 'pl'),
  ru('Финлянди', 'я|и|ю|ей', 'fi'), ru('Израил', 'ь|я|е|ю|ем', 'il'), ru('Египт', 'а|е|у|ом|', 'eg'), ru('Вьетнам', 'а|е|у|ом|', 'vn'),
  ru('Таиланд', 'а|е|у|ом|', 'th'), ru('Малайзи', 'я|и|ю|ей', 'my'), ru('Сингапур', 'а|е|у|ом|', 'sg'), ru('Пакистан', 'а|е|у|ом|', 'pk'),
];

export const ZH_COUNTRIES: PlaceName[] = [
  lit('俄罗斯联邦', 'ru'), lit('白俄罗斯', 'by'), lit('俄罗斯', 'ru'), lit('中华人民共和国', 'cn'), lit('中国', 'cn'), lit('哈萨克斯坦', 'kz'),
  lit('吉尔吉斯斯坦', 'kg'), lit('亚美尼亚', 'am'), lit('阿拉伯联合酋长国', 'ae'), lit('阿联酋', 'ae'), lit('土耳其', 'tr'), lit('伊朗', 'ir'), lit('美国', 'us'),
  lit('印度', 'in'), lit('德国', 'de'), lit('乌克兰', 'ua'), lit('乌兹别克斯坦', 'uz'), lit('格鲁吉亚', 'ge'), lit('阿塞拜疆', 'az'), lit('塔吉克斯坦', 'tj'),
  lit('土库曼斯坦', 'tm'), lit('蒙古', 'mn'), lit('叙利亚', 'sy'), lit('朝鲜', 'kp'), lit('塞尔维亚', 'rs'), lit('法国', 'fr'), lit('英国', 'gb'),
  lit('日本', 'jp'), lit('韩国', 'kr'), lit('瑞士', 'ch'), lit('荷兰', 'nl'), lit('意大利', 'it'), lit('波兰', 'pl'), lit('芬兰', 'fi'), lit('以色列', 'il'),
  lit('埃及', 'eg'), lit('越南', 'vn'), lit('泰国', 'th'), lit('马来西亚', 'my'), lit('新加坡', 'sg'), lit('巴基斯坦', 'pk'),
];

/** English country names that the model's table spells otherwise, and the common short forms. */
export const EN_COUNTRY_EXTRA: PlaceName[] = [
  lit('Russia', 'ru'), lit('Russian Federation', 'ru'), lit('China', 'cn'), lit("People's Republic of China", 'cn'), lit('PRC', 'cn'), lit('Belarus', 'by'),
  lit('UAE', 'ae'), lit('United Arab Emirates', 'ae'), lit('Turkey', 'tr'), lit('Türkiye', 'tr'), lit('USA', 'us'), lit('United States', 'us'),
  lit('North Korea', 'kp'), lit('South Korea', 'kr'), lit('Iran', 'ir'), lit('Kyrgyzstan', 'kg'), lit('Kazakhstan', 'kz'),
  lit('Taiwan', 'tw'), lit('United Kingdom', 'gb'), lit('Syria', 'sy'), lit('Vietnam', 'vn'),
];

export const CITIES: PlaceName[] = [
  lit('Moscow', 'ru', 'Moscow'), ru('Москв', 'а|ы|е|у|ой', 'ru', 'Moscow'), lit('莫斯科', 'ru', 'Moscow'),
  lit('Izhevsk', 'ru', 'Izhevsk'), ru('Ижевск', 'а|е|у|ом|', 'ru', 'Izhevsk'), lit('伊热夫斯克', 'ru', 'Izhevsk'),
  lit('Saint Petersburg', 'ru', 'Saint Petersburg'), lit('St. Petersburg', 'ru', 'Saint Petersburg'), ru('Санкт-Петербург', 'а|е|у|ом|', 'ru', 'Saint Petersburg'), lit('圣彼得堡', 'ru', 'Saint Petersburg'),
  lit('Yekaterinburg', 'ru', 'Yekaterinburg'), ru('Екатеринбург', 'а|е|у|ом|', 'ru', 'Yekaterinburg'), lit('叶卡捷琳堡', 'ru', 'Yekaterinburg'),
  lit('Novosibirsk', 'ru', 'Novosibirsk'), ru('Новосибирск', 'а|е|у|ом|', 'ru', 'Novosibirsk'), lit('新西伯利亚', 'ru', 'Novosibirsk'),
  lit('Kazan', 'ru', 'Kazan'), ru('Казан', 'ь|и|ью', 'ru', 'Kazan'), lit('喀山', 'ru', 'Kazan'),
  lit('Yelabuga', 'ru', 'Yelabuga'), lit('Alabuga', 'ru', 'Yelabuga'), ru('Елабуг', 'а|и|е|у|ой', 'ru', 'Yelabuga'), ru('Алабуг', 'а|и|е|у|ой', 'ru', 'Yelabuga'),
  lit('Irkutsk', 'ru', 'Irkutsk'), ru('Иркутск', 'а|е|у|ом|', 'ru', 'Irkutsk'), lit('伊尔库茨克', 'ru', 'Irkutsk'),
  lit('Vladivostok', 'ru', 'Vladivostok'), ru('Владивосток', 'а|е|у|ом|', 'ru', 'Vladivostok'), lit('符拉迪沃斯托克', 'ru', 'Vladivostok'),
  lit('Khabarovsk', 'ru', 'Khabarovsk'), ru('Хабаровск', 'а|е|у|ом|', 'ru', 'Khabarovsk'),
  lit('Shenzhen', 'cn', 'Shenzhen'), lit('深圳', 'cn', 'Shenzhen'), ru('Шэньчжэн', 'ь|я|е|ю|ем', 'cn', 'Shenzhen'),
  lit('Guangzhou', 'cn', 'Guangzhou'), lit('广州', 'cn', 'Guangzhou'), ru('Гуанчжоу', '', 'cn', 'Guangzhou'),
  lit('Shanghai', 'cn', 'Shanghai'), lit('上海', 'cn', 'Shanghai'), ru('Шанха', 'й|я|е|ю|ем', 'cn', 'Shanghai'),
  lit('Beijing', 'cn', 'Beijing'), lit('北京', 'cn', 'Beijing'), ru('Пекин', 'а|е|у|ом|', 'cn', 'Beijing'),
  lit('Chengdu', 'cn', 'Chengdu'), lit('成都', 'cn', 'Chengdu'), lit("Xi'an", 'cn', "Xi'an"), lit('西安', 'cn', "Xi'an"),
  lit('Yiwu', 'cn', 'Yiwu'), lit('义乌', 'cn', 'Yiwu'), lit('Urumqi', 'cn', 'Urumqi'), lit('乌鲁木齐', 'cn', 'Urumqi'),
  lit('Harbin', 'cn', 'Harbin'), lit('哈尔滨', 'cn', 'Harbin'), lit('Manzhouli', 'cn', 'Manzhouli'), lit('满洲里', 'cn', 'Manzhouli'),
  lit('Suifenhe', 'cn', 'Suifenhe'), lit('绥芬河', 'cn', 'Suifenhe'), lit('Heihe', 'cn', 'Heihe'), lit('黑河', 'cn', 'Heihe'),
  lit('Hong Kong', 'hk', 'Hong Kong'), lit('香港', 'hk', 'Hong Kong'),
  lit('Dubai', 'ae', 'Dubai'), ru('Дуба', 'й|я|е|ю|ем', 'ae', 'Dubai'), lit('迪拜', 'ae', 'Dubai'), lit('Sharjah', 'ae', 'Sharjah'), ru('Шардж', 'а|и|е|у|ой', 'ae', 'Sharjah'),
  lit('Abu Dhabi', 'ae', 'Abu Dhabi'), lit('Абу-Даби', 'ae', 'Abu Dhabi'),
  lit('Minsk', 'by', 'Minsk'), ru('Минск', 'а|е|у|ом|', 'by', 'Minsk'), lit('明斯克', 'by', 'Minsk'),
  lit('Almaty', 'kz', 'Almaty'), lit('Алматы', 'kz', 'Almaty'), lit('阿拉木图', 'kz', 'Almaty'), lit('Astana', 'kz', 'Astana'), lit('Астана', 'kz', 'Astana'),
  lit('Bishkek', 'kg', 'Bishkek'), ru('Бишкек', 'а|е|у|ом|', 'kg', 'Bishkek'), lit('比什凯克', 'kg', 'Bishkek'),
  lit('Yerevan', 'am', 'Yerevan'), ru('Ереван', 'а|е|у|ом|', 'am', 'Yerevan'), lit('埃里温', 'am', 'Yerevan'),
  lit('Tashkent', 'uz', 'Tashkent'), ru('Ташкент', 'а|е|у|ом|', 'uz', 'Tashkent'), lit('塔什干', 'uz', 'Tashkent'),
  lit('Istanbul', 'tr', 'Istanbul'), ru('Стамбул', 'а|е|у|ом|', 'tr', 'Istanbul'), lit('伊斯坦布尔', 'tr', 'Istanbul'),
  lit('Tehran', 'ir', 'Tehran'), ru('Тегеран', 'а|е|у|ом|', 'ir', 'Tehran'), lit('德黑兰', 'ir', 'Tehran'),
];
