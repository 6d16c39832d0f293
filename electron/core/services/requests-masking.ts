/**
 * Applicants' personal data is shown in full only to the roles that handle requests (officer: 信息员;
 * approver: the office head who approves extensions), and only on a request's detail view. Lists,
 * the dashboard, exports and the audit trail get it masked, and so does everyone else: the masking
 * happens here in the main process, so the unmasked value never reaches a renderer that may not
 * see it.
 *
 * An organisation's name (商业企业, 科研机构 …) is not personal data and stays readable; its
 * contact details are masked like a person's, since they are usually a person's.
 */
import type { Role } from '../../../shared/roles.js';
import type { ApplicantType } from '../../../shared/domain/request-outcomes.js';

export interface ApplicantData {
  name: string;
  idNumber: string;
  phone: string;
  address: string;
  email: string;
}

const HANDLER_ROLES: readonly Role[] = ['officer', 'approver'];

export function handlesRequests(roles: readonly Role[]): boolean {
  return roles.some((r) => HANDLER_ROLES.includes(r));
}

/** Keeps `head` characters at the start and `tail` at the end; masks all of a value too short for that. */
function keepEnds(value: string, head: number, tail: number): string {
  const chars = [...value];
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
}

/** 张三 → 张*, 欧阳修 → 欧**. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? name : chars[0] + '*'.repeat(chars.length - 1);
}

/** First 4 and last 4: 4408**********1234. */
export function maskIdNumber(id: string): string {
  return keepEnds(id, 4, 4);
}

/** First 3 and last 4: 138****5678. */
export function maskPhone(phone: string): string {
  return keepEnds(phone, 3, 4);
}

/** The first 6 characters (province, city, district), then ****. */
export function maskAddress(address: string): string {
  const chars = [...address];
  return chars.length <= 6 ? '*'.repeat(chars.length) : `${chars.slice(0, 6).join('')}****`;
}

/** z***@example.cn */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return keepEnds(email, 1, 0);
  return `${email[0]}***${email.slice(at)}`;
}

export function maskApplicantName(type: ApplicantType, name: string): string {
  return type === 'natural_person' ? maskName(name) : name;
}

export function maskApplicant(type: ApplicantType, a: ApplicantData): ApplicantData {
  return {
    name: maskApplicantName(type, a.name),
    idNumber: a.idNumber && maskIdNumber(a.idNumber),
    phone: a.phone && maskPhone(a.phone),
    address: a.address && maskAddress(a.address),
    email: a.email && maskEmail(a.email),
  };
}
