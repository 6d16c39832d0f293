import { notifications } from '@mantine/notifications';
import { ApiFailure } from './api.js';
import { errorMessage, type Translate } from '../shared/i18n/index.js';
import type { ApiError } from '../shared/errors.js';

/** Anything thrown while calling the backend, as a translatable error; unexpected throws count as internal. */
export function toApiError(thrown: unknown): ApiError {
  return thrown instanceof ApiFailure ? thrown.error : { code: 'api.internal' };
}

export function notifyFailure(t: Translate, thrown: unknown): void {
  notifications.show({ color: 'red', title: t('common.failed'), message: errorMessage(t, toApiError(thrown)) });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message });
}
