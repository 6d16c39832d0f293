import { Alert, Center, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { toApiError } from '../../failures.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { DayCountTable } from '../settings/DayCountTable.js';
import type { CommandOutput } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';

/** Day by day, why the reply is due when it is: each counted day, each skipped weekend, holiday or paused day. */
export function ExplainDue({ requestId, onClose }: { requestId: string; onClose(): void }) {
  const { t } = useI18n();
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
          <DayCountTable
            days={explanation.days}
            count={(day) => ({
              counted: day.counted,
              label: day.ordinal !== null ? t('calendar.counted', { n: day.ordinal }) : day.pausedBy ? t(`requests.explain.paused_by.${day.pausedBy}`) : t('calendar.skipped'),
              last: day.ordinal === explanation.periodWorkdays,
            })}
            rowAttributes={(day) => ({ 'data-testid': 'request-explain-day', 'data-date': day.date, 'data-counted': day.counted })}
            testId="request-explain-days"
            minWidth={520}
            maxHeight={460}
          />
        </Stack>
      )}
    </Modal>
  );
}
