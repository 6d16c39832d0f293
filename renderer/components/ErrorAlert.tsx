import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useI18n } from '../i18n.js';
import { errorMessage } from '../../shared/i18n/index.js';
import type { ApiError } from '../../shared/errors.js';

/** A backend error shown next to the form or page it belongs to, in the current language. */
export function ErrorAlert({ error }: { error: ApiError | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle />} role="alert" data-testid="error-alert">
      {errorMessage(t, error)}
    </Alert>
  );
}
