/**
 * 政府信息公开工作年度报告 (条例第四十九、五十条; format of 国办公开办函〔2021〕30号): the figures of
 * tables 二, 三 and 四 computed from plain records, the source records of every figure, the
 * cross-checks (勾稽关系) the format implies, and a first draft of the narrative sections.
 *
 * Pure: the service reads the registers into the record shapes below; tests build them by hand.
 * Labels here are the official wording, verbatim: they are document content, not UI text.
 */
import {
  APPLICANT_COLUMN_LABELS,
  APPLICANT_TYPES,
  OUTCOME_CODES,
  OUTCOME_GROUP_LABELS,
  OUTCOMES,
  TABLE3_ROW_LABELS,
  TOTAL_COLUMN_LABEL,
  type ApplicantType,
  type OutcomeCode,
  type OutcomeGroup,
} from './request-outcomes.js';
import { SOURCE_LEVELS, type SourceLevel, type Validity } from './catalogue.js';

// ---------------------------------------------------------------------------------------------
// Official labels

export function annualReportTitle(unitName: string, year: number): string {
  return `${unitName}${year}年政府信息公开工作年度报告`;
}

export const SECTION_TITLES = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  appeals: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
} as const;

/** Table 二 (2021 format): the blocks of 第二十条, their rows and columns. */
export const TABLE2_LABELS = {
  item1: '第二十条第（一）项',
  item5: '第二十条第（五）项',
  item6: '第二十条第（六）项',
  item8: '第二十条第（八）项',
  content: '信息内容',
  issued: '本年制发件数',
  repealed: '本年废止件数',
  valid: '现行有效件数',
  decisions: '本年处理决定数量',
  feeAmount: '本年收费金额（单位：万元）',
  rules: '规章',
  normative: '行政规范性文件',
  licensing: '行政许可',
  penalty: '行政处罚',
  enforcement: '行政强制',
  fees: '行政事业性收费',
} as const;

export const TABLE3_HEADER = {
  note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  applicants: '申请人情况',
  naturalPerson: APPLICANT_COLUMN_LABELS.natural_person,
  organisations: '法人或其他组织',
  total: TOTAL_COLUMN_LABEL,
} as const;

/** The seven figure columns of table 三, in official order. */
export const TABLE3_COLUMNS: readonly string[] = [...APPLICANT_TYPES.map((a) => APPLICANT_COLUMN_LABELS[a]), TOTAL_COLUMN_LABEL];
const TOTAL_COLUMN = APPLICANT_TYPES.length;

/** Table 三's figure rows in official order; the group headings (三、 and （三）–（六）) carry no figures. */
export type Table3RowKey = 'received' | 'carriedIn' | OutcomeCode | 'total' | 'carriedOut';
export const TABLE3_ROW_KEYS: readonly Table3RowKey[] = ['received', 'carriedIn', ...OUTCOME_CODES, 'total', 'carriedOut'];

export function table3RowLabel(key: Table3RowKey): string {
  return key in OUTCOMES ? OUTCOMES[key as OutcomeCode].label : TABLE3_ROW_LABELS[key as keyof typeof TABLE3_ROW_LABELS];
}

export const TABLE4_LABELS = {
  reconsideration: '行政复议',
  litigation: '行政诉讼',
  direct: '未经复议直接起诉',
  afterReconsideration: '复议后起诉',
  results: ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
} as const;

export const APPEAL_GROUPS = ['reconsideration', 'direct', 'after_reconsideration'] as const;
export type AppealGroup = (typeof APPEAL_GROUPS)[number];
export const APPEAL_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];
const GROUP_LABEL: Record<AppealGroup, string> = {
  reconsideration: TABLE4_LABELS.reconsideration,
  direct: `${TABLE4_LABELS.litigation}·${TABLE4_LABELS.direct}`,
  after_reconsideration: `${TABLE4_LABELS.litigation}·${TABLE4_LABELS.afterReconsideration}`,
};
/** The 15 cells of table 四: five per group (four results and 总计). */
export const TABLE4_CELLS: readonly string[] = APPEAL_GROUPS.flatMap((g) => TABLE4_LABELS.results.map((r) => `${GROUP_LABEL[g]}·${r}`));

