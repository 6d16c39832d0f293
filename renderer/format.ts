import { ROLES, type Role } from '../shared/roles.js';
import type { Language, Translate } from '../shared/i18n/index.js';

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

export function formatBytes(bytes: number, language: Language): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < BYTE_UNITS.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(language, { style: 'unit', unit: BYTE_UNITS[unit], maximumFractionDigits: 1 }).format(size);
}

/** Roles in their fixed order (officer first, admin last), whatever order the backend stored them in. */
export function inRoleOrder(roles: readonly Role[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}

/** A plain enumeration without "and": the enumeration comma in Chinese, commas in English. */
export function formatRoles(roles: readonly Role[], t: Translate, language: Language): string {
  const names = inRoleOrder(roles).map((role) => t(`role.${role}`));
  return new Intl.ListFormat(language, { type: 'conjunction', style: 'narrow' }).format(names);
}

/** Date and time to the minute, for dense tables. */
export function formatShortDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}
