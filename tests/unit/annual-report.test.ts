import { describe, expect, it } from 'vitest';
import {
  compareModels,
  computeReport,
  countPublished,
  crossCheck,
  openAtEndOf,
  draftNarrative,
  NO_ENTERED_FIGURES,
  reportHtml,
  reportTables,
  TABLE3_COLUMNS,
  TABLE3_ROW_KEYS,
  table3RowLabel,
  type AppealRecord,
  type ItemRecord,
  type ReportInput,
  type RequestRecord,
  type TableLayout,
} from '../../shared/domain/annual-report.js';
import { carriedOver, computeClock, type ClockEvent } from '../../shared/domain/application-clock.js';
import { WorkCalendar } from '../../shared/domain/working-days.js';
import { OUTCOMES, TABLE3_ROW_LABELS } from '../../shared/domain/request-outcomes.js';

const CATEGORIES = [
  { id: 'gov_document', name: '政府文件' },
  { id: 'interpretation', name: '政策解读' },
  { id: 'news', name: '动态信息' },
  { id: 'online_interview', name: '在线访谈' },
];

let serial = 0;
function item(overrides: Partial<ItemRecord>): ItemRecord {
  serial += 1;
  return {
    id: `i${serial}`,
    title: `信息${serial}`,
    categoryId: 'news',
    publishDate: '2026-03-01',
    writtenDate: '2026-02-27',
    normative: false,
    documentNumber: '',
    validity: 'valid',
    repealedDate: null,
    sourceLevel: 'local',
    ...overrides,
  };
}

const eventsOf = new Map<string, ClockEvent[]>();
/** A register row as the request service keeps it: receipt and closing dates from the clock's replay. */
function request(id: string, applicantType: RequestRecord['applicantType'], outcome: RequestRecord['outcome'], events: ClockEvent[], feePaid: RequestRecord['feePaid'] = null): RequestRecord {
  const clock = computeClock(new WorkCalendar(), events, '2030-12-31');
  eventsOf.set(id, events);
  return { id, title: `申请${id}`, applicantType, outcome, receivedOn: clock.receivedOn!, closedOn: clock.closedOn, feePaid };
}

/** The report's input from plain records, as the service reads the registers. */
function input(year: number, { items = [], ...more }: Partial<ReportInput> & { items?: ItemRecord[] }): ReportInput {
  return {
    year,
    categories: CATEGORIES,
    published: countPublished(items, year),
    normative: items.filter((i) => i.normative),
    requests: [],
    appeals: [],
    errorReports: [],
    entered: NO_ENTERED_FIGURES,
    ...more,
  };
}

const row = (model: { table3: Record<string, number[]> }, key: Parameters<typeof table3RowLabel>[0]) => model.table3[table3RowLabel(key)];