export const SOURCE_LEVEL_LABELS: Record<SourceLevel, string> = { national: '国家', provincial: '省级', municipal: '市级', local: '本级' };

// ---------------------------------------------------------------------------------------------
// Records

/** A published item (its live edition). */
export interface ItemRecord {
  id: string;
  title: string;
  categoryId: string;
  publishDate: string | null;
  writtenDate: string | null;
  normative: boolean;
  documentNumber: string;
  validity: Validity;
  repealedDate: string | null;
  sourceLevel: SourceLevel;
}

/**
 * Items published in the year, counted by category and source level: at 100,000 items a year the
 * database counts them far faster than it can hand over the rows.
 */
export interface PublishedCount {
  categoryId: string;
  sourceLevel: SourceLevel;
  count: number;
}

/** The same counts from plain records. */
export function countPublished(items: readonly ItemRecord[], year: number): PublishedCount[] {
  const counts = new Map<string, PublishedCount>();
  for (const item of items) {
    if (!inYear(item.publishDate, year)) continue;
    const key = `${item.categoryId}\u0000${item.sourceLevel}`;
    const group = counts.get(key) ?? { categoryId: item.categoryId, sourceLevel: item.sourceLevel, count: 0 };
    group.count += 1;
    counts.set(key, group);
  }
  return [...counts.values()];
}

const INTERPRETATION = 'interpretation';
const ONLINE_INTERVIEW = 'online_interview';

/** The proactive-disclosure figures (cell keys) an item of this category and level counts in. */
export function publishedCells(categoryId: string, sourceLevel: SourceLevel): string[] {
  const cells = ['p.total', `p.cat.${categoryId}`];
  if (categoryId === INTERPRETATION) cells.push(`p.interp.${sourceLevel}`);
  // An interview of this office's own (本级) is one it held; others are reposts from above.
  if (categoryId === ONLINE_INTERVIEW) cells.push(sourceLevel === 'local' ? 'p.interview.held' : 'p.interview.reposted');
  return cells;
}

export interface RequestRecord {
  id: string;
  title: string;
  /** null when the register has not recorded it: counted in 总计 only, so the cross-check flags it. */
  applicantType: ApplicantType | null;
  /** null for a closed request whose outcome was not recorded: the cross-check flags it. */
  outcome: OutcomeCode | null;
  /** 收到申请之日 (the clock's receipt). */
  receivedOn: string;
  /** The date of the clock's closing event (closed, correction lapsed, fee lapsed); null while open. */
  closedOn: string | null;
  /** 信息处理费 paid (the day and the amount in yuan), counted in the year it was paid. */
  feePaid: { date: string; yuan: number } | null;
}

/**
 * 结转 at the end of `year`: received by 31 December and not closed by then. This is what
 * application-clock's carriedOver() computes from the events; the register keeps the two dates, so
 * the report needs no clock replay (a replay per request costs milliseconds: 10,000 would take a minute).
 */
export function openAtEndOf(request: Pick<RequestRecord, 'receivedOn' | 'closedOn'>, year: number): boolean {
  const end = endOf(year);
  return request.receivedOn <= end && !(request.closedOn !== null && request.closedOn <= end);
}

/** A 行政复议 or 行政诉讼 case about this office's disclosure work. */
export interface AppealRecord {
  id: string;
  title: string;
  group: AppealGroup;
  /** 申请/起诉 date: the case counts in the year it was brought. */
  filedOn: string;
  /** The decision date, null while pending; a decision after 31 December is pending at year end. */
  decidedOn: string | null;
  /** null for a decided case whose result was not recorded: the cross-check flags it. */
  result: Exclude<AppealResult, 'pending'> | null;
}

/** A public error report (网民纠错) about the website. */
export interface ErrorReportRecord {
  id: string;
  title: string;
  receivedOn: string;
  handledOn: string | null;
}

export interface CategoryRef {
  id: string;
  name: string;
}

/** Figures that live in other systems (审批、执法、财政), typed in with a note of where from. */
export interface EnteredFigures {
  licensing: number;
  penalty: number;
  enforcement: number;
  /** 万元, up to 4 decimals. */
  feesWanYuan: number;
  source: string;
}

