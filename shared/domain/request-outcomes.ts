/**
 * How a 政府信息公开申请 ends, and who asked: the taxonomy of the annual report's table 三
 * (国办公开办函〔2021〕30号), each outcome mapped to the article of the 条例 (国务院令第711号) that
 * grounds it. The labels are the official row and column labels, verbatim; the request register,
 * the reply letters and the annual report all use these codes.
 */

export const APPLICANT_TYPES = ['natural_person', 'business', 'research', 'public_interest', 'legal_services', 'other_org'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/** Table 三's seven figure columns, in the official order: the six applicant columns and 总计. */
export const APPLICANT_COLUMN_LABELS: Readonly<Record<ApplicantType, string>> = {
  natural_person: '自然人',
  business: '商业企业',
  research: '科研机构',
  public_interest: '社会公益组织',
  legal_services: '法律服务机构',
  other_org: '其他',
};
export const TOTAL_COLUMN_LABEL = '总计';

export const OUTCOME_GROUPS = ['disclosed', 'partial', 'denied', 'unavailable', 'not_processed', 'other'] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];

export const OUTCOME_GROUP_LABELS: Readonly<Record<OutcomeGroup, string>> = {
  disclosed: '（一）予以公开',
  partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  denied: '（三）不予公开',
  unavailable: '（四）无法提供',
  not_processed: '（五）不予处理',
  other: '（六）其他处理',
};

export interface OutcomeDefinition {
  group: OutcomeGroup;
  /** The official row label (for a group without sub-rows, the group's own label). */
  label: string;
  /** The article(s) of the 条例 the decision rests on, as cited in a reply letter. */
  basis: string;
}

export const OUTCOMES = {
  disclosed: { group: 'disclosed', label: '（一）予以公开', basis: '第三十六条第（一）项、第（二）项' },
  partial: { group: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', basis: '第三十七条' },
  denied_state_secret: { group: 'denied', label: '1.属于国家秘密', basis: '第十四条、第三十六条第（三）项' },
  denied_prohibited_by_law: { group: 'denied', label: '2.其他法律行政法规禁止公开', basis: '第十四条、第三十六条第（三）项' },
  denied_security_stability: { group: 'denied', label: '3.危及“三安全一稳定”', basis: '第十四条、第三十六条第（三）项' },
  denied_third_party: { group: 'denied', label: '4.保护第三方合法权益', basis: '第十五条、第三十六条第（三）项' },
  denied_internal_affairs: { group: 'denied', label: '5.属于三类内部事务信息', basis: '第十六条第一款、第三十六条第（三）项' },
  denied_process_information: { group: 'denied', label: '6.属于四类过程性信息', basis: '第十六条第二款、第三十六条第（三）项' },
  denied_enforcement_file: { group: 'denied', label: '7.属于行政执法案卷', basis: '第十六条第二款、第三十六条第（三）项' },
  denied_inquiry_matter: { group: 'denied', label: '8.属于行政查询事项', basis: '第三十六条第（七）项' },
  unavailable_not_held: { group: 'unavailable', label: '1.本机关不掌握相关政府信息', basis: '第三十六条第（四）项、第（五）项' },
  unavailable_needs_creation: { group: 'unavailable', label: '2.没有现成信息需要另行制作', basis: '第三十八条' },
  unavailable_still_unclear: { group: 'unavailable', label: '3.补正后申请内容仍不明确', basis: '第三十条' },
  not_processed_petition: { group: 'not_processed', label: '1.信访举报投诉类申请', basis: '第三十九条第一款' },
  not_processed_repeat: { group: 'not_processed', label: '2.重复申请', basis: '第三十六条第（六）项' },
  not_processed_publication: { group: 'not_processed', label: '3.要求提供公开出版物', basis: '第三十九条第二款' },
  not_processed_excessive: { group: 'not_processed', label: '4.无正当理由大量反复申请', basis: '第三十五条' },
  not_processed_confirmation: { group: 'not_processed', label: '5.要求行政机关确认或重新出具已获取信息', basis: '第三十九条' },
  other_no_correction: {
    group: 'other',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    basis: '第三十条',
  },
  other_fee_unpaid: {
    group: 'other',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    basis: '第四十二条；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  },
  other_other: { group: 'other', label: '3.其他', basis: '' },
} as const satisfies Record<string, OutcomeDefinition>;

export type OutcomeCode = keyof typeof OUTCOMES;
/** In the official row order of table 三. */
export const OUTCOME_CODES = Object.keys(OUTCOMES) as OutcomeCode[];

/** Table 三's rows that are not outcomes, verbatim. */
export const TABLE3_ROW_LABELS = {
  received: '一、本年新收政府信息公开申请数量',
  carriedIn: '二、上年结转政府信息公开申请数量',
  results: '三、本年度办理结果',
  total: '（七）总计',
  carriedOut: '四、结转下年度继续办理',
} as const;
