import { Badge, Group, Table, Text } from '@mantine/core';
import { useI18n } from '../../i18n.js';
import type { CommandOutput } from '../../../shared/contract.js';
import type { Language, Translate } from '../../../shared/i18n/index.js';

type CalendarDay = Pick<CommandOutput<'calendar.explain'>['days'][number], 'date' | 'kind' | 'name' | 'provisional'>;

/** What the count column says of one day. */
export interface DayCount {
  counted: boolean;
  label: string;
  /** The working day that completes the period, shown in bold. */
  last: boolean;
}

/**
 * Day by day through the working-day calendar: date, weekday, kind of day (provisional ones
 * marked) and what the count made of it; days that do not count are dimmed. Used by the calendar
 * settings' "explain a period" and by a request's "why is it due then".
 */
export function DayCountTable<D extends CalendarDay>({
  days,
  count,
  rowAttributes,
  testId,
  minWidth,
  maxHeight,
}: {
  days: readonly D[];
  count(day: D): DayCount;
  /** The row's data-* attributes, for E2E tests. */
  rowAttributes(day: D): Record<`data-${string}`, string | boolean>;
  testId: string;
  minWidth: number;
  maxHeight: number;
}) {
  const { t, language } = useI18n();
  return (
    <Table.ScrollContainer minWidth={minWidth} mah={maxHeight}>
      <Table verticalSpacing={4} stickyHeader data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('calendar.column.date')}</Table.Th>
            <Table.Th>{t('calendar.column.weekday')}</Table.Th>
            <Table.Th>{t('calendar.column.kind')}</Table.Th>
            <Table.Th>{t('calendar.column.counted')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {days.map((day) => {
            const { counted, label, last } = count(day);
            return (
              <Table.Tr key={day.date} c={counted ? undefined : 'dimmed'} {...rowAttributes(day)}>
                <Table.Td>{day.date}</Table.Td>
                <Table.Td>{weekdayName(day.date, language)}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{dayKind(t, day)}</Text>
                    {day.provisional && (
                      <Badge size="xs" color="orange" variant="outline">
                        {t('dashboard.provisional')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={last ? 700 : undefined}>
                    {label}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function weekdayName(date: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

export function dayKind(t: Translate, day: Pick<CalendarDay, 'kind' | 'name'>): string {
  switch (day.kind) {
    case 'weekday':
      return t('calendar.kind.weekday');
    case 'weekend':
      return t('calendar.kind.weekend');
    case 'holiday':
      return t('calendar.kind.holiday', { name: day.name ?? '' });
    case 'makeup_workday':
      return t('calendar.kind.makeup_workday', { name: day.name ?? '' });
  }
}
