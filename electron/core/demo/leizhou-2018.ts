/**
 * 雷州市 2018: a year of a county-level city's disclosure work, built to agree with the city's own
 * 2018 annual report (../shared/seed/): 5,090 items published, of which 66 政府文件, 22 政策解读
 * (4 national, 16 provincial, 2 of the city's own), 1,078 动态信息, 46 公告公示, one each of the
 * annual report, the website's annual statement and the disclosure guide, 441 重点领域信息 and
 * 124 专题; two 规范性文件 each with its interpretation; 3 online interviews held and 3 reposted;
 * no applications, reconsiderations or lawsuits; one 网民纠错 about a wrong 发布日期, fixed by a
 * corrected edition. Everything is drawn from one seeded generator, so every load is identical.
 */
import { blankFields, type CatalogueFields } from '../../../shared/domain/catalogue.js';
import type { Role } from '../../../shared/roles.js';
import { seeded } from '../../../shared/seeded-random.js';
import { between, pick } from './random.js';

export interface DemoStaff {
  key: string;
  username: string;
  displayName: string;
  roles: Role[];
}

/** One published edition: what the officer wrote, and when it was reviewed, approved and went live. */
export interface DemoEdition {
  fields: CatalogueFields;
  /** The body's paragraphs: plain text without markup characters. */
  body: string[];
  changeNote: string;
  createdAt: string;
  reviewedAt: string;
  approvedAt: string;
  publishedAt: string;
}

export interface DemoItem {
  /** Stable within the set, for links between items. */
  ref: string;
  categoryId: string;
  author: string;
  reviewer: string;
  approver: string;
  /** Oldest first; every edition but the last is superseded. */
  editions: DemoEdition[];
}

/** A 网民纠错 message from the website's 我为政府网站找错 channel, fixed and answered. */
export interface DemoErrorReport {
  itemRef: string;
  receivedOn: string;
  content: string;
  /** Staff key of the officer who handled it. */
  assignee: string;
  /** Working days allowed for the reply. */
  replyWorkdays: number;
  fixDescription: string;
  replyText: string;
  repliedOn: string;
}

export interface DemoSet {
  name: string;
  year: number;
  /** The 索引号 unit code used when the store has no unit yet. */
  unitCode: string;
  /** Category names as this city's website calls them. */
  categoryNames: Record<string, string>;
  staff: DemoStaff[];
  items: DemoItem[];
  /** [interpretation ref, document ref] */
  links: [string, string][];
  errorReport: DemoErrorReport;
}

const YEAR = 2018;
const CITY = '雷州市';
const GOV = '雷州市人民政府';
const GOV_OFFICE = '雷州市人民政府办公室';

/** The city's three 街道 and eighteen 镇. */
const TOWNS = [
  '雷城街道', '新城街道', '西湖街道', '附城镇', '白沙镇', '沈塘镇', '客路镇', '杨家镇', '唐家镇', '企水镇', '纪家镇',
  '松竹镇', '南兴镇', '雷高镇', '东里镇', '调风镇', '龙门镇', '英利镇', '北和镇', '乌石镇', '覃斗镇',
];