export const NO_ENTERED_FIGURES: EnteredFigures = { licensing: 0, penalty: 0, enforcement: 0, feesWanYuan: 0, source: '' };

export interface ReportInput {
  year: number;
  categories: readonly CategoryRef[];
  /** Items published in the year, counted (see `countPublished` for plain records). */
  published: readonly PublishedCount[];
  /** Every 规范性文件 (规章 included), published in any year: table 二 counts those in force too. */
  normative: readonly ItemRecord[];
  requests: readonly RequestRecord[];
  appeals: readonly AppealRecord[];
  errorReports: readonly ErrorReportRecord[];
  entered: EnteredFigures;
}

// ---------------------------------------------------------------------------------------------
// The model

export interface Table2 {
  rules: [issued: number, repealed: number, valid: number];
  normative: [issued: number, repealed: number, valid: number];
  licensing: number;
  penalty: number;
  enforcement: number;
  feesWanYuan: number;
  source: string;
}

export interface CrossCheckFailure {
  rule: 'table3.balance' | 'table3.column_total' | 'table3.results_total' | 'table4.group_total';
  /** Where: the column, row or group label. */
  at: string;
  /** The two sides that should be equal, and the terms each is made of. */
  left: number;
  right: number;
  terms: string;
}

export interface ReportModel {
  year: number;
  proactive: {
    total: number;
    /** Category name → items published that year. */
    byCategory: Record<string, number>;
    interpretationsByLevel: Record<SourceLevel, number>;
    interviews: { held: number; reposted: number };
  };
  table2: Table2;
  /** Official row label → the seven figures in official column order. */
  table3: Record<string, number[]>;
  /** The 15 figures in official order. */
  table4: number[];
  requests: { received: number; closed: number; feeYuan: number };
  errorReports: { received: number; handled: number };
  consistency: CrossCheckFailure[];
}

/** A source record behind a figure, for the "click a number" drawer. */
export interface SourceRecord {
  kind: 'item' | 'request' | 'appeal' | 'error_report';
  id: string;
  title: string;
}

export interface ReportComputation {
  model: ReportModel;
  /** The records counted in the wanted cell (see `cellLabel` for the keys); empty when none was asked for. */
  sources: SourceRecord[];
  /** The wanted cell's figure (published-item cells are counted without their records). */
  count: number;
}

/** 规章 are issued as 政府令 (e.g. "广东省人民政府令第270号"); other 规范性文件 are 行政规范性文件. */
const ORDER_NUMBER = /令\s*第?\s*\d+\s*号/;

/** The date (YYYY-MM-DD) falls in the year; compares strings, no parsing, as it runs per record. */
const inYear = (date: string | null | undefined, year: number) => !!date && date >= `${year}-01-01` && date <= `${year}-12-31`;
const endOf = (year: number) => `${String(year).padStart(4, '0')}-12-31`;

/** Counts every cell; keeps the records of one wanted cell only (the model alone needs none). */
class Tally {
  private readonly counts = new Map<string, number>();
  readonly records: SourceRecord[] = [];
  constructor(private readonly wanted: string | null) {}
  add(key: string, record: () => SourceRecord): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (key === this.wanted) this.records.push(record());
  }
  /** Counts without records: the service lists those of a published-items cell itself. */
  addCount(key: string, n: number): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }
  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}

function tallyPublished(input: ReportInput, tally: Tally): void {
  for (const group of input.published) for (const cell of publishedCells(group.categoryId, group.sourceLevel)) tally.addCount(cell, group.count);
}

function tallyNormative(input: ReportInput, tally: Tally): void {
  const { year } = input;
  const yearEnd = endOf(year);
  for (const item of input.normative) {
    const source = () => ({ kind: 'item', id: item.id, title: item.title }) as const;
    const row = ORDER_NUMBER.test(item.documentNumber) ? 't2.rules' : 't2.normative';
    if (inYear(item.writtenDate, year)) tally.add(`${row}.issued`, source);
    const ended = item.validity !== 'valid' ? item.repealedDate : null;
    if (inYear(ended, year)) tally.add(`${row}.repealed`, source);
    if (item.writtenDate && item.writtenDate <= yearEnd && !(ended && ended <= yearEnd)) tally.add(`${row}.valid`, source);
  }
}

