/**
 * The goods catalogue: what the synthetic shipments carry, by HS 2022 code, with descriptions in
 * English, Russian and Chinese, units, plausible unit prices (USD) and unit weights (kg). It
 * covers every CHPL code (see chpl.ts), the drone-relevant goods (8806 unmanned aircraft and 8807
 * parts from 2022, motors, GNSS, processors, cameras, computers, batteries) and ordinary goods.
 * Codes created in HS 2022 carry the HS 2017 code used before 2022 (8806 → 8802.20 or 8525.80 …),
 * or `since: 2022` where none fits.
 */
import { isChpl } from './chpl.js';
import type { Sector } from './names.js';

export type Unit = 'pcs' | 'kg' | 'set' | 'pair';

export interface Goods {
  hs: string;
  /** The HS 2017 code for dates before 2022, when it differs. */
  hs2017?: string;
  /** Not declared before this year (no HS 2017 equivalent is used). */
  since?: number;
  sector: Sector;
  en: string;
  ru: string;
  zh: string;
  unit: Unit;
  /** Unit price range, USD. */
  price: readonly [number, number];
  /** Net weight range per unit, kg. */
  weight: readonly [number, number];
  /** On the CHPL. */
  chpl: boolean;
  /** CHPL or drone-relevant goods (DRONE_HS). Background data sends these only to ALLOWED countries. */
  sensitive: boolean;
  /** Carries a brand and model number. */
  branded: boolean;
}

type Row = [hs: string, sector: Sector, en: string, ru: string, zh: string, unit: Unit, price: [number, number], weight: [number, number], extra?: { hs2017?: string; since?: number; branded?: boolean }];

