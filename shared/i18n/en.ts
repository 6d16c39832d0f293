import type { MessageKey } from './zh-CN.js';

/** English: complete, key for key; the type makes a missing key a compile error. */
export const en: Record<MessageKey, string> = {
  'app.name': 'Gongkai Desk',
  'app.name_en': 'Gongkai Desk',

  'error.api.unknown_command': 'Unknown command: {name}',
  'error.api.invalid_input': 'Invalid input; please check: {fields}',
  'error.api.internal': 'Internal error: the action was not completed and saved data is unaffected. Try again or contact your administrator.',
  'error.api.bad_origin': 'Requests from this origin are not allowed.',
  'error.api.bad_token': 'Invalid access token. Open the app with the full address printed at start-up.',
  'error.api.bad_host': 'Requests for this host name are not allowed.',
  'error.api.payload_too_large': 'The request is too large.',
  'error.auth.required': 'Please sign in.',
  'error.auth.forbidden': 'You do not have permission for this action (role needed: {roles}).',
  'error.auth.session_locked': 'The screen is locked. Enter your password to unlock.',
  'error.auth.login_failed': 'Wrong user name or password.',
  'error.auth.account_locked': 'Too many wrong passwords: the account is locked. Try again in {minutes} minutes or ask an administrator.',
  'error.auth.account_disabled': 'This account is disabled. Contact your administrator.',
  'error.auth.wrong_password': 'Wrong password.',
  'error.auth.password_too_weak': 'Passwords need at least 8 characters, with both letters and digits.',
  'error.setup.already_done': 'This unit has already been set up.',
  'error.setup.required': 'Please complete the first-run setup.',
  'error.unit.invalid_code': 'Invalid unit code: enter a 9-character organisation code or an 18-character unified social credit code (with its check character).',
  'error.users.username_taken': 'The user name "{username}" is already taken.',
  'error.users.not_found': 'User not found.',
  'error.users.last_admin': 'At least one enabled administrator must remain.',
  'error.users.cannot_disable_self': 'You cannot disable your own account.',
  'error.db.corrupt': 'The database file is damaged ({detail}). Restore from a backup or contact IT staff.',
  'error.db.newer_schema': 'The database was created by a newer version of the app (version {found}; this app supports {supported}). Please upgrade.',
  'error.backup.exists': 'The target file already exists: {file}',
  'error.backup.failed': 'Backup failed: {detail}',
};