function tallyRequests(input: ReportInput, tally: Tally): { received: number; closed: number; feeYuan: number } {
  const { year } = input;
  let feeYuan = 0;
  for (const request of input.requests) {
    const source = () => ({ kind: 'request', id: request.id, title: request.title }) as const;
    const columns = request.applicantType ? [APPLICANT_TYPES.indexOf(request.applicantType), TOTAL_COLUMN] : [TOTAL_COLUMN];
    const add = (row: Table3RowKey) => columns.forEach((c) => tally.add(`t3.${row}.${c}`, source));
    if (inYear(request.receivedOn, year)) add('received');
    if (openAtEndOf(request, year - 1)) add('carriedIn');
    if (inYear(request.closedOn, year)) {
      add('total');
      if (request.outcome) add(request.outcome);
    }
    if (openAtEndOf(request, year)) add('carriedOut');
    if (request.feePaid && inYear(request.feePaid.date, year)) feeYuan += request.feePaid.yuan;
  }
  return { received: tally.count(`t3.received.${TOTAL_COLUMN}`), closed: tally.count(`t3.total.${TOTAL_COLUMN}`), feeYuan };
}

function tallyAppeals(input: ReportInput, tally: Tally): void {
  const yearEnd = endOf(input.year);
  for (const appeal of input.appeals) {
    if (!inYear(appeal.filedOn, input.year)) continue;
    const source = () => ({ kind: 'appeal', id: appeal.id, title: appeal.title }) as const;
    const group = APPEAL_GROUPS.indexOf(appeal.group);
    tally.add(`t4.${group * 5 + 4}`, source);
    const decided = appeal.decidedOn !== null && appeal.decidedOn <= yearEnd;
    const result = decided ? appeal.result : 'pending';
    if (result) tally.add(`t4.${group * 5 + APPEAL_RESULTS.indexOf(result)}`, source);
  }
}

function tallyErrorReports(input: ReportInput, tally: Tally): { received: number; handled: number } {
  for (const report of input.errorReports) {
    if (!inYear(report.receivedOn, input.year)) continue;
    const source = () => ({ kind: 'error_report', id: report.id, title: report.title }) as const;
    tally.add('p.errors.received', source);
    if (report.handledOn && report.handledOn <= endOf(input.year)) tally.add('p.errors.handled', source);
  }
  return { received: tally.count('p.errors.received'), handled: tally.count('p.errors.handled') };
}

/** Computes the model for `input.year`, and the records behind the figure `wantedCell` if given. */
export function computeReport(input: ReportInput, wantedCell: string | null = null): ReportComputation {
  const tally = new Tally(wantedCell);
  tallyPublished(input, tally);
  tallyNormative(input, tally);
  const requests = tallyRequests(input, tally);
  tallyAppeals(input, tally);
  const errorReports = tallyErrorReports(input, tally);

  const byCategory: Record<string, number> = {};
  for (const c of input.categories) {
    const n = tally.count(`p.cat.${c.id}`);
    if (n) byCategory[c.name] = n;
  }
  const t2 = (row: string) => [tally.count(`${row}.issued`), tally.count(`${row}.repealed`), tally.count(`${row}.valid`)] as [number, number, number];
  const table3: Record<string, number[]> = {};
  for (const key of TABLE3_ROW_KEYS) table3[table3RowLabel(key)] = TABLE3_COLUMNS.map((_, c) => tally.count(`t3.${key}.${c}`));
  const table4 = TABLE4_CELLS.map((_, i) => tally.count(`t4.${i}`));
  const { source, ...figures } = input.entered;

  const model: ReportModel = {
    year: input.year,
    proactive: {
      total: tally.count('p.total'),
      byCategory,
      interpretationsByLevel: Object.fromEntries(SOURCE_LEVELS.map((l) => [l, tally.count(`p.interp.${l}`)])) as Record<SourceLevel, number>,
      interviews: { held: tally.count('p.interview.held'), reposted: tally.count('p.interview.reposted') },
    },
    table2: { rules: t2('t2.rules'), normative: t2('t2.normative'), ...figures, source },
    table3,
    table4,
    requests,
    errorReports,
    consistency: [],
  };
  model.consistency = crossCheck(model);
  return { model, sources: tally.records, count: wantedCell ? tally.count(wantedCell) : 0 };
}