const ROWS: Row[] = [
  // unmanned aircraft and parts
  ['880621', 'uav', 'Unmanned aircraft, remote-piloted, max. take-off weight not over 250 g', 'Беспилотный летательный аппарат дистанционно пилотируемый, взлетная масса не более 250 г', '遥控驾驶无人驾驶航空器，最大起飞重量不超过250克', 'pcs', [120, 450], [0.25, 0.6], { hs2017: '852580' }],
  ['880622', 'uav', 'Unmanned aircraft, remote-piloted, max. take-off weight over 250 g but not over 7 kg', 'Беспилотный летательный аппарат дистанционно пилотируемый, взлетная масса более 250 г, но не более 7 кг', '遥控驾驶无人驾驶航空器，最大起飞重量超过250克但不超过7公斤', 'pcs', [800, 12000], [1.2, 6.5], { hs2017: '852580' }],
  ['880623', 'uav', 'Unmanned aircraft, remote-piloted, max. take-off weight over 7 kg but not over 25 kg', 'Беспилотный летательный аппарат дистанционно пилотируемый, взлетная масса более 7 кг, но не более 25 кг', '遥控驾驶无人驾驶航空器，最大起飞重量超过7公斤但不超过25公斤', 'pcs', [6000, 45000], [8, 24], { hs2017: '880220' }],
  ['880624', 'uav', 'Unmanned aircraft, remote-piloted, max. take-off weight over 25 kg but not over 150 kg', 'Беспилотный летательный аппарат дистанционно пилотируемый, взлетная масса более 25 кг, но не более 150 кг', '遥控驾驶无人驾驶航空器，最大起飞重量超过25公斤但不超过150公斤', 'pcs', [30000, 180000], [30, 140], { hs2017: '880220' }],
  ['880730', 'uav', 'Parts of unmanned aircraft: airframes, arms, housings', 'Части беспилотных летательных аппаратов: планеры, лучи, корпуса', '无人驾驶航空器零件：机身、机臂、外壳', 'pcs', [15, 900], [0.1, 4], { hs2017: '880330' }],
  ['880710', 'uav', 'Propellers and rotors and parts thereof', 'Воздушные винты и роторы и их части', '推进器、水平旋翼及其零件', 'pcs', [3, 60], [0.02, 0.5], { hs2017: '880310' }],
  ['850131', 'power', 'Brushless DC motors, output not exceeding 750 W', 'Двигатели постоянного тока бесщеточные, мощностью не более 750 Вт', '无刷直流电动机，输出功率不超过750瓦', 'pcs', [12, 180], [0.05, 0.6]],
  ['850760', 'power', 'Lithium-ion accumulators (battery packs)', 'Аккумуляторы литий-ионные (батарейные блоки)', '锂离子蓄电池（电池组）', 'pcs', [25, 900], [0.3, 8]],
  ['850440', 'power', 'Static converters: electronic speed controllers, power supply units', 'Статические преобразователи: регуляторы скорости, блоки питания', '静止式变流器：电子调速器、电源模块', 'pcs', [8, 300], [0.02, 2]],
  // radio, navigation, cameras
  ['852691', 'rf', 'GNSS receiver modules (radio navigational aid apparatus)', 'Модули приемников ГНСС (радионавигационная аппаратура)', 'GNSS卫星导航接收模块（无线电导航设备）', 'pcs', [8, 450], [0.01, 0.2]],
  ['852692', 'rf', 'Radio remote control apparatus (transmitters for unmanned aircraft)', 'Аппаратура радиоуправления (передатчики для БПЛА)', '无线电遥控设备（无人机遥控器）', 'pcs', [40, 900], [0.2, 1.5]],
  ['851762', 'rf', 'Radio data links and transceivers for data transmission', 'Радиомодемы и приемопередатчики для передачи данных', '数据传输用无线电数据链及收发器', 'pcs', [60, 4000], [0.05, 2]],
  ['851769', 'rf', 'Video transmitters and other apparatus for transmission or reception', 'Видеопередатчики и прочая аппаратура для передачи или приема', '图传发射机及其他发送或接收设备', 'pcs', [30, 2500], [0.02, 1.5]],
  ['852910', 'rf', 'Aerials and antennas of all kinds', 'Антенны всех типов', '各类天线', 'pcs', [5, 600], [0.02, 2]],
  ['852990', 'rf', 'Parts of radio apparatus: RF modules', 'Части радиоаппаратуры: радиочастотные модули', '无线电设备零件：射频模块', 'pcs', [3, 400], [0.005, 0.5]],
  ['852589', 'optics', 'Digital cameras: gimbal and thermal imaging cameras', 'Цифровые камеры: камеры на подвесе и тепловизионные', '数字照相机：云台相机及热成像相机', 'pcs', [150, 18000], [0.1, 3], { hs2017: '852580' }],
  ['901310', 'optics', 'Telescopic sights and periscopes', 'Прицелы телескопические и перископы', '望远镜瞄准器及潜望镜', 'pcs', [150, 6000], [0.3, 2.5]],
  ['901380', 'optics', 'Other optical devices: laser rangefinder optics', 'Прочие оптические приборы: оптика лазерных дальномеров', '其他光学器具：激光测距光学组件', 'pcs', [20, 3000], [0.05, 1.5]],
  ['902750', 'instruments', 'Instruments using optical radiation: spectrometers', 'Приборы, использующие оптическое излучение: спектрометры', '使用光学射线的仪器：光谱仪', 'pcs', [2000, 150000], [2, 60]],
  ['901420', 'instruments', 'Instruments for aeronautical navigation: autopilots, inertial units', 'Приборы для аэронавигации: автопилоты, инерциальные блоки', '航空导航仪器：自动驾驶仪、惯性测量单元', 'pcs', [200, 40000], [0.05, 4]],
  ['901480', 'instruments', 'Other navigational instruments and appliances', 'Прочие навигационные приборы и устройства', '其他导航仪器及装置', 'pcs', [50, 8000], [0.05, 3]],
  // computing
  ['847150', 'computing', 'Processing units: embedded and companion computers', 'Блоки обработки данных: встраиваемые вычислители', '处理部件：嵌入式计算机', 'pcs', [60, 3500], [0.05, 6]],
  ['847180', 'computing', 'Other units of automatic data-processing machines', 'Прочие блоки вычислительных машин', '自动数据处理设备的其他部件', 'pcs', [20, 1500], [0.05, 3]],
  ['847130', 'computing', 'Portable computers, ruggedised laptops', 'Портативные вычислительные машины, защищенные ноутбуки', '便携式计算机、加固型笔记本电脑', 'pcs', [400, 3500], [1.2, 4.5]],
  // integrated circuits and semiconductors
  ['854231', 'electronics', 'Processors and controllers: microcontrollers, flight controller ICs', 'Процессоры и контроллеры: микроконтроллеры, микросхемы полетных контроллеров', '处理器及控制器：微控制器、飞控芯片', 'pcs', [1.5, 120], [0.001, 0.01]],
  ['854232', 'electronics', 'Memories: flash and DRAM integrated circuits', 'Схемы памяти: флэш и DRAM', '存储器：闪存及动态随机存储芯片', 'pcs', [0.8, 40], [0.001, 0.01]],
  ['854233', 'electronics', 'Amplifiers: RF and operational amplifier ICs', 'Усилители: ВЧ и операционные усилители', '放大器：射频及运算放大器芯片', 'pcs', [0.5, 25], [0.001, 0.01]],
  ['854239', 'electronics', 'Other integrated circuits: FPGAs and interface ICs', 'Прочие интегральные схемы: ПЛИС и интерфейсные микросхемы', '其他集成电路：FPGA及接口芯片', 'pcs', [2, 900], [0.001, 0.02]],
  ['853221', 'electronics', 'Tantalum capacitors', 'Конденсаторы танталовые', '钽电容器', 'pcs', [0.05, 3], [0.0002, 0.002]],
  ['853224', 'electronics', 'Multilayer ceramic capacitors', 'Конденсаторы керамические многослойные', '多层瓷介电容器', 'pcs', [0.005, 0.5], [0.00005, 0.001]],
  ['854800', 'electronics', 'Electrical parts of machinery or apparatus, n.e.s.', 'Электрические части машин и аппаратуры, в другом месте не поименованные', '未列名的机器或设备的电气零件', 'pcs', [1, 200], [0.005, 0.5], { hs2017: '854890' }],
  ['853669', 'electronics', 'Plugs and sockets: board and cable connectors', 'Штепсели и розетки: разъемы платные и кабельные', '插头及插座：板对板及线缆连接器', 'pcs', [0.1, 25], [0.001, 0.1]],
  ['853690', 'electronics', 'Other apparatus for making connections: terminals, headers', 'Прочая аппаратура для соединения: клеммы, штыревые соединители', '其他连接用电器装置：接线端子、排针', 'pcs', [0.05, 15], [0.001, 0.05]],
  ['854110', 'electronics', 'Diodes, other than photosensitive or light-emitting', 'Диоды, кроме фоточувствительных и светоизлучающих', '二极管（光敏及发光二极管除外）', 'pcs', [0.01, 3], [0.0002, 0.005]],
  ['854121', 'electronics', 'Transistors with a dissipation rate of less than 1 W', 'Транзисторы с мощностью рассеивания менее 1 Вт', '耗散功率小于1瓦的晶体管', 'pcs', [0.01, 2], [0.0002, 0.003]],
  ['854129', 'electronics', 'Other transistors: power MOSFETs', 'Прочие транзисторы: силовые МОП-транзисторы', '其他晶体管：功率MOSFET', 'pcs', [0.2, 30], [0.001, 0.02]],
  ['854130', 'electronics', 'Thyristors, diacs and triacs', 'Тиристоры, динисторы и симисторы', '半导体开关元件：晶闸管、双向触发二极管及双向晶闸管', 'pcs', [0.3, 40], [0.001, 0.05]],
  ['854149', 'electronics', 'Photosensitive semiconductor devices: image sensors, photodiodes', 'Фоточувствительные полупроводниковые приборы: матрицы, фотодиоды', '光敏半导体器件：图像传感器、光电二极管', 'pcs', [0.5, 300], [0.001, 0.02], { hs2017: '854140' }],
  ['854151', 'electronics', 'Semiconductor-based transducers: MEMS inertial sensors', 'Полупроводниковые преобразователи: МЭМС инерциальные датчики', '半导体基换能器：MEMS惯性传感器', 'pcs', [1, 250], [0.001, 0.02], { hs2017: '854150' }],
  ['854159', 'electronics', 'Other semiconductor devices', 'Прочие полупроводниковые приборы', '其他半导体器件', 'pcs', [0.2, 80], [0.001, 0.02], { hs2017: '854150' }],
  ['854160', 'electronics', 'Mounted piezo-electric crystals: oscillators', 'Кристаллы пьезоэлектрические собранные: генераторы', '已装配的压电晶体：晶体振荡器', 'pcs', [0.1, 20], [0.0005, 0.01]],
  ['853400', 'electronics', 'Printed circuits (bare boards)', 'Печатные схемы (платы без компонентов)', '印刷电路（裸板）', 'pcs', [0.5, 150], [0.01, 0.5]],
  ['854320', 'instruments', 'Signal generators', 'Генераторы сигналов', '信号发生器', 'pcs', [300, 25000], [1, 20]],
  ['903020', 'instruments', 'Oscilloscopes', 'Осциллографы', '示波器', 'pcs', [300, 60000], [2, 15]],
  ['903032', 'instruments', 'Multimeters with a recording device', 'Мультиметры с записывающим устройством', '带记录装置的万用表', 'pcs', [80, 3000], [0.3, 3]],
  ['903039', 'instruments', 'Other instruments for measuring voltage, current or resistance', 'Прочие приборы для измерения напряжения, тока или сопротивления', '其他测量电压、电流或电阻的仪器', 'pcs', [50, 5000], [0.2, 5]],
  ['903082', 'semicap', 'Instruments for checking semiconductor wafers or devices', 'Приборы для контроля полупроводниковых пластин или приборов', '检测半导体晶圆或器件的仪器', 'pcs', [5000, 900000], [50, 1500]],
  ['848610', 'semicap', 'Machines for the manufacture of boules or wafers', 'Машины для производства булей или пластин', '制造单晶柱或晶圆用的机器', 'pcs', [50000, 2500000], [500, 8000]],
  ['848620', 'semicap', 'Machines for the manufacture of semiconductor devices', 'Машины для производства полупроводниковых приборов', '制造半导体器件用的机器', 'pcs', [40000, 3000000], [300, 9000]],
  ['848640', 'semicap', 'Machines for handling boules, wafers and semiconductor devices', 'Машины для перемещения булей, пластин и полупроводниковых приборов', '搬运单晶柱、晶圆及半导体器件的机器', 'pcs', [20000, 1500000], [200, 5000]],
  // bearings and machine tools
  ['848210', 'bearings', 'Ball bearings', 'Подшипники шариковые', '滚珠轴承', 'pcs', [0.5, 120], [0.01, 5]],
  ['848220', 'bearings', 'Tapered roller bearings', 'Подшипники роликовые конические', '锥形滚子轴承', 'pcs', [3, 400], [0.2, 20]],
  ['848230', 'bearings', 'Spherical roller bearings', 'Подшипники роликовые сферические', '鼓形滚子轴承', 'pcs', [10, 900], [0.5, 40]],
  ['848250', 'bearings', 'Cylindrical roller bearings', 'Подшипники роликовые цилиндрические', '圆柱滚子轴承', 'pcs', [5, 700], [0.2, 30]],
  ['845710', 'machine-tools', 'Machining centres for working metal', 'Центры обрабатывающие для обработки металла', '加工金属的加工中心', 'pcs', [40000, 900000], [3000, 20000]],
  ['845811', 'machine-tools', 'Horizontal lathes, numerically controlled', 'Станки токарные горизонтальные с ЧПУ', '数控卧式车床', 'pcs', [25000, 600000], [2000, 15000]],
  ['845891', 'machine-tools', 'Other lathes, numerically controlled', 'Прочие токарные станки с ЧПУ', '其他数控车床', 'pcs', [20000, 400000], [1500, 12000]],
  ['845961', 'machine-tools', 'Milling machines, numerically controlled', 'Станки фрезерные с ЧПУ', '数控铣床', 'pcs', [20000, 500000], [1500, 14000]],
  ['846693', 'machine-tools', 'Parts and accessories for machine tools of headings 8456 to 8461', 'Части и принадлежности для станков товарных позиций 8456–8461', '品目8456至8461所列机床的零件及附件', 'pcs', [20, 8000], [0.5, 200]],
  // ordinary goods
  ['090111', 'food', 'Coffee, not roasted, not decaffeinated', 'Кофе нежареный, с кофеином', '未焙炒未浸除咖啡碱的咖啡', 'kg', [2.5, 7], [1, 1], { branded: false }],
  ['080510', 'food', 'Oranges, fresh', 'Апельсины свежие', '鲜橙', 'kg', [0.4, 1.5], [1, 1], { branded: false }],
  ['220421', 'food', 'Wine of fresh grapes, in containers of 2 l or less', 'Вино виноградное в сосудах емкостью 2 л или менее', '装入2升及以下容器的鲜葡萄酿造的酒', 'pcs', [2, 40], [1.2, 1.6]],
  ['610910', 'apparel', 'T-shirts, knitted, of cotton', 'Футболки трикотажные хлопчатобумажные', '棉制针织T恤衫', 'pcs', [1.5, 12], [0.15, 0.3]],
  ['640399', 'apparel', 'Footwear with outer soles of rubber and uppers of leather', 'Обувь с подошвой из резины и верхом из кожи', '橡胶外底皮革鞋面的鞋靴', 'pair', [8, 90], [0.8, 1.6]],
  ['940360', 'furniture', 'Wooden furniture', 'Мебель деревянная', '木家具', 'pcs', [30, 900], [8, 60]],
  ['841821', 'household', 'Household refrigerators, compression-type', 'Холодильники бытовые компрессионные', '压缩式家用冷藏箱', 'pcs', [150, 1200], [40, 90]],
  ['845011', 'household', 'Fully-automatic washing machines', 'Машины стиральные полностью автоматические', '全自动洗衣机', 'pcs', [180, 900], [55, 80]],
  ['851660', 'household', 'Ovens, cookers, cooking plates', 'Печи, плиты, варочные панели', '炉、灶、电热板', 'pcs', [40, 600], [3, 45]],
  ['851713', 'household', 'Smartphones', 'Смартфоны', '智能手机', 'pcs', [80, 900], [0.3, 0.5], { hs2017: '851712' }],
  ['844332', 'household', 'Printers connectable to a computer', 'Принтеры, подключаемые к вычислительной машине', '可与计算机连接的打印机', 'pcs', [60, 1500], [4, 30]],
  ['300490', 'pharma', 'Medicaments, packaged for retail sale', 'Лекарственные средства в упаковке для розничной продажи', '已配定剂量或零售包装的药品', 'kg', [20, 400], [1, 1], { branded: false }],
  ['950300', 'toys', 'Toys, scale models and puzzles', 'Игрушки, масштабные модели и головоломки', '玩具、比例模型及智力玩具', 'pcs', [1, 60], [0.1, 2]],
  ['870899', 'auto', 'Parts and accessories of motor vehicles', 'Части и принадлежности моторных транспортных средств', '机动车辆的零件及附件', 'pcs', [5, 600], [0.2, 25]],
  ['401110', 'auto', 'New pneumatic tyres of rubber, for motor cars', 'Шины пневматические резиновые новые для легковых автомобилей', '机动小客车用新的充气橡胶轮胎', 'pcs', [30, 250], [7, 15]],
  ['392690', 'plastics', 'Other articles of plastics', 'Прочие изделия из пластмасс', '其他塑料制品', 'kg', [2, 12], [1, 1], { branded: false }],
  ['730890', 'steel', 'Structures and parts of structures of iron or steel', 'Металлоконструкции и их части из черных металлов', '钢铁结构体及其部件', 'kg', [1, 4], [1, 1], { branded: false }],
];

