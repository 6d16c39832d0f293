import { Anchor, Badge, Center, Group, Loader, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlarm, IconClockExclamation } from '@tabler/icons-react';
import type { Icon } from '@tabler/icons-react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useQuery } from '../../hooks/useQuery.js';
import { useWorkspace } from '../../workspace.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { AutosaveBanner } from '../drafts/AutosaveBanner.js';
import type { CommandOutput } from '../../../shared/contract.js';
import type { MessageKey } from '../../../shared/i18n/index.js';

type DeadlineQueue = CommandOutput<'dashboard.deadlines'>['dueSoon'];

/** The work queue: proactive items whose statutory 20-working-day deadline is near or past. */
export function DashboardPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const deadlines = useQuery('dashboard.deadlines');

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={2}>{t('nav.dashboard')}</Title>
        <Text size="sm" c="dimmed">
          {deadlines.data ? t('dashboard.intro_today', { today: deadlines.data.today }) : t('dashboard.intro')}
        </Text>
      </Stack>
      {user.roles.includes('officer') && <AutosaveBanner />}
      <ErrorAlert error={deadlines.error} />
      {deadlines.data ? (
        <Stack gap="md">
          <DeadlineList
            kind="overdue"
            icon={IconClockExclamation}
            color="red"
            title="dashboard.overdue"
            empty="dashboard.overdue_empty"
            queue={deadlines.data.overdue}
          />
          <DeadlineList
            kind="due-soon"
            icon={IconAlarm}
            color="orange"
            title="dashboard.due_soon"
            empty="dashboard.due_soon_empty"
            queue={deadlines.data.dueSoon}
          />
        </Stack>
      ) : (
        !deadlines.error && (
          <Center p="xl">
            <Loader />
          </Center>
        )
      )}
      <Text size="xs" c="dimmed">
        {t('dashboard.rule')}
      </Text>
    </Stack>
  );
}

interface DeadlineListProps {
  kind: 'overdue' | 'due-soon';
  icon: Icon;
  color: string;
  title: MessageKey;
  empty: MessageKey;
  queue: DeadlineQueue;
}

function DeadlineList({ kind, icon: ListIcon, color, title, empty, queue }: DeadlineListProps) {
  const { rows } = queue;
  const { t } = useI18n();
  const { openEditor } = useWorkspace();
  return (
    <Paper withBorder p="md" data-testid={`deadlines-${kind}`}>
      <Stack gap="sm">
        <Group gap="xs">
          <ListIcon size={20} color={`var(--mantine-color-${color}-6)`} />
          <Title order={4}>{t(title)}</Title>
          <Badge color={color} variant="light">
            {queue.total}
          </Badge>
        </Group>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed" py="sm" data-testid={`deadlines-${kind}-empty`}>
            {t(empty)}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing={6} highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('catalogue.field.title')}</Table.Th>
                  <Table.Th w={110}>{t('catalogue.field.writtenDate')}</Table.Th>
                  <Table.Th w={160}>{t('dashboard.column.due')}</Table.Th>
                  <Table.Th w={170}>{t('dashboard.column.left')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.editionId} data-testid={`deadline-row-${kind}`} data-edition-id={row.editionId}>
                    <Table.Td>
                      <Anchor
                        component="button"
                        size="sm"
                        ta="left"
                        onClick={() => openEditor({ kind: 'edition', editionId: row.editionId })}
                        data-testid="deadline-open"
                      >
                        {row.title || t('editor.untitled')}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.writtenDate}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Text size="sm">{row.due}</Text>
                        {row.provisional && (
                          <Tooltip label={t('editor.due_provisional')} multiline w={260}>
                            <Badge size="xs" color="orange" variant="outline" data-testid="deadline-provisional">
                              {t('dashboard.provisional')}
                            </Badge>
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={row.workdaysLeft < 0 ? 'red' : row.workdaysLeft <= 2 ? 'orange.8' : undefined} fw={500}>
                        {row.workdaysLeft < 0
                          ? t('dashboard.overdue_by', { count: -row.workdaysLeft })
                          : kind === 'overdue'
                            ? t('dashboard.overdue_short')
                          : row.workdaysLeft === 0
                            ? t('dashboard.due_today')
                            : t('dashboard.left', { count: row.workdaysLeft })}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {queue.total > queue.rows.length && (
          <Text size="sm" c="dimmed" data-testid={`deadlines-${kind}-more`}>
            {t('dashboard.more', { count: queue.total - queue.rows.length })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