// ---------------------------------------------------------------------------------------------
// Cross-checks

const ROW = {
  received: TABLE3_ROW_LABELS.received,
  carriedIn: TABLE3_ROW_LABELS.carriedIn,
  total: TABLE3_ROW_LABELS.total,
  carriedOut: TABLE3_ROW_LABELS.carriedOut,
};

function figure(table3: Record<string, number[]>, row: string, column: number): number {
  return table3[row]?.[column] ?? 0;
}

/** Every 勾稽关系 of tables 三 and 四 that does not hold, with the figures involved. */
export function crossCheck(model: Pick<ReportModel, 'table3' | 'table4'>): CrossCheckFailure[] {
  const failures: CrossCheckFailure[] = [];
  const { table3, table4 } = model;
  TABLE3_COLUMNS.forEach((column, c) => {
    const [a, b, t, d] = [figure(table3, ROW.received, c), figure(table3, ROW.carriedIn, c), figure(table3, ROW.total, c), figure(table3, ROW.carriedOut, c)];
    if (a + b !== t + d) failures.push({ rule: 'table3.balance', at: column, left: a + b, right: t + d, terms: `一(${a})+二(${b}) ≠ 三（七）(${t})+四(${d})` });
  });
  for (const key of TABLE3_ROW_KEYS) {
    const label = table3RowLabel(key);
    const parts = APPLICANT_TYPES.map((_, c) => figure(table3, label, c));
    const sum = parts.reduce((s, n) => s + n, 0);
    const total = figure(table3, label, TOTAL_COLUMN);
    if (sum !== total) failures.push({ rule: 'table3.column_total', at: label, left: total, right: sum, terms: `${TOTAL_COLUMN_LABEL}(${total}) ≠ ${parts.join('+')}` });
  }
  TABLE3_COLUMNS.forEach((column, c) => {
    const parts = OUTCOME_CODES.map((o) => figure(table3, OUTCOMES[o].label, c));
    const sum = parts.reduce((s, n) => s + n, 0);
    const total = figure(table3, ROW.total, c);
    if (sum !== total) failures.push({ rule: 'table3.results_total', at: column, left: total, right: sum, terms: `（七）总计(${total}) ≠ ${parts.join('+')}` });
  });
  APPEAL_GROUPS.forEach((group, g) => {
    const parts = table4.slice(g * 5, g * 5 + 4);
    const sum = parts.reduce((s, n) => s + n, 0);
    const total = table4[g * 5 + 4] ?? 0;
    if (sum !== total) failures.push({ rule: 'table4.group_total', at: GROUP_LABEL[group], left: total, right: sum, terms: `总计(${total}) ≠ ${parts.join('+')}` });
  });
  return failures;
}

// ---------------------------------------------------------------------------------------------
// Cells: what a figure is called, for the sources drawer and the "what would differ" list

/** A readable name for a cell key ("t3.received.6" → "一、本年新收政府信息公开申请数量 · 总计"). */
export function cellLabel(key: string): string | null {
  const [area, a, b] = key.split('.');
  if (area === 't3' && a && b !== undefined && (TABLE3_ROW_KEYS as readonly string[]).includes(a) && TABLE3_COLUMNS[Number(b)]) return `${table3RowLabel(a as Table3RowKey)} · ${TABLE3_COLUMNS[Number(b)]}`;
  if (area === 't4' && a !== undefined && TABLE4_CELLS[Number(a)]) return TABLE4_CELLS[Number(a)]!;
  if (area === 't2' && (a === 'rules' || a === 'normative') && (b === 'issued' || b === 'repealed' || b === 'valid')) return `${TABLE2_LABELS[a]} · ${TABLE2_LABELS[b]}`;
  if (area === 'p') {
    if (a === 'total') return '全年发布信息总数';
    if (a === 'cat' && b) return `类别 ${b}`;
    if (a === 'interp' && b && b in SOURCE_LEVEL_LABELS) return `${SOURCE_LEVEL_LABELS[b as SourceLevel]}政策解读`;
    if (a === 'interview' && (b === 'held' || b === 'reposted')) return b === 'held' ? '开展在线访谈' : '转载在线访谈';
    if (a === 'errors' && (b === 'received' || b === 'handled')) return b === 'received' ? '收到网民纠错' : '已处理网民纠错';
  }
  return null;
}