/** Drone-relevant goods (unmanned aircraft and the parts the reporting names). */
export const DRONE_HS = ['880621', '880622', '880623', '880624', '880730', '880710', '850131', '850760', '850440', '852691', '852692', '851762', '851769', '852589', '854231', '847150', '901420'];

export const GOODS: readonly Goods[] = ROWS.map(([hs, sector, en, ru, zh, unit, price, weight, extra]) => {
  const chpl = isChpl(hs);
  const g: Goods = {
    hs, sector, en, ru, zh, unit, price, weight, chpl,
    sensitive: chpl || DRONE_HS.includes(hs) || hs.startsWith('8806') || hs.startsWith('8807'),
    branded: extra?.branded ?? true,
  };
  if (extra?.hs2017) g.hs2017 = extra.hs2017;
  if (extra?.since) g.since = extra.since;
  return g;
});

export const goodsBySector = (sector: Sector): Goods[] => GOODS.filter((g) => g.sector === sector);

/** The HS code to declare for `goods` in `year`: HS 2017 before 2022 where the code changed. */
export function hsFor(goods: Goods, year: number): string {
  return year < 2022 && goods.hs2017 ? goods.hs2017 : goods.hs;
}

export const availableIn = (goods: Goods, year: number): boolean => goods.since === undefined || year >= goods.since;


export const SENSITIVE_SECTORS: readonly Sector[] = ['uav', 'electronics', 'rf', 'optics', 'power', 'computing', 'bearings', 'machine-tools', 'instruments', 'semicap'];
export const ORDINARY_SECTORS: readonly Sector[] = ['food', 'apparel', 'furniture', 'household', 'pharma', 'toys', 'auto', 'plastics', 'steel'];

export const UNIT_RU: Record<Unit, string> = { pcs: 'шт', kg: 'кг', set: 'компл', pair: 'пар' };