describe('proactive disclosure and table 二', () => {
  const items = [
    item({ categoryId: 'gov_document', normative: true, documentNumber: '雷府〔2026〕1号', writtenDate: '2026-01-05', publishDate: '2026-01-08' }),
    item({ categoryId: 'gov_document', normative: true, documentNumber: '雷府〔2024〕9号', writtenDate: '2024-06-01', publishDate: '2024-06-03', validity: 'repealed', repealedDate: '2026-05-01' }),
    item({ categoryId: 'gov_document', normative: true, documentNumber: '雷府〔2023〕2号', writtenDate: '2023-03-01', publishDate: '2023-03-02' }),
    item({ categoryId: 'gov_document', normative: true, documentNumber: '湛江市人民政府令第12号', writtenDate: '2026-07-01', publishDate: '2026-07-02' }),
    // Repealed after the year: still 现行有效 at 31 December 2026.
    item({ categoryId: 'gov_document', normative: true, documentNumber: '雷府〔2022〕4号', writtenDate: '2022-01-01', publishDate: '2022-01-02', validity: 'invalid', repealedDate: '2027-01-10' }),
    // Written in 2027: not yet in force in 2026.
    item({ categoryId: 'gov_document', normative: true, documentNumber: '雷府〔2027〕1号', writtenDate: '2027-01-03', publishDate: '2027-01-04' }),
    item({ categoryId: 'gov_document', documentNumber: '雷府办〔2026〕3号' }),
    item({ categoryId: 'interpretation', sourceLevel: 'national' }),
    item({ categoryId: 'interpretation', sourceLevel: 'provincial' }),
    item({ categoryId: 'interpretation', sourceLevel: 'provincial' }),
    item({ categoryId: 'interpretation', sourceLevel: 'local' }),
    item({ categoryId: 'online_interview', sourceLevel: 'local' }),
    item({ categoryId: 'online_interview', sourceLevel: 'provincial' }),
    item({ categoryId: 'news' }),
    item({ categoryId: 'news', publishDate: '2025-12-31' }),
  ];
  const data = input(2026, { items, entered: { licensing: 120, penalty: 8, enforcement: 2, feesWanYuan: 3.25, source: '广东政务服务网' } });
  const { model } = computeReport(data);

  it.each([
    ['total', model.proactive.total, 10],
    ['政府文件', model.proactive.byCategory['政府文件'], 3],
    ['政策解读', model.proactive.byCategory['政策解读'], 4],
    ['在线访谈', model.proactive.byCategory['在线访谈'], 2],
    ['动态信息', model.proactive.byCategory['动态信息'], 1],
    ['national interpretations', model.proactive.interpretationsByLevel.national, 1],
    ['provincial interpretations', model.proactive.interpretationsByLevel.provincial, 2],
    ['local interpretations', model.proactive.interpretationsByLevel.local, 1],
    ['interviews held', model.proactive.interviews.held, 1],
    ['interviews reposted', model.proactive.interviews.reposted, 1],
  ])('%s', (_name, actual, expected) => expect(actual).toBe(expected));

  it('counts 规章 (政府令) and 行政规范性文件 issued, repealed and in force, and carries the entered figures', () => {
    expect(model.table2.rules).toEqual([1, 0, 1]);
    expect(model.table2.normative).toEqual([1, 1, 3]);
    expect(model.table2).toMatchObject({ licensing: 120, penalty: 8, enforcement: 2, feesWanYuan: 3.25, source: '广东政务服务网' });
  });

  it('lists the records behind a figure', () => {
    expect(computeReport(data, 't2.normative.repealed').sources).toEqual([{ kind: 'item', id: items[1]!.id, title: items[1]!.title }]);
    expect(computeReport(data, 'p.cat.gov_document')).toMatchObject({ sources: [], count: 3 });
    expect(computeReport(data).sources).toEqual([]);
  });

  it('drafts the overview from the figures', () => {
    const text = draftNarrative(model, '雷州市人民政府办公室').overview;
    expect(text).toContain('全年共发布各类信息10条，其中政府文件类3条、政策解读类4条、动态信息1条、在线访谈类2条');
    expect(text).toContain('国家政策解读材料1篇，省级政策解读材料2篇，本级政策解读材料1篇');
    expect(text).toContain('开展在线访谈1期，转载上级部门在线访谈1期');
  });
});