/** City departments as they were named in 2018 (before the 2019 reorganisation). */
const DEPARTMENTS: { name: string; topic: string; work: string[] }[] = [
  { name: '雷州市发展和改革局', topic: '国民经济管理、国有资产监管', work: ['重点项目建设', '价格监督检查', '粮食安全'] },
  { name: '雷州市财政局', topic: '财政、金融、审计', work: ['预算管理', '涉农资金整合', '政府采购'] },
  { name: '雷州市教育局', topic: '科技、教育', work: ['义务教育均衡发展', '学前教育', '学生资助'] },
  { name: '雷州市卫生和计划生育局', topic: '卫生、体育', work: ['基层医疗卫生服务', '家庭医生签约服务', '健康扶贫'] },
  { name: '雷州市人力资源和社会保障局', topic: '劳动、人事、监察', work: ['就业创业', '城乡居民养老保险', '根治欠薪'] },
  { name: '雷州市住房和城乡规划建设局', topic: '城乡建设、环境保护', work: ['农村危房改造', '城市建设', '建筑施工安全'] },
  { name: '雷州市国土资源局', topic: '国土资源、能源', work: ['土地征收', '不动产登记', '耕地保护'] },
  { name: '雷州市农业局', topic: '农业、林业、水利', work: ['春耕生产', '农产品质量安全', '动物防疫'] },
  { name: '雷州市水务局', topic: '农业、林业、水利', work: ['河长制', '防汛防风', '农村饮水安全'] },
  { name: '雷州市交通运输局', topic: '工业、交通', work: ['四好农村路', '道路运输安全', '公路养护'] },
  { name: '雷州市环境保护局', topic: '城乡建设、环境保护', work: ['大气污染防治', '水污染防治', '环境执法'] },
  { name: '雷州市民政局', topic: '民政、扶贫、救灾', work: ['城乡低保', '特困人员供养', '救灾救助'] },
  { name: '雷州市市场监督管理局', topic: '市场监管、安全生产监管', work: ['食品安全', '商事制度改革', '特种设备安全'] },
  { name: '雷州市安全生产监督管理局', topic: '市场监管、安全生产监管', work: ['安全生产大检查', '危险化学品管理', '消防安全'] },
  { name: '雷州市扶贫开发办公室', topic: '民政、扶贫、救灾', work: ['精准扶贫', '产业扶贫', '贫困户危房改造'] },
  { name: '雷州市海洋与渔业局', topic: '农业、林业、水利', work: ['休渔期管理', '渔业安全生产', '海洋环境保护'] },
  { name: '雷州市林业局', topic: '农业、林业、水利', work: ['森林防火', '造林绿化', '林地保护'] },
  { name: '雷州市文化广电新闻出版局', topic: '文化、广电、新闻出版', work: ['雷州文化遗产保护', '农村电影放映', '文化市场管理'] },
  { name: '雷州市统计局', topic: '国民经济管理、国有资产监管', work: ['统计调查', '经济普查', '统计执法'] },
  { name: '雷州市审计局', topic: '财政、金融、审计', work: ['经济责任审计', '扶贫资金审计', '政府投资项目审计'] },
  { name: '雷州市行政服务中心', topic: '综合政务', work: ['一门式一网式政务服务', '容缺受理', '网上办事大厅'] },
];

/** 发文字号 agencies with the share of the 66 documents each issued. */
const DOCUMENT_SERIES = [
  { prefix: '雷府', issuer: GOV, count: 24 },
  { prefix: '雷府办', issuer: GOV_OFFICE, count: 30 },
  { prefix: '雷府函', issuer: GOV, count: 12 },
];

/** The report's figures, category by category; 其他 takes what is left of 5,090. */
const LEIZHOU_2018_COUNTS = {
  total: 5090,
  gov_document: 66,
  interpretation: 22,
  news: 1078,
  notice: 46,
  annual_report: 1,
  website_report: 1,
  disclosure_guide: 1,
  key_area: 441,
  special_topic: 124,
  personnel: 512,
  finance: 868,
  planning: 296,
  statistics: 342,
  disclosure_rules: 4,
  online_interview: 6,
} as const;
const OTHER_COUNT =
  LEIZHOU_2018_COUNTS.total -
  Object.entries(LEIZHOU_2018_COUNTS)
    .filter(([key]) => key !== 'total')
    .reduce((sum, [, n]) => sum + n, 0);

