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
  // Crash and fault safety: storage failures, the instance lock, restoring a backup.
  'db.in_use',
  'db.locked',
  'db.disk_full',
  'db.read_only',
  'db.io_error',
  'restore.not_found',
  'restore.unreadable',
  'restore.corrupt',
  'restore.not_gongkai',
  'restore.newer_schema',
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
  'workflow.not_author',
  'approval.refused',
  'withdrawal.refused',
  'publishing.job_not_changeable',
  'publishing.package_empty',
  // website target, credentials and network
  'publishing.url_invalid',
  'publishing.url_insecure',
  'publishing.proxy_invalid',
  'publishing.username_required',
  'publishing.weak_storage_unconfirmed',
  'publishing.ca_invalid',
  'publishing.ca_expired',
  'publishing.ca_not_yet_valid',
  'publishing.not_configured',
  'publishing.connection_failed',
  'publishing.connection_certificate',
  'publishing.connection_rejected',
  'publishing.connection_error',
  'review.refused',
  'review.not_submitted',
  'review.unknown_item',
  'review.not_waivable',
  'review.unknown_finding',
  'interpretations.not_interpretation',
  'interpretations.not_document',
  'calendar.year_not_loaded',
  // 依申请公开 requests
  'requests.not_found',
  'requests.refused',
  'requests.not_an_approver',
  // 告知书与登记簿
  'letters.unknown_placeholder',
  'letters.not_available',
  'complaints.not_found',
  'complaints.unknown_item',
  'complaints.unknown_assignee',
  'complaints.reply_incomplete',
  'complaints.fix_missing',
  'complaints.replied_before_received',
  'appeals.not_found',
  'appeals.unknown_request',
  'appeals.decided_on_required',
  'appeals.decided_before_filed',
  // 年度报告 annual report
  'report.checks_failed',
  'report.snapshot_not_found',
  'report.unknown_cell',
  'report.item_exists',
  // demo data sets
  'demo.store_not_empty',
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
