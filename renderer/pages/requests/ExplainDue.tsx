import { Alert, Badge, Center, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { toApiError } from '../../failures.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { dayKind, weekdayName } from '../settings/CalendarTab.js';
import type { CommandOutput } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';

/** Day by day, why the reply is due when it is: each counted day, each skipped weekend, holiday or paused day. */
export function ExplainDue({ requestId, onClose }: { requestId: string; onClose(): void }) {
  const { t, language } = useI18n();
  const { command } = useSession();
  const [explanation, setExplanation] = useState<CommandOutput<'requests.explainDue'> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    command('requests.explainDue', { requestId }).then(setExplanation, (thrown: unknown) => setError(toApiError(thrown)));
  }, [command, requestId]);

  return (
    <Modal opened onClose={onClose} title={t('requests.explain.title')} size="lg" data-testid="request-explain">
      <ErrorAlert error={error} />
      {!explanation ? (
        !error && (
          <Center p="xl">
            <Loader />
          </Center>
        )
      ) : (
        <Stack gap="sm">
          {explanation.due && explanation.periodStart && (
            <Text fw={600} data-testid="request-explain-due" data-due={explanation.due}>
              {t('requests.explain.summary', { start: explanation.periodStart, workdays: explanation.periodWorkdays, due: explanation.due })}
              {explanation.periodStartEvent === 'correction_received' && ` ${t('requests.explain.after_correction')}`}
            </Text>
          )}
          {explanation.pausedSince && (
            <Text fw={600} data-testid="request-explain-paused">
              {t('requests.explain.paused_since', { date: explanation.pausedSince, counted: explanation.counted })}
            </Text>
          )}
          {explanation.provisional && (
            <Alert color="orange" p="xs">
              {t('calendar.explain_provisional')}
            </Alert>
          )}
          <Table.ScrollContainer minWidth={520} mah={460}>
            <Table verticalSpacing={4} stickyHeader data-testid="request-explain-days">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('calendar.column.date')}</Table.Th>
                  <Table.Th>{t('calendar.column.weekday')}</Table.Th>
                  <Table.Th>{t('calendar.column.kind')}</Table.Th>
                  <Table.Th>{t('calendar.column.counted')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {explanation.days.map((day) => (
                  <Table.Tr key={day.date} c={day.counted ? undefined : 'dimmed'} data-testid="request-explain-day" data-date={day.date} data-counted={day.counted}>
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
                      <Text size="sm" fw={day.ordinal === explanation.periodWorkdays ? 700 : undefined}>
                        {day.ordinal !== null
                          ? t('calendar.counted', { n: day.ordinal })
                          : day.pausedBy
                            ? t(`requests.explain.paused_by.${day.pausedBy}`)
                            : t('calendar.skipped')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Modal>
  );
}