export interface FigureDifference {
  what: string;
  filed: string;
  now: string;
}

function flatten(model: ReportModel): Map<string, string> {
  const out = new Map<string, string>();
  out.set('全年发布信息总数', String(model.proactive.total));
  const names = new Set([...Object.keys(model.proactive.byCategory)]);
  for (const name of names) out.set(`类别 ${name}`, String(model.proactive.byCategory[name] ?? 0));
  for (const level of SOURCE_LEVELS) out.set(`${SOURCE_LEVEL_LABELS[level]}政策解读`, String(model.proactive.interpretationsByLevel[level]));
  out.set('开展在线访谈', String(model.proactive.interviews.held));
  out.set('转载在线访谈', String(model.proactive.interviews.reposted));
  const t2 = model.table2;
  (['rules', 'normative'] as const).forEach((row) =>
    (['issued', 'repealed', 'valid'] as const).forEach((col, i) => out.set(`${TABLE2_LABELS[row]} · ${TABLE2_LABELS[col]}`, String(t2[row][i]))),
  );
  (['licensing', 'penalty', 'enforcement'] as const).forEach((k) => out.set(`${TABLE2_LABELS[k]} · ${TABLE2_LABELS.decisions}`, String(t2[k])));
  out.set(`${TABLE2_LABELS.fees} · ${TABLE2_LABELS.feeAmount}`, String(t2.feesWanYuan));
  for (const [row, figures] of Object.entries(model.table3)) figures.forEach((n, c) => out.set(`${row} · ${TABLE3_COLUMNS[c]}`, String(n)));
  model.table4.forEach((n, i) => out.set(TABLE4_CELLS[i]!, String(n)));
  out.set('信息处理费（元）', String(model.requests.feeYuan));
  out.set('收到网民纠错', String(model.errorReports.received));
  out.set('已处理网民纠错', String(model.errorReports.handled));
  return out;
}

/** The figures that would change if a filed report were regenerated now. */
export function compareModels(filed: ReportModel, now: ReportModel): FigureDifference[] {
  const a = flatten(filed);
  const b = flatten(now);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys.filter((k) => (a.get(k) ?? '0') !== (b.get(k) ?? '0')).map((what) => ({ what, filed: a.get(what) ?? '0', now: b.get(what) ?? '0' }));
}

// ---------------------------------------------------------------------------------------------
// Narrative draft

export interface Narrative {
  overview: string;
  problems: string;
  other: string;
}

/** "政府文件类" for a category named 政府文件; names that already say what they are stay as they are. */
function categoryPhrase(name: string, count: number): string {
  return `${name}${/类$|信息$|公示$|公告$|报告$|报表$|指南$/.test(name) ? '' : '类'}${count}条`;
}

