import { isMessageKey } from './i18n.js';
import { EDITION_STATUSES } from '../shared/domain/catalogue.js';
import type { Reason } from '../shared/errors.js';
import type { Translate } from '../shared/i18n/index.js';

/**
 * Why a workflow action is refused (or allowed with a warning), in words: `reason.<code>`, with a
 * status parameter named in the current language. Codes newer than this dictionary show as they are.
 */
export function reasonMessage(t: Translate, reason: Reason): string {
  const key = `reason.${reason.code}`;
  if (!isMessageKey(key)) return reason.code;
  const params = { ...reason.params };
  const status = params.status;
  if (typeof status === 'string' && (EDITION_STATUSES as readonly string[]).includes(status)) {
    params.status = t(`status.${status as (typeof EDITION_STATUSES)[number]}`);
  }
  return t(key, params);
}
