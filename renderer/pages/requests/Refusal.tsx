import { Alert, List, Text } from '@mantine/core';
import { IconCircleX } from '@tabler/icons-react';
import { useI18n } from '../../i18n.js';
import { reasonMessage } from '../../reasons.js';
import { errorMessage } from '../../../shared/i18n/index.js';
import type { ApiError, Reason } from '../../../shared/errors.js';

/** Every reason an action is refused: the backend's answer after a submit, or known before it. */
export function Refusal({ error, reasons, testId = 'request-refusal' }: { error?: ApiError | null; reasons?: Reason[]; testId?: string }) {
  const { t } = useI18n();
  const list = error?.reasons ?? reasons ?? [];
  if (!error && list.length === 0) return null;
  return (
    <Alert color={error ? 'red' : 'gray'} icon={<IconCircleX />} role={error ? 'alert' : undefined} p="xs" data-testid={testId} data-code={error?.code}>
      <Text size="sm">{error ? errorMessage(t, error) : t('requests.action.refused')}</Text>
      {list.length > 0 && (
        <List size="sm" spacing={2} mt={4}>
          {list.map((reason, index) => (
            <List.Item key={index} data-testid="request-reason" data-code={reason.code}>
              {reasonMessage(t, reason)}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