/** Writes in the figures the officer would otherwise count by hand; the officer rewrites the rest. */
export function draftNarrative(model: ReportModel, unitName: string): Narrative {
  const { year, proactive, requests, errorReports } = model;
  // byCategory is in the categories' own order, the order reports list them in.
  const categories = Object.entries(proactive.byCategory)
    .map(([name, n]) => categoryPhrase(name, n))
    .join('、');
  const interpretations = SOURCE_LEVELS.reduce((s, l) => s + proactive.interpretationsByLevel[l], 0);
  const byLevel = SOURCE_LEVELS.filter((l) => proactive.interpretationsByLevel[l]).map((l) => `${SOURCE_LEVEL_LABELS[l]}政策解读材料${proactive.interpretationsByLevel[l]}篇`);
  const [rulesIssued] = model.table2.rules;
  const [normativeIssued] = model.table2.normative;
  const overview = [
    `本年度报告中所列数据统计期限为${year}年1月1日至12月31日。`,
    `（一）主动公开。${year}年，${unitName}全年共发布各类信息${proactive.total}条${categories ? `，其中${categories}` : ''}。全年制发规范性文件${rulesIssued + normativeIssued}件。`,
    `（二）政策解读与回应关切。全年发布政策解读${interpretations}篇${byLevel.length ? `，其中${byLevel.join('，')}` : ''}。开展在线访谈${proactive.interviews.held}期，转载上级部门在线访谈${proactive.interviews.reposted}期。`,
    `（三）依申请公开。全年新收政府信息公开申请${requests.received}件，办结${requests.closed}件。`,
    `（四）监督保障。全年收到网民纠错留言${errorReports.received}宗，已处理${errorReports.handled}宗。`,
  ].join('\n');
  const problems = ['（一）存在的主要问题', '（二）改进情况'].join('\n');
  const fee = requests.feeYuan > 0 ? `依据《政府信息公开信息处理费管理办法》规定，${year}年本机关实际收取信息处理费共计${requests.feeYuan}元。` : `${year}年本机关未收取信息处理费。`;
  const other = [fee, `${year}年收到网民纠错留言${errorReports.received}宗，已处理${errorReports.handled}宗。`].join('\n');
  return { overview, problems, other };
}

// ---------------------------------------------------------------------------------------------
// Table layouts: the official tables with their merged cells, rendered alike to .docx, HTML and the UI

export interface LayoutCell {
  text: string;
  /** Columns spanned (colspan). */
  span?: number;
  /** Rows spanned (rowspan). */
  rows?: number;
  header?: boolean;
  /** The figure's source key, for cells that are counted from records. */
  cell?: string;
}

export interface TableLayout {
  /** Relative column widths. */
  widths: number[];
  rows: LayoutCell[][];
}

const hd = (text: string, more: Omit<LayoutCell, 'text' | 'header'> = {}): LayoutCell => ({ text, header: true, ...more });
const fig = (value: number | string, cell?: string, span?: number): LayoutCell => ({ text: String(value), ...(cell ? { cell } : {}), ...(span ? { span } : {}) });

/** 万元 with up to four decimals, no trailing zeros. */
export function formatWanYuan(value: number): string {
  return String(Number(value.toFixed(4)));
}

function table2Layout(model: ReportModel): TableLayout {
  const t = model.table2;
  const L = TABLE2_LABELS;
  const block = (label: string) => [hd(label, { span: 4 })];
  const counted = (row: 'rules' | 'normative') => (['issued', 'repealed', 'valid'] as const).map((col, i) => fig(t[row][i]!, `t2.${row}.${col}`));
  return {
    widths: [34, 22, 22, 22],
    rows: [
      block(L.item1),
      [hd(L.content), hd(L.issued), hd(L.repealed), hd(L.valid)],
      [{ text: L.rules }, ...counted('rules')],
      [{ text: L.normative }, ...counted('normative')],
      block(L.item5),
      [hd(L.content), hd(L.decisions, { span: 3 })],
      [{ text: L.licensing }, fig(t.licensing, undefined, 3)],
      block(L.item6),
      [hd(L.content), hd(L.decisions, { span: 3 })],
      [{ text: L.penalty }, fig(t.penalty, undefined, 3)],
      [{ text: L.enforcement }, fig(t.enforcement, undefined, 3)],
      block(L.item8),
      [hd(L.content), hd(L.feeAmount, { span: 3 })],
      [{ text: L.fees }, fig(formatWanYuan(t.feesWanYuan), undefined, 3)],
    ],
  };
}

