import { Badge } from '@mantine/core';
import { useI18n } from '../i18n.js';
import { STATUS_COLORS } from '../catalogue.js';
import type { EditionStatus } from '../../shared/domain/catalogue.js';

export function StatusBadge({ status, size = 'sm', testId }: { status: EditionStatus; size?: 'xs' | 'sm' | 'md'; testId?: string }) {
  const { t } = useI18n();
  return (
    <Badge color={STATUS_COLORS[status]} variant={status === 'superseded' ? 'outline' : 'light'} size={size} data-status={status} data-testid={testId}>
      {t(`status.${status}`)}
    </Badge>
  );
}
