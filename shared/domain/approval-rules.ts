/**
 * 签发 (approval) rules: a second person, not the author, approves exactly the content the
 * reviewer signed off, and the item must have a website column to go to.
 */
import type { Reason } from '../errors.js';

export interface ApprovalFacts {
  title: string;
  status: string;
  approverIsAuthor: boolean;
  /** The review sign-off exists, is not void, and matches the content now. */
  signOffValid: boolean;
  columnConfigured: boolean;
}

export function approvalReasons(f: ApprovalFacts): Reason[] {
  const reasons: Reason[] = [];
  if (f.status !== 'reviewed') reasons.push({ code: 'approval.not_reviewed', params: { title: f.title, status: f.status } });
  else if (!f.signOffValid) reasons.push({ code: 'approval.signoff_invalid', params: { title: f.title } });
  if (f.approverIsAuthor) reasons.push({ code: 'approval.own_edition', params: { title: f.title } });
  if (!f.columnConfigured) reasons.push({ code: 'approval.no_column', params: { title: f.title } });
  return reasons;
}

/** 撤稿 reasons, as the publishing API names them: 发布错误, 已失效/废止, 被新信息替代. */
export const WITHDRAWAL_REASONS = ['published_in_error', 'expired_or_repealed', 'superseded'] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];

/** Withdrawing more than this many items in one action needs an explicit confirmation. */
export const MASS_WITHDRAWAL_THRESHOLD = 5;

export interface WithdrawalFacts {
  count: number;
  confirmed: boolean;
  items: { title: string; status: string }[];
  reason: WithdrawalReason;
  replacementPublished: boolean | null;
}

export function withdrawalReasons(f: WithdrawalFacts): Reason[] {
  const reasons: Reason[] = [];
  // A guard against withdrawing a whole column by mistake (Joplin's mass-delete fail-safe).
  if (f.count > MASS_WITHDRAWAL_THRESHOLD && !f.confirmed) reasons.push({ code: 'withdrawal.mass_unconfirmed', params: { count: f.count, threshold: MASS_WITHDRAWAL_THRESHOLD } });
  for (const item of f.items) if (item.status !== 'published') reasons.push({ code: 'withdrawal.not_published', params: { title: item.title, status: item.status } });
  if (f.reason === 'superseded' && !f.replacementPublished) reasons.push({ code: 'withdrawal.replacement_required' });
  return reasons;
}