describe('table 三 with carry-over between years', () => {
  const requests = [
    // Received and answered in 2025.
    request('a', 'natural_person', 'disclosed', [{ type: 'received', date: '2025-03-02' }, { type: 'closed', date: '2025-03-20' }]),
    // Received late in 2025, answered in 2026: carried out of 2025, into 2026.
    request('b', 'business', 'partial', [{ type: 'received', date: '2025-12-22' }, { type: 'closed', date: '2026-01-12' }]),
    // Awaiting a correction over New Year, then lapsed: 其他处理 1 in 2026.
    request('c', 'natural_person', 'other_no_correction', [
      { type: 'received', date: '2025-12-15' },
      { type: 'correction_requested', date: '2025-12-18', workdays: 15 },
      { type: 'correction_lapsed', date: '2026-01-20' },
    ]),
    // 2026: received and closed, several outcomes and applicants.
    request('d', 'legal_services', 'denied_third_party', [{ type: 'received', date: '2026-04-01' }, { type: 'closed', date: '2026-04-20' }]),
    request('e', 'natural_person', 'unavailable_not_held', [{ type: 'received', date: '2026-05-06' }, { type: 'closed', date: '2026-05-18' }], { date: '2026-05-15', yuan: 380 }),
    request('f', 'research', 'not_processed_repeat', [{ type: 'received', date: '2026-06-01' }, { type: 'closed', date: '2026-06-05' }]),
    // Received in 2026, still open at year end: carried out of 2026.
    request('g', 'other_org', null, [{ type: 'received', date: '2026-12-28' }]),
    // Received in 2027: nowhere in 2026.
    request('h', 'public_interest', 'disclosed', [{ type: 'received', date: '2027-01-04' }, { type: 'closed', date: '2027-01-10' }]),
  ];

  // Hand-computed: [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计].
  const cases: { year: number; rows: Partial<Record<Parameters<typeof table3RowLabel>[0], number[]>> }[] = [
    {
      year: 2025,
      rows: {
        received: [2, 1, 0, 0, 0, 0, 3],
        carriedIn: [0, 0, 0, 0, 0, 0, 0],
        disclosed: [1, 0, 0, 0, 0, 0, 1],
        partial: [0, 0, 0, 0, 0, 0, 0],
        total: [1, 0, 0, 0, 0, 0, 1],
        carriedOut: [1, 1, 0, 0, 0, 0, 2],
      },
    },
    {
      year: 2026,
      rows: {
        received: [1, 0, 1, 0, 1, 1, 4],
        carriedIn: [1, 1, 0, 0, 0, 0, 2],
        disclosed: [0, 0, 0, 0, 0, 0, 0],
        partial: [0, 1, 0, 0, 0, 0, 1],
        denied_third_party: [0, 0, 0, 0, 1, 0, 1],
        unavailable_not_held: [1, 0, 0, 0, 0, 0, 1],
        not_processed_repeat: [0, 0, 1, 0, 0, 0, 1],
        other_no_correction: [1, 0, 0, 0, 0, 0, 1],
        total: [2, 1, 1, 0, 1, 0, 5],
        carriedOut: [0, 0, 0, 0, 0, 1, 1],
      },
    },
  ];

  it.each(cases)('$year', ({ year, rows }) => {
    const { model } = computeReport(input(year, { requests }));
    for (const [key, figures] of Object.entries(rows)) expect(row(model, key as never), key).toEqual(figures);
    expect(Object.keys(model.table3)).toEqual(TABLE3_ROW_KEYS.map(table3RowLabel));
    expect(model.consistency).toEqual([]);
  });

  it.each([2024, 2025, 2026, 2027])('carries over at the end of %i exactly as the clock does', (year) => {
    for (const r of requests) expect(openAtEndOf(r, year), r.id).toBe(carriedOver(eventsOf.get(r.id)!, year));
  });

  it('collects the 信息处理费 paid in the year', () => {
    expect(computeReport(input(2026, { requests })).model.requests).toEqual({ received: 4, closed: 5, feeYuan: 380 });
    expect(computeReport(input(2025, { requests })).model.requests.feeYuan).toBe(0);
  });

  it('uses the official labels in the official order', () => {
    const labels = TABLE3_ROW_KEYS.map(table3RowLabel);
    expect(labels[0]).toBe('一、本年新收政府信息公开申请数量');
    expect(labels[1]).toBe('二、上年结转政府信息公开申请数量');
    expect(labels.at(-2)).toBe('（七）总计');
    expect(labels.at(-1)).toBe('四、结转下年度继续办理');
    expect(labels).toHaveLength(2 + Object.keys(OUTCOMES).length + 2);
    expect(TABLE3_COLUMNS).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
  });
});

describe('table 四', () => {
  const appeal = (id: string, group: AppealRecord['group'], filedOn: string, decidedOn: string | null, result: AppealRecord['result']): AppealRecord => ({ id, title: id, group, filedOn, decidedOn, result });
  const appeals = [
    appeal('r1', 'reconsideration', '2026-02-01', '2026-04-01', 'upheld'),
    appeal('r2', 'reconsideration', '2026-03-01', '2026-05-01', 'corrected'),
    appeal('r3', 'reconsideration', '2026-11-01', '2027-01-15', 'other'), // decided next year: pending at year end
    appeal('d1', 'direct', '2026-06-01', null, null),
    appeal('d2', 'direct', '2026-07-01', '2026-09-01', 'other'),
    appeal('a1', 'after_reconsideration', '2026-08-01', '2026-10-01', 'upheld'),
    appeal('x', 'direct', '2025-06-01', '2026-02-01', 'corrected'), // filed in 2025: not a 2026 case
  ];
  it('counts each case in the year it was filed, under its result at 31 December', () => {
    const { model } = computeReport(input(2026, { appeals }));
    expect(model.table4).toEqual([1, 1, 0, 1, 3, 0, 0, 1, 1, 2, 1, 0, 0, 0, 1]);
    expect(model.consistency).toEqual([]);
  });
});