const STAFF: DemoStaff[] = [
  { key: 'chen', username: 'demo.chenxiaoling', displayName: '陈晓玲', roles: ['officer'] },
  { key: 'lin', username: 'demo.linzhipeng', displayName: '林志鹏', roles: ['officer'] },
  { key: 'wu', username: 'demo.wuhaiyan', displayName: '吴海燕', roles: ['officer'] },
  { key: 'liang', username: 'demo.liangwenhua', displayName: '梁文华', roles: ['reviewer'] },
  { key: 'mo', username: 'demo.mochunmei', displayName: '莫春梅', roles: ['reviewer'] },
  { key: 'deng', username: 'demo.dengguoqiang', displayName: '邓国强', roles: ['approver'] },
];
const OFFICERS = ['chen', 'lin', 'wu'];
const REVIEWERS = ['liang', 'mo'];

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 2018年3月5日, as dates are written at the foot of a document. */
function writtenOut(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
/** 二〇一八, as the guide's footer dates itself. */
function yearInChinese(year: number): string {
  return [...String(year)].map((c) => CN_DIGITS[Number(c)]).join('');
}

/** The next public holiday a notice published on `date` would be about. */
function holidayAhead(date: string): string {
  const month = Number(date.slice(5, 7));
  const holiday = month <= 2 ? '春节' : month <= 3 ? '清明节' : month <= 4 ? '劳动节' : month <= 6 ? '端午节' : month <= 9 ? '中秋节、国庆节' : null;
  return holiday ? `${YEAR}年${holiday}` : `${YEAR + 1}年元旦`;
}

const MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** Builds the set; `isWorkday` is the working-day calendar the dates are placed on. */
export function leizhou2018(isWorkday: (date: string) => boolean): DemoSet {
  const random = seeded(20180101);
  const workdays: string[] = [];
  for (let t = Date.UTC(YEAR, 0, 1); t < Date.UTC(YEAR + 1, 0, 1); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    if (isWorkday(date)) workdays.push(date);
  }
  const workdayIndex = new Map(workdays.map((d, i) => [d, i]));
  /** The working day n after `date` (n ≥ 0), never past the year's last one. */
  const laterWorkday = (date: string, n: number) => workdays[Math.min(workdays.length - 1, workdayIndex.get(date)! + n)]!;
  /** n dates spread over the year's working days (or a part of it), in order. */
  const spread = (n: number, from = 0, to = workdays.length - 1): string[] =>
    Array.from({ length: n }, (_, i) => workdays[from + Math.min(to - from, Math.floor(((i + random()) * (to - from + 1)) / n))]!);

  const items: DemoItem[] = [];
  const links: [string, string][] = [];
  let refSerial = 0;

  function add(
    categoryId: string,
    written: string,
    published: string,
    content: Partial<CatalogueFields> & { title: string; publisher: string },
    body: string[],
    ref = `${categoryId}-${++refSerial}`,
  ): DemoItem {
    const fields: CatalogueFields = {
      ...blankFields(content.publisher, written),
      draftingUnit: content.publisher,
      summary: '',
      ...content,
      writtenDate: written,
      publishDate: published,
    };
    const item: DemoItem = {
      ref,
      categoryId,
      author: pick(random, OFFICERS),
      reviewer: pick(random, REVIEWERS),
      approver: 'deng',
      editions: [edition(fields, body, written, published, '')],
    };
    items.push(item);
    return item;
  }

  function edition(fields: CatalogueFields, body: string[], written: string, published: string, changeNote: string): DemoEdition {
    // Drafted in the morning of the 成文日期 (Beijing time), reviewed, signed and live on the 发布日期.
    const minutes = between(random, 0, 90);
    const at = (date: string, hourUtc: number, extra: number) => new Date(Date.parse(`${date}T00:00:00Z`) + (hourUtc * 60 + extra) * 60_000).toISOString();
    return {
      fields,
      body,
      changeNote,
      createdAt: at(written, 1, minutes),
      reviewedAt: at(published, 3, minutes),
      approvedAt: at(published, 5, minutes),
      publishedAt: at(published, 5, minutes + 4),
    };
  }

  // 政府文件, two of them 规范性文件 with their own interpretations (谁起草、谁解读).
  const normative = [
    {
      title: '雷州市人民政府关于印发雷州市城乡居民基本医疗保险实施办法的通知',
      rules: '雷州市城乡居民基本医疗保险实施办法',
      unit: '雷州市人力资源和社会保障局',
      topic: '劳动、人事、监察',
      keywords: '城乡居民医保 实施办法',
      points: ['统一城乡居民医保覆盖范围、筹资政策和待遇标准', '个人缴费标准和财政补助标准按年度公布执行', '住院报销比例向基层医疗机构倾斜，贫困人口享受倾斜支付'],
    },
    {
      title: '雷州市人民政府关于印发雷州市城区户外广告设置管理办法的通知',
      rules: '雷州市城区户外广告设置管理办法',
      unit: '雷州市城市管理和综合执法局',
      topic: '城乡建设、环境保护',
      keywords: '户外广告 城市管理',
      points: ['明确户外广告设置规划、审批和监管职责分工', '禁止在历史文化街区和主要交通干道设置大型户外广告', '设置期满未续期的广告设施由设置人限期拆除'],
    },
  ];
  const normativeAt = [Math.floor(workdays.length * 0.3), Math.floor(workdays.length * 0.72)];
  let docIndex = 0;
  for (const series of DOCUMENT_SERIES) {
    let serial = between(random, 1, 3);
    for (const written of spread(series.count).sort()) {
      const isNormative = series.prefix === '雷府' && docIndex < 2 && workdayIndex.get(written)! >= normativeAt[docIndex]!;
      const published = laterWorkday(written, between(random, 1, 6));
      const documentNumber = `${series.prefix}〔${YEAR}〕${serial}号`;
      serial += between(random, 1, 4);
      if (isNormative) {
        const doc = normative[docIndex]!;
        const ref = `normative-${docIndex + 1}`;
        add(
          'gov_document',
          written,
          published,
          {
            title: doc.title,
            publisher: series.issuer,
            draftingUnit: doc.unit,
            documentNumber,
            normative: true,
            topic: doc.topic,
            keywords: doc.keywords,
            summary: `印发《${doc.rules}》，自印发之日起施行，有效期5年。`,
          },
          [
            '各镇人民政府、街道办事处，市府直属各单位：',
            `现将《${doc.rules}》印发给你们，请认真贯彻执行。执行中遇到的问题，请径向${doc.unit}反映。`,
            `${doc.rules}`,
            ...doc.points.map((p, i) => `第${['一', '二', '三'][i]}条 ${p}。`),
            '本办法自印发之日起施行，有效期5年。',
            series.issuer,
            writtenOut(written),
          ],
          ref,
        );
        // The interpretation goes out with the document or within three working days of it.
        const interpretation = add(
          'interpretation',
          written,
          laterWorkday(published, between(random, 0, 2)),
          {
            title: `《${doc.rules}》政策解读`,
            publisher: doc.unit,
            topic: doc.topic,
            keywords: doc.keywords,
            interpretationForm: docIndex === 0 ? '图文解读' : '文字解读',
            summary: `${doc.unit}对《${doc.rules}》的出台背景、主要内容和适用范围作出解读。`,
          },
          [
            '一、出台背景',
            `为贯彻落实国家和省、湛江市有关部署，结合我市实际，${doc.unit}起草了《${doc.rules}》，经市政府常务会议审议通过。`,
            '二、主要内容',
            `办法共分总则、管理职责、具体措施和附则四个部分，重点明确了三方面内容：${doc.points.join('；')}。`,
            '三、适用范围',
            '本办法适用于我市行政区域内的相关单位和个人。',
            '四、注意事项',
            `群众如有疑问，可拨打市政务服务热线12345或向${doc.unit}咨询。`,
          ],
        );
        links.push([interpretation.ref, ref]);
        docIndex++;
        continue;
      }
      const dept = pick(random, DEPARTMENTS);
      const work = pick(random, dept.work);
      const kind = series.prefix === '雷府函' ? 'reply' : pick(random, ['plan', 'notice', 'opinion']);
      const title =
        kind === 'reply'
          ? `${series.issuer}关于同意${pick(random, TOWNS)}${pick(random, ['实施', '调整', '申报'])}${work}项目的批复`
          : kind === 'plan'
            ? `${series.issuer}关于印发雷州市${YEAR}年${work}工作实施方案的通知`
            : kind === 'notice'
              ? `${series.issuer}关于做好${YEAR}年${work}工作的通知`
              : `${series.issuer}关于进一步加强${work}工作的意见`;
      add(
        'gov_document',
        written,
        published,
        { title, publisher: series.issuer, draftingUnit: dept.name, documentNumber, topic: dept.topic, keywords: work, summary: `部署${work}相关工作，明确责任分工和完成时限。` },
        [
          kind === 'reply' ? `${dept.name}：` : '各镇人民政府、街道办事处，市府直属各单位：',
          `为切实做好${work}工作，根据上级有关文件精神，结合我市实际，现就有关事项${kind === 'reply' ? '批复如下' : '通知如下'}。`,
          `一、提高思想认识。各单位要把${work}工作摆上重要议事日程，主要领导亲自抓，分管领导具体抓。`,
          `二、明确工作任务。${dept.name}牵头，各镇（街道）配合，于${YEAR}年${pick(random, MONTHS)}月底前完成各项工作任务。`,
          '三、加强督查考核。市政府督查室将对工作落实情况进行督查，并将结果纳入年度绩效考核。',
          series.issuer,
          writtenOut(written),
        ],
      );
    }
  }

  // Reposted interpretations of national and provincial policies, marked by level.
  const national = [
    '《国务院关于实行市场准入负面清单制度的意见》解读',
    '《关于全面实行河长制的意见》政策问答',
    '国务院办公厅关于印发2018年政务公开工作要点的通知解读',
    '《关于建立健全基本公共服务标准体系的指导意见》解读',
  ];
  for (const [i, date] of spread(national.length).entries()) {
    add(
      'interpretation',
      date,
      laterWorkday(date, 1),
      { title: national[i]!, publisher: '中华人民共和国中央人民政府', sourceLevel: 'national', interpretationForm: '文字解读', topic: '综合政务', summary: '转载自中国政府网。' },
      [`${national[i]!.replace(/解读|政策问答/, '')}政策要点解读。`, '来源：中国政府网。本网转载以方便群众查阅。'],
    );
  }
  const provincialTopics = [
    '广东省促进民营经济高质量发展若干政策措施', '广东省全面推行河长制工作方案', '广东省乡村振兴战略规划（2018—2022年）', '广东省打赢脱贫攻坚战三年行动方案',
    '广东省数字政府建设总体规划（2018—2020年）', '广东省城乡居民基本养老保险实施办法', '广东省农村人居环境整治三年行动实施方案', '广东省深化“放管服”改革转变政府职能实施方案',
    '广东省降低制造业企业成本若干政策措施', '广东省城镇住房保障办法', '广东省进一步促进就业创业工作实施意见', '广东省全面加强生态环境保护坚决打好污染防治攻坚战的实施意见',
    '广东省推进政务服务“一网通办”实施方案', '广东省新一轮扶持中小微企业发展若干措施', '广东省学前教育第三期行动计划', '广东省加快推进全省农村生活垃圾治理工作方案',
  ];
  for (const [i, date] of spread(provincialTopics.length).entries()) {
    const topic = provincialTopics[i]!;
    add(
      'interpretation',
      date,
      laterWorkday(date, between(random, 0, 2)),
      { title: `《${topic}》解读`, publisher: '广东省人民政府办公厅', sourceLevel: 'provincial', interpretationForm: pick(random, ['文字解读', '图文解读']), topic: '综合政务', summary: '转载自广东省人民政府门户网站。' },
      [`《${topic}》出台的背景、主要内容和保障措施解读。`, '来源：广东省人民政府门户网站。'],
    );
  }

  // 动态信息: the city's daily news, with the error report's item among them.
  const leaders = ['市委书记', '市委副书记、市长', '市委常委、常务副市长', '副市长', '市人大常委会主任', '市政协主席'];
  const events = [
    (town: string, work: string) => `${pick(random, leaders)}率队到${town}调研${work}工作`,
    (town: string, work: string) => `${town}扎实推进${work}工作`,
    (_town: string, work: string) => `我市召开${YEAR}年${work}工作会议`,
    (town: string, work: string) => `${town}开展${work}宣传活动`,
    (_town: string, work: string) => `市政府召开常务会议研究部署${work}等工作`,
    (town: string, work: string) => `${pick(random, leaders)}到${town}督导检查${work}工作`,
  ];
  const newsDates = spread(LEIZHOU_2018_COUNTS.news);
  for (const date of newsDates) {
    const dept = pick(random, DEPARTMENTS);
    const work = pick(random, dept.work);
    const town = pick(random, TOWNS);
    const title = pick(random, events)(town, work);
    add(
      'news',
      date,
      date,
      { title, publisher: GOV_OFFICE, draftingUnit: dept.name, topic: dept.topic, keywords: work },
      [
        `${writtenOut(date)}，${title}。${dept.name}、${town}主要负责同志参加。`,
        `会议（活动）强调，要提高政治站位，把${work}作为当前一项重要工作抓紧抓实，确保各项任务按时保质完成。`,
        `据了解，今年以来，我市${work}工作稳步推进，取得阶段性成效。`,
      ],
    );
  }
  // The 网民纠错: a 发布日期 typed ten days late (01-19 for 01-09), corrected two working days later.
  const errorItem = items.find((i) => i.categoryId === 'news' && i.editions[0]!.fields.writtenDate! >= `${YEAR}-01-09`)!;
  const errorWritten = errorItem.editions[0]!.fields.writtenDate!;
  const wrongDate = new Date(Date.parse(`${errorWritten}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
  const right = errorItem.editions[0]!;
  const fixedOn = laterWorkday(errorWritten, 2);
  errorItem.editions = [
    { ...right, fields: { ...right.fields, publishDate: wrongDate, publishDateReason: '' } },
    { ...edition(right.fields, right.body, fixedOn, fixedOn, `据网民纠错留言，将误填的发布日期${wrongDate}更正为${errorWritten}。`), fields: right.fields },
  ];
  const errorReport: DemoErrorReport = {
    itemRef: errorItem.ref,
    receivedOn: laterWorkday(errorWritten, 1),
    content: `《${right.fields.title}》页面显示的发布时间是${wrongDate}，晚于实际发布时间，发布时间有误。`,
    assignee: errorItem.author,
    replyWorkdays: 3,
    fixDescription: `经核实，系信息员录入发布日期时误填，已于${writtenOut(fixedOn)}将发布日期更正为${errorWritten}并在网站更新。`,
    replyText: '感谢您的纠错留言，您反映的发布时间错误已核实并更正。',
    repliedOn: fixedOn,
  };

  // 公告公示.
  for (const date of spread(LEIZHOU_2018_COUNTS.notice)) {
    const dept = pick(random, DEPARTMENTS);
    const kind = pick(random, [
      `${YEAR}年雷州市${dept.name.replace(CITY, '')}公开招聘编外工作人员公告`,
      `${pick(random, TOWNS)}${pick(random, ['片区土地征收预公告', '农村集体土地征收补偿安置方案公告'])}`,
      `关于${YEAR}年${pick(random, dept.work)}专项资金分配情况的公示`,
      `雷州市${holidayAhead(date)}期间有关事项的公告`,
    ]);
    add('notice', date, date, { title: kind, publisher: dept.name, topic: dept.topic }, [`${kind}。`, '公示（公告）期内如有异议，请以书面形式向发布单位反映。', `联系电话：0759-88${between(random, 10000, 99999)}。`, dept.name, writtenOut(date)]);
  }

  // Once-a-year items.
  const once = (categoryId: string, date: string, title: string, summary: string, body: string[]) =>
    add(categoryId, date, date, { title, publisher: GOV_OFFICE, topic: '综合政务', summary }, body);
  once('annual_report', `${YEAR}-03-26`, `雷州市${YEAR - 1}年政府信息公开工作年度报告`, `${GOV}${YEAR - 1}年政府信息公开工作情况。`, [`本报告根据《中华人民共和国政府信息公开条例》要求，由${GOV_OFFICE}编制，全文包括概述、主动公开政府信息情况、依申请公开政府信息办理情况、政府信息公开的收费及减免情况、因政府信息公开申请行政复议和提起行政诉讼情况、存在的主要问题及改进措施等内容。`, '本报告中所列数据的统计期限自' + `${YEAR - 1}年1月1日起至${YEAR - 1}年12月31日止。`]);
  once('website_report', `${YEAR}-01-29`, `雷州市人民政府门户网站${YEAR - 1}年工作年度报表`, '按《政府网站发展指引》要求公开的网站年度工作报表。', [`网站名称：雷州市人民政府门户网站。网站地址：http://www.leizhou.gov.cn。主办单位：${GOV_OFFICE}。`, '本报表包括信息发布、专栏专题、政务服务、互动交流、安全防护、移动新媒体等情况。']);
  once('disclosure_guide', `${YEAR}-06-15`, '雷州市人民政府信息公开指南', '政府信息的分类、编排体系、获取方式和依申请公开的办理程序。', ['为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。', '一、主动公开。主动公开的政府信息主要通过雷州市人民政府门户网站公开，并在市档案馆、市图书馆设立政府信息查阅点。', '二、依申请公开。公民、法人或者其他组织可以通过当面、邮寄、网上等方式提出申请。受理机构：市政府办公室，联系电话：0759-8812886。', `${GOV_OFFICE}`, `${yearInChinese(YEAR)}年六月`]);

  // 重点领域信息: 重大建设项目, 公共资源配置, 社会公益事业.
  const projects = ['雷州市第一中学新校区建设项目', '雷州市人民医院住院大楼建设项目', '雷州市城区污水处理厂提标改造工程', '雷州市南渡河堤防加固工程', '雷州市乡镇卫生院标准化建设项目', '雷州市西湖公园改造提升工程', '雷州市农村公路安全生命防护工程', '雷州市城乡供水一体化工程'];
  for (const date of spread(LEIZHOU_2018_COUNTS.key_area)) {
    const project = pick(random, projects);
    const town = pick(random, TOWNS);
    const dept = pick(random, DEPARTMENTS);
    const title = pick(random, [
      `${project}${pick(random, ['批准结果', '招标公告', '中标结果公示', '施工许可信息', '竣工验收信息'])}`,
      `${town}${YEAR}年${pick(random, ['农村低保', '特困人员供养', '精准扶贫户', '危房改造补助对象'])}名单公示`,
      `雷州市${YEAR}年${pick(random, ['第', ''])}${between(random, 1, 12)}月${pick(random, ['环境空气质量状况', '集中式饮用水水源水质状况', '食品安全抽检信息', '建设用地供应结果'])}`,
      `${dept.name}${YEAR}年${pick(random, dept.work)}信息公开`,
    ]);
    add('key_area', date, date, { title, publisher: dept.name, topic: dept.topic }, [`${title}。`, '以上信息予以公开，接受社会监督。', dept.name, writtenOut(date)]);
  }

  // 专题.
  const topics = ['扫黑除恶专项斗争', '创建广东省文明城市', '乡村振兴', '精准扶贫精准脱贫', '河长制', '“放管服”改革', '安全生产月', '防汛防风', '改革开放40周年', '第七届雷州文化节'];
  for (const date of spread(LEIZHOU_2018_COUNTS.special_topic)) {
    const topic = pick(random, topics);
    const town = pick(random, TOWNS);
    add('special_topic', date, date, { title: `【${topic}】${town}${pick(random, ['扎实开展', '全力推进', '深入开展'])}${topic}工作`, publisher: GOV_OFFICE, topic: '综合政务', keywords: topic }, [`${town}按照市委、市政府部署，${topic}工作有序推进。`, '下一步，将进一步压实责任，确保各项工作落到实处。']);
  }

  // Routine publications of every department and town.
  const routine: { categoryId: keyof typeof LEIZHOU_2018_COUNTS | 'other'; count: number; title(dept: (typeof DEPARTMENTS)[number], town: string, month: string): string }[] = [
    { categoryId: 'personnel', count: LEIZHOU_2018_COUNTS.personnel, title: (d, t) => pick(random, [`${YEAR}年${d.name}公开招聘工作人员拟聘用人员名单公示`, `${t}${YEAR}年公开招聘村（社区）专职工作人员公告`, `${d.name}关于干部任前公示的公告`, `${YEAR}年雷州市公开招聘中小学教师面试成绩公布`]) },
    { categoryId: 'finance', count: LEIZHOU_2018_COUNTS.finance, title: (d, t) => pick(random, [`${d.name}${YEAR}年部门预算`, `${d.name}${YEAR - 1}年部门决算`, `${d.name}${YEAR}年“三公”经费预算`, `${t}${YEAR}年财政预算`, `${t}${YEAR - 1}年财政决算`]) },
    { categoryId: 'planning', count: LEIZHOU_2018_COUNTS.planning, title: (d, t, m) => pick(random, [`${d.name}${YEAR}年工作计划`, `${d.name}${YEAR}年上半年工作总结`, `${t}${YEAR}年${m}月份工作计划`, `${d.name}${YEAR}年${pick(random, d.work)}工作要点`]) },
    { categoryId: 'statistics', count: LEIZHOU_2018_COUNTS.statistics, title: (d, _t, m) => pick(random, [`${YEAR}年1-${m}月雷州市主要经济指标`, `雷州市${YEAR - 1}年国民经济和社会发展统计公报`, `${YEAR}年${m}月雷州市${pick(random, d.work)}统计数据`, `雷州市${YEAR}年${m}月份居民消费价格指数`]) },
    { categoryId: 'disclosure_rules', count: LEIZHOU_2018_COUNTS.disclosure_rules, title: () => pick(random, ['雷州市政府信息公开保密审查制度', '雷州市政府信息主动公开制度', '雷州市依申请公开政府信息工作规程', '雷州市政府信息公开工作考核制度']) },
    { categoryId: 'other', count: OTHER_COUNT, title: (d, t) => pick(random, [`${d.name}行政许可事项办理结果公示`, `${d.name}${YEAR}年双随机抽查结果公示`, `${t}便民服务指南`, `${d.name}政府采购项目${pick(random, ['采购公告', '成交公告', '更正公告'])}`, `雷州市行政服务中心${d.name.replace(CITY, '')}窗口办事指南`]) },
  ];
  for (const r of routine) {
    for (const date of spread(r.count)) {
      const dept = pick(random, DEPARTMENTS);
      const town = pick(random, TOWNS);
      const month = String(Number(date.slice(5, 7)));
      const title = r.title(dept, town, month);
      add(r.categoryId, date, date, { title, publisher: dept.name, topic: dept.topic }, [`${title}。`, `发布单位：${dept.name}。如有疑问请致电0759-88${between(random, 10000, 99999)}。`]);
    }
  }

  // 在线访谈: three held by the city, three reposted from the province and Zhanjiang.
  const interviews: { level: CatalogueFields['sourceLevel']; publisher: string; topic: string; guests: string; month: number }[] = [
    { level: 'local', publisher: '雷州市教育局', topic: '2018年雷州市义务教育招生政策', guests: '雷州市教育局局长、基础教育股股长', month: 6 },
    { level: 'local', publisher: '雷州市人力资源和社会保障局', topic: '城乡居民基本医疗保险政策解答', guests: '雷州市人力资源和社会保障局副局长、医保中心主任', month: 9 },
    { level: 'local', publisher: '雷州市扶贫开发办公室', topic: '雷州市精准扶贫精准脱贫三年攻坚', guests: '雷州市扶贫开发办公室主任', month: 11 },
    { level: 'provincial', publisher: '广东省人民政府办公厅', topic: '广东省数字政府改革建设', guests: '广东省政务服务数据管理局负责人', month: 4 },
    { level: 'provincial', publisher: '广东省人力资源和社会保障厅', topic: '广东省促进就业创业政策', guests: '广东省人力资源和社会保障厅负责人', month: 7 },
    { level: 'municipal', publisher: '湛江市人民政府办公室', topic: '湛江市创建全国文明城市', guests: '湛江市文明办负责人', month: 10 },
  ];
  for (const interview of interviews) {
    const date = workdays.find((d) => Number(d.slice(5, 7)) === interview.month && Number(d.slice(8)) >= 10)!;
    const held = interview.level === 'local';
    add(
      'online_interview',
      date,
      held ? date : laterWorkday(date, 1),
      {
        title: held ? `在线访谈：${interview.topic}` : `【转载】在线访谈：${interview.topic}`,
        publisher: interview.publisher,
        sourceLevel: interview.level,
        interviewDate: date,
        interviewGuests: interview.guests,
        interviewTopic: interview.topic,
        topic: '综合政务',
        summary: held ? `${interview.guests}做客雷州市人民政府门户网站在线访谈栏目。` : `转载${interview.publisher}在线访谈。`,
      },
      [`主持人：各位网友大家好，欢迎收看本期在线访谈，今天我们邀请到${interview.guests}，就${interview.topic}与网友在线交流。`, '嘉宾：谢谢主持人，也感谢广大网友的关注……', '主持人：本期访谈到此结束，感谢各位网友的参与。'],
    );
  }

  return { name: 'leizhou-2018', year: YEAR, unitCode: '11440882007129459F', categoryNames: { notice: '公告公示' }, staff: STAFF, items, links, errorReport };
}
