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