function table3Layout(model: ReportModel): TableLayout {
  const figures = (key: Table3RowKey) => (model.table3[table3RowLabel(key)] ?? []).map((v, c) => fig(v, `t3.${key}.${c}`));
  const rows: LayoutCell[][] = [
    [hd(TABLE3_HEADER.note, { span: 3, rows: 3 }), hd(TABLE3_HEADER.applicants, { span: 7 })],
    [hd(TABLE3_HEADER.naturalPerson, { rows: 2 }), hd(TABLE3_HEADER.organisations, { span: 5 }), hd(TABLE3_HEADER.total, { rows: 2 })],
    TABLE3_COLUMNS.slice(1, 6).map((c) => hd(c)),
    [{ text: TABLE3_ROW_LABELS.received, span: 3 }, ...figures('received')],
    [{ text: TABLE3_ROW_LABELS.carriedIn, span: 3 }, ...figures('carriedIn')],
  ];
  // 三、本年度办理结果 spans the outcome rows and （七）总计; （三）–（六） span their numbered sub-rows.
  const groupSize = (g: OutcomeGroup) => OUTCOME_CODES.filter((o) => OUTCOMES[o].group === g).length;
  let previousGroup: OutcomeGroup | null = null;
  OUTCOME_CODES.forEach((code, i) => {
    const { group, label } = OUTCOMES[code];
    const lead: LayoutCell[] = i === 0 ? [{ text: TABLE3_ROW_LABELS.results, rows: OUTCOME_CODES.length + 1 }] : [];
    if (groupSize(group) === 1) rows.push([...lead, { text: label, span: 2 }, ...figures(code)]);
    else rows.push([...lead, ...(group !== previousGroup ? [{ text: OUTCOME_GROUP_LABELS[group], rows: groupSize(group) }] : []), { text: label }, ...figures(code)]);
    previousGroup = group;
  });
  rows.push([{ text: TABLE3_ROW_LABELS.total, span: 2 }, ...figures('total')]);
  rows.push([{ text: TABLE3_ROW_LABELS.carriedOut, span: 3 }, ...figures('carriedOut')]);
  return { widths: [8, 12, 24, 8, 8, 8, 8, 8, 8, 8], rows };
}

function table4Layout(model: ReportModel): TableLayout {
  const results = TABLE4_LABELS.results;
  return {
    widths: Array.from({ length: 15 }, () => 1),
    rows: [
      [hd(TABLE4_LABELS.reconsideration, { span: 5 }), hd(TABLE4_LABELS.litigation, { span: 10 })],
      [...results.map((r) => hd(r, { rows: 2 })), hd(TABLE4_LABELS.direct, { span: 5 }), hd(TABLE4_LABELS.afterReconsideration, { span: 5 })],
      [...results, ...results].map((r) => hd(r)),
      model.table4.map((v, i) => fig(v, `t4.${i}`)),
    ],
  };
}

export function reportTables(model: ReportModel): { table2: TableLayout; table3: TableLayout; table4: TableLayout } {
  return { table2: table2Layout(model), table3: table3Layout(model), table4: table4Layout(model) };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function tableHtml(layout: TableLayout): string {
  const rows = layout.rows.map((cells) => {
    const html = cells.map((c) => {
      const tag = c.header ? 'th' : 'td';
      const attrs = `${c.span ? ` colspan="${c.span}"` : ''}${c.rows ? ` rowspan="${c.rows}"` : ''}`;
      return `<${tag}${attrs}>${escapeHtml(c.text)}</${tag}>`;
    });
    return `<tr>${html.join('')}</tr>`;
  });
  return `<table><tbody>${rows.join('')}</tbody></table>`;
}

const paragraphsHtml = (text: string) =>
  text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('');

/** The whole report as item body HTML, for publishing on the website like any other item. */
export function reportHtml(model: ReportModel, narrative: Narrative): string {
  const tables = reportTables(model);
  return [
    `<h2>${SECTION_TITLES.overview}</h2>`,
    paragraphsHtml(narrative.overview),
    `<h2>${SECTION_TITLES.proactive}</h2>`,
    tableHtml(tables.table2),
    `<h2>${SECTION_TITLES.requests}</h2>`,
    tableHtml(tables.table3),
    `<h2>${SECTION_TITLES.appeals}</h2>`,
    tableHtml(tables.table4),
    `<h2>${SECTION_TITLES.problems}</h2>`,
    paragraphsHtml(narrative.problems),
    `<h2>${SECTION_TITLES.other}</h2>`,
    paragraphsHtml(narrative.other),
  ].join('');
}
