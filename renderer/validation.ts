/**
 * Client-side checks mirroring the contract, so people see what to fix before submitting.
 * The backend checks again; these only return the message key of the problem, or null.
 */
import { parseUnitCode } from '../shared/domain/unit-code.js';
import type { MessageKey } from '../shared/i18n/index.js';

type Problem = MessageKey | null;

export function requiredProblem(value: string): Problem {
  return value.trim() ? null : 'validation.required';
}

/** Passwords are taken exactly as typed, so spaces count and nothing is trimmed. */
export function passwordEnteredProblem(value: string): Problem {
  return value ? null : 'validation.required';
}

export function usernameProblem(value: string): Problem {
  return /^[A-Za-z0-9_.-]{2,32}$/.test(value.trim()) ? null : 'validation.username';
}

export function newPasswordProblem(value: string): Problem {
  return value.length >= 8 && /[A-Za-z]/.test(value) && /\d/.test(value) ? null : 'error.auth.password_too_weak';
}

export function confirmationProblem(password: string, confirmation: string): Problem {
  return password === confirmation ? null : 'validation.password_mismatch';
}

export function rolesProblem(roles: readonly string[]): Problem {
  return roles.length ? null : 'validation.roles';
}

export function unitNameProblem(value: string): Problem {
  return requiredProblem(value) ?? (value.trim().length >= 2 ? null : 'validation.unit_name');
}

export function unitCodeProblem(value: string): Problem {
  return requiredProblem(value) ?? (parseUnitCode(value) ? null : 'error.unit.invalid_code');
}

export function websiteUrlProblem(value: string): Problem {
  if (!value.trim()) return null;
  try {
    return ['http:', 'https:'].includes(new URL(value.trim()).protocol) ? null : 'validation.website_url';
  } catch {
    return 'validation.website_url';
  }
}
