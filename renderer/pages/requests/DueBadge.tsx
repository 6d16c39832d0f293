import { Badge, Group, Text } from '@mantine/core';
import { useI18n } from '../../i18n.js';

interface DueBadgeProps {
  due: string | null;
  provisional: boolean;
  /** Negative when overdue; null when closed or paused. */
  workdaysLeft: number | null;
  overdue: boolean;
  closed?: boolean;
}

/** The reply date with how much time is left, as the register and the dashboard show it. */
export function DueBadge({ due, provisional, workdaysLeft, overdue, closed = false }: DueBadgeProps) {
  const { t } = useI18n();
  if (due === null) return <Text size="sm" c="dimmed">-</Text>;
  const left =
    closed ? (overdue ? { color: 'red', text: t('requests.badge.closed_late') } : null)
    : workdaysLeft === null ? null
    : overdue || workdaysLeft < 0 ? { color: 'red', text: t('requests.badge.overdue', { count: Math.abs(workdaysLeft) }) }
    : workdaysLeft === 0 ? { color: 'orange', text: t('requests.badge.due_today') }
    : { color: workdaysLeft <= 5 ? 'orange' : 'gray', text: t('requests.badge.left', { count: workdaysLeft }) };
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm">{due}</Text>
      {left && (
        <Badge size="sm" variant="light" color={left.color} data-testid={overdue ? 'request-overdue' : 'request-left'}>
          {left.text}
        </Badge>
      )}
      {provisional && (
        <Badge size="xs" color="orange" variant="outline" data-testid="request-provisional">
          {t('requests.badge.provisional')}
        </Badge>
      )}
    </Group>
  );
}