describe('cross-checks fail on purpose', () => {
  const received = TABLE3_ROW_LABELS.received;
  it('一+二 = 三（七）+四 per column', () => {
    const { model } = computeReport(input(2026, {}));
    model.table3[received] = [1, 0, 0, 0, 0, 0, 1];
    const failures = crossCheck(model);
    expect(failures.map((f) => [f.rule, f.at, f.left, f.right])).toEqual([
      ['table3.balance', '自然人', 1, 0],
      ['table3.balance', '总计', 1, 0],
    ]);
    expect(failures[0]!.terms).toBe('一(1)+二(0) ≠ 三（七）(0)+四(0)');
  });

  it('总计 column = the six applicant columns (an applicant type missing from the register)', () => {
    const { model } = computeReport(input(2026, { requests: [request('x', null, 'disclosed', [{ type: 'received', date: '2026-02-01' }, { type: 'closed', date: '2026-02-10' }])] }));
    expect(model.consistency.map((f) => [f.rule, f.at, f.left, f.right])).toEqual([
      ['table3.column_total', TABLE3_ROW_LABELS.received, 1, 0],
      ['table3.column_total', OUTCOMES.disclosed.label, 1, 0],
      ['table3.column_total', TABLE3_ROW_LABELS.total, 1, 0],
    ]);
  });

  it('（七）总计 = the outcome rows (a closed request without its outcome)', () => {
    const { model } = computeReport(input(2026, { requests: [request('y', 'business', null, [{ type: 'received', date: '2026-02-01' }, { type: 'closed', date: '2026-02-10' }])] }));
    expect(model.consistency.map((f) => [f.rule, f.at, f.left, f.right])).toEqual([
      ['table3.results_total', '商业企业', 1, 0],
      ['table3.results_total', '总计', 1, 0],
    ]);
  });

  it('each 复议/诉讼 group: 总计 = its four results', () => {
    const { model } = computeReport(input(2026, {}));
    model.table4 = [1, 0, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0];
    expect(crossCheck(model)).toEqual([{ rule: 'table4.group_total', at: '行政诉讼·未经复议直接起诉', left: 2, right: 0, terms: '总计(2) ≠ 0+0+0+0' }]);
  });
});

describe('layouts, HTML and differences', () => {
  const { model } = computeReport(input(2026, { items: [item({ categoryId: 'gov_document' })] }));

  /** Every row covers the same number of grid columns once earlier rowspans are counted. */
  function gridWidths(layout: TableLayout): number[] {
    const carried: number[] = [];
    return layout.rows.map((cells, r) => {
      const fromAbove = carried.filter((until) => until > r).length;
      let width = 0;
      for (const c of cells) {
        width += c.span ?? 1;
        if (c.rows && c.rows > 1) for (let i = 0; i < (c.span ?? 1); i++) carried.push(r + c.rows);
      }
      return width + fromAbove;
    });
  }

  it.each([
    ['table2', 4],
    ['table3', 10],
    ['table4', 15],
  ] as const)('%s spans %i columns on every row', (name, columns) => {
    const layout = reportTables(model)[name];
    expect(new Set(gridWidths(layout))).toEqual(new Set([columns]));
    expect(layout.widths).toHaveLength(columns);
  });

  it('writes the tables as HTML with merged cells', () => {
    const html = reportHtml(model, draftNarrative(model, '雷州市人民政府办公室'));
    expect(html).toContain('<th colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>');
    expect(html).toContain('<td rowspan="22">三、本年度办理结果</td>');
    expect(html).toContain('<th colspan="5">行政复议</th><th colspan="10">行政诉讼</th>');
    expect(html).toContain('<h2>六、其他需要报告的事项</h2>');
  });

  it('lists what would differ after the registers change', () => {
    const later = computeReport(input(2026, { items: [item({ categoryId: 'gov_document' }), item({ categoryId: 'news' })] })).model;
    expect(compareModels(model, later)).toEqual([
      { what: '全年发布信息总数', filed: '1', now: '2' },
      { what: '类别 动态信息', filed: '0', now: '1' },
    ]);
    expect(compareModels(model, model)).toEqual([]);
  });
});
