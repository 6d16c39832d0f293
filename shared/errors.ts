/**
 * Errors are values with a code, translated in the UI (`error.<code>` in the i18n dictionaries).
 * Services throw AppError; the gate turns it into `{ ok: false, error: { code, params } }`.
 */
export const ERROR_CODES = [
  'api.unknown_command',
  'api.invalid_input',
  'api.internal',
  'api.bad_origin',
  'api.bad_token',
  'api.bad_host',
  'api.payload_too_large',
  'auth.required',
  'auth.forbidden',
  'auth.session_locked',
  'auth.login_failed',
  'auth.account_locked',
  'auth.account_disabled',
  'auth.wrong_password',
  'auth.password_too_weak',
  'setup.already_done',
  'setup.required',
  'unit.invalid_code',
  'users.username_taken',
  'users.not_found',
  'users.last_admin',
  'users.cannot_disable_self',
  'db.corrupt',
  'db.newer_schema',
  'backup.exists',
  'backup.failed',
  'items.not_found',
  'items.not_editable',
  'items.open_edition_exists',
  'items.unknown_category',
  'categories.invalid_parent',
  'catalogue.invalid_index_pattern',
  'attachments.bad_data',
  'attachments.too_large',
  'attachments.empty',
  'attachments.not_found',
  'attachments.missing_file',
  'attachments.open_unavailable',
  'docx.not_docx',
  'docx.unreadable',
  'calendar.invalid_import',
  'extract.damaged',
  'extract.too_large',
  'extract.entity_bomb',
  'extract.encrypted',
  'workflow.refused',
  'approval.refused',
  'withdrawal.refused',
  'publishing.job_not_changeable',
  'review.refused',
  'review.not_submitted',
  'review.unknown_item',
  'review.not_waivable',
  'review.unknown_finding',
  'interpretations.not_interpretation',
  'interpretations.not_document',
  'calendar.year_not_loaded',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export type ErrorParams = Record<string, string | number>;

/** One reason an action is refused (or, as a warning, allowed with caution). */
export interface Reason {
  code: string;
  params?: ErrorParams;
}

export interface ApiError {
  code: ErrorCode;
  params?: ErrorParams;
  /** Every reason, for actions that check several rules before refusing. */
  reasons?: Reason[];
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    readonly reasons: Reason[] = [],
  ) {
    super(`${code} ${JSON.stringify(params)}${reasons.length ? ` ${JSON.stringify(reasons)}` : ''}`);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      ...(Object.keys(this.params).length ? { params: this.params } : {}),
      ...(this.reasons.length ? { reasons: this.reasons } : {}),
    };
  }
}
