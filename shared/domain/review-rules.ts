/**
 * 保密审查 rules: the default checklist, the canonical content a sign-off is bound to, and every
 * reason a sign-off is refused. "先审查、后公开；谁公开、谁审查、谁负责".
 */
import type { Reason } from '../errors.js';
import type { Role } from '../roles.js';
import { CATALOGUE_FIELD_NAMES, type CatalogueFields } from './catalogue.js';

export interface ChecklistItem {
  id: string;
  question: string;
  severity: 'required' | 'recommended';
  /** Who may tick it: the reviewer's own judgement, or e.g. the approver's for 公开时机. */
  role: Role;
  waivable: boolean;
}

const item = (id: string, question: string, severity: ChecklistItem['severity'] = 'required', waivable = false, role: Role = 'reviewer'): ChecklistItem => ({
  id,
  question,
  severity,
  role,
  waivable,
});

/** The default checklist: 条例第十四至十六条 grounds, the five gates (五关), and how it is published. */
export const DEFAULT_CHECKLIST: ChecklistItem[] = [
  item('state_secret', '不涉及国家秘密'),
  item('work_secret', '不涉及工作秘密'),
  item('commercial_secret', '不涉及商业秘密'),
  item('privacy', '不涉及个人隐私，或已去标识化处理'),
  item('security_stability', '公开后不危及国家安全、公共安全、经济安全、社会稳定'),
  item('internal_affairs', '不属于人事管理、后勤管理、内部工作流程等内部事务信息', 'required', true),
  item('process_info', '不属于讨论记录、过程稿、磋商信函、请示报告等过程性信息', 'required', true),
  item('enforcement_file', '不属于行政执法案卷信息', 'required', true),
  item('other_prohibited', '不属于其他法律、行政法规禁止公开的信息'),
  item('political', '政治关：政治表述准确'),
  item('legal', '法律关：符合法律法规'),
  item('policy', '政策关：与现行政策一致'),
  item('confidentiality', '保密关：已按保密规定审查'),
  item('wording', '文字关：无错别字、表述规范', 'recommended'),
  item('manner', '公开方式、范围、时机恰当'),
];

export interface SignableContent extends CatalogueFields {
  categoryId: string;
  bodyHtml: string;
  changeNote: string;
  minorChange: boolean;
  attachments: { name: string; sha256: string }[];
}

/** The exact text a sign-off covers, in a fixed order, so any change gives a different hash. */
export function canonicalContent(e: SignableContent): string {
  return JSON.stringify({
    categoryId: e.categoryId,
    fields: CATALOGUE_FIELD_NAMES.map((name) => [name, e[name]]),
    bodyHtml: e.bodyHtml,
    attachments: e.attachments.map((a) => [a.name, a.sha256]),
    change: [e.changeNote, e.minorChange],
  });
}

export interface SignOffFacts {
  reviewerIsAuthor: boolean;
  reviewerIsReviewer: boolean;
  status: string;
  unansweredRequired: string[];
  failedRequired: string[];
  unresolvedBlocking: number;
  /** 部分公开 must say what was removed; 不予公开 needs its legal basis. */
  decision: 'approve' | 'partial' | 'withhold' | 'return';
  basis: number | null;
  note: string;
}

/** Every reason this decision cannot be recorded, at once. */
export function decisionReasons(f: SignOffFacts): Reason[] {
  const reasons: Reason[] = [];
  if (f.status !== 'submitted') reasons.push({ code: 'review.not_submitted', params: { status: f.status } });
  if (!f.reviewerIsReviewer) reasons.push({ code: 'review.not_reviewer' });
  // 谁起草、谁不能审: the second pair of eyes is enforced here, not in the UI.
  if (f.reviewerIsAuthor) reasons.push({ code: 'review.own_edition' });
  if (f.decision === 'return' || f.decision === 'partial') {
    if (!f.note.trim()) reasons.push({ code: f.decision === 'return' ? 'review.return_reason_required' : 'review.partial_note_required' });
  }
  if (f.decision === 'withhold' && f.basis === null) reasons.push({ code: 'review.basis_required' });
  if (f.decision === 'approve' || f.decision === 'partial') {
    for (const id of f.unansweredRequired) reasons.push({ code: 'review.checklist_open', params: { item: id } });
    for (const id of f.failedRequired) reasons.push({ code: 'review.checklist_failed', params: { item: id } });
    if (f.unresolvedBlocking) reasons.push({ code: 'review.findings_unresolved', params: { count: f.unresolvedBlocking } });
  }
  return reasons;
}
