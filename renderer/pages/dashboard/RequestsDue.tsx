import { Anchor, Paper, Stack, Table, Text } from '@mantine/core';
import { IconMessageQuestion } from '@tabler/icons-react';
import { useI18n } from '../../i18n.js';
import { useQuery } from '../../hooks/useQuery.js';
import { useWorkspace } from '../../workspace.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { DueBadge } from '../requests/DueBadge.js';
import { openRequestLater } from '../requests/open-request.js';
import { QueueHeading } from './QueueHeading.js';
import type { CommandOutput } from '../../../shared/contract.js';
import type { MessageKey } from '../../../shared/i18n/index.js';

type Queue = CommandOutput<'requests.deadlines'>['dueSoon'];

/** Information requests overdue or due within 5 working days (Article 33 of the regulation). */
export function RequestsDue() {
  const { t } = useI18n();
  const deadlines = useQuery('requests.deadlines');
  if (deadlines.error) return <ErrorAlert error={deadlines.error} />;
  if (!deadlines.data) return null;
  return (
    <Stack gap="md" data-testid="requests-due">
      <RequestQueue kind="overdue" color="red" title="requests.due.overdue" empty="requests.due.overdue_empty" queue={deadlines.data.overdue} />
      <RequestQueue kind="due-soon" color="orange" title="requests.due.soon" empty="requests.due.soon_empty" queue={deadlines.data.dueSoon} />
      <Text size="xs" c="dimmed">
        {t('requests.due.rule')}
      </Text>
    </Stack>
  );
}

function RequestQueue({ kind, color, title, empty, queue }: { kind: string; color: string; title: MessageKey; empty: MessageKey; queue: Queue }) {
  const { t } = useI18n();
  const { goTo } = useWorkspace();
  return (
    <Paper withBorder p="md" data-testid={`requests-due-${kind}`}>
      <Stack gap="sm">
        <QueueHeading icon={IconMessageQuestion} color={color} title={title} total={queue.total} />
        {queue.rows.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid={`requests-due-${kind}-empty`}>
            {t(empty)}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing={6} highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={150}>{t('requests.column.number')}</Table.Th>
                  <Table.Th w={110}>{t('requests.column.applicant')}</Table.Th>
                  <Table.Th>{t('requests.column.subject')}</Table.Th>
                  <Table.Th w={240}>{t('requests.column.due')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queue.rows.map((row) => (
                  <Table.Tr key={row.id} data-testid={`requests-due-row-${kind}`} data-request-id={row.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor
                        component="button"
                        size="sm"
                        onClick={() => {
                          openRequestLater(row.id);
                          goTo('requests');
                        }}
                      >
                        {row.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{row.applicantName}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={1}>
                        {row.subject}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <DueBadge due={row.due} provisional={row.provisional} workdaysLeft={row.workdaysLeft} overdue={row.workdaysLeft < 0} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {queue.total > queue.rows.length && (
          <Text size="sm" c="dimmed">
            {t('requests.due.more', { count: queue.total - queue.rows.length })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
