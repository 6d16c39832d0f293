import { Anchor, Badge, Center, Group, Loader, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlarm, IconClockExclamation, IconMessageCircle, IconMessageExclamation } from '@tabler/icons-react';
import type { Icon } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useQuery } from '../../hooks/useQuery.js';
import { useWorkspace } from '../../workspace.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { AutosaveBanner } from '../drafts/AutosaveBanner.js';
import { QueueHeading } from './QueueHeading.js';
import { RequestsDue } from './RequestsDue.js';
import { WorkQueues } from './WorkQueues.js';
import { YearFigures } from './YearFigures.js';
import { useSummary } from './useSummary.js';
import type { CommandOutput } from '../../../shared/contract.js';
import type { MessageKey } from '../../../shared/i18n/index.js';

/** What every deadline row has: the item to open, its due date and the working days left. */
interface DueRow {
  editionId: string;
  title: string;
  due: string;
  provisional: boolean;
  /** Negative when overdue. */
  workdaysLeft: number;
}

/** A column between the title and the due date, particular to one kind of queue. */
interface Column<R> {
  header: MessageKey;
  width?: number | string;
  cell(row: R): ReactNode;
}

type Deadlines = CommandOutput<'dashboard.deadlines'>;
type ProactiveRow = Deadlines['dueSoon']['rows'][number];
type InterpretationRow = Deadlines['interpretationsDueSoon']['rows'][number];

const PROACTIVE_COLUMNS: Column<ProactiveRow>[] = [{ header: 'catalogue.field.writtenDate', width: 110, cell: (row) => <Text size="sm">{row.writtenDate}</Text> }];

const INTERPRETATION_COLUMNS: Column<InterpretationRow>[] = [
  {
    header: 'dashboard.column.document',
    width: '30%',
    cell: (row) => (
      <Text size="sm" data-testid="deadline-document">
        {row.documentTitle}
      </Text>
    ),
  },
  { header: 'dashboard.column.document_published', width: 120, cell: (row) => <Text size="sm">{row.documentPublished}</Text> },
];

/**
 * The dashboard: the work queues (editions awaiting review or sign-off, stopped publishing jobs), a
 * year's figures, proactive items whose statutory 20-working-day deadline is near or past,
 * interpretations due a few working days after their document was published, and requests due.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const deadlines = useQuery('dashboard.deadlines');
  const interpretationSettings = useQuery('interpretations.settings');
  // null: this year by the clock, until the officer picks another year.
  const [year, setYear] = useState<number | null>(null);
  const summary = useSummary(year);

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={2}>{t('nav.dashboard')}</Title>
        <Text size="sm" c="dimmed">
          {deadlines.data ? t('dashboard.intro_today', { today: deadlines.data.today }) : t('dashboard.intro')}
        </Text>
      </Stack>
      {user.roles.includes('officer') && <AutosaveBanner />}
      <ErrorAlert error={summary.error} />
      {summary.data && <WorkQueues queues={summary.data.queues} />}
      {summary.data && <YearFigures summary={summary.data} onYear={setYear} />}
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
            columns={PROACTIVE_COLUMNS}
            dueHeader="dashboard.column.due"
            more="dashboard.more"
            overdue
          />
          <DeadlineList
            kind="due-soon"
            icon={IconAlarm}
            color="orange"
            title="dashboard.due_soon"
            empty="dashboard.due_soon_empty"
            queue={deadlines.data.dueSoon}
            columns={PROACTIVE_COLUMNS}
            dueHeader="dashboard.column.due"
            more="dashboard.more"
          />
          <DeadlineList
            kind="interpretations-overdue"
            icon={IconMessageExclamation}
            color="red"
            title="dashboard.interpretations_overdue"
            empty="dashboard.interpretations_overdue_empty"
            queue={deadlines.data.interpretationsOverdue}
            columns={INTERPRETATION_COLUMNS}
            dueHeader="dashboard.column.release_due"
            more="dashboard.more_interpretations"
            overdue
          />
          <DeadlineList
            kind="interpretations-due-soon"
            icon={IconMessageCircle}
            color="orange"
            title="dashboard.interpretations_due_soon"
            empty="dashboard.interpretations_due_soon_empty"
            queue={deadlines.data.interpretationsDueSoon}
            columns={INTERPRETATION_COLUMNS}
            dueHeader="dashboard.column.release_due"
            more="dashboard.more_interpretations"
          />
        </Stack>
      ) : (
        !deadlines.error && (
          <Center p="xl">
            <Loader />
          </Center>
        )
      )}
      <RequestsDue />
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          {t('dashboard.rule')}
        </Text>
        {interpretationSettings.data && (
          <Text size="xs" c="dimmed" data-testid="dashboard-interpretation-rule">
            {t('dashboard.interpretation_rule', { workdays: interpretationSettings.data.dueWorkdays })}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}

interface DeadlineListProps<R extends DueRow> {
  kind: string;
  icon: Icon;
  color: string;
  title: MessageKey;
  empty: MessageKey;
  queue: { rows: R[]; total: number };
  columns: Column<R>[];
  /** The heading of the due-date column: disclose by, or release by. */
  dueHeader: MessageKey;
  /** Said when the queue holds more than it lists ({count}). */
  more: MessageKey;
  /** Every row is past its due date. */
  overdue?: boolean;
}

function DeadlineList<R extends DueRow>({ kind, icon, color, title, empty, queue, columns, dueHeader, more, overdue = false }: DeadlineListProps<R>) {
  const { rows } = queue;
  const { t } = useI18n();
  const { openEditor } = useWorkspace();
  return (
    <Paper withBorder p="md" data-testid={`deadlines-${kind}`}>
      <Stack gap="sm">
        <QueueHeading icon={icon} color={color} title={title} total={queue.total} />
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed" py="sm" data-testid={`deadlines-${kind}-empty`}>
            {t(empty)}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520 + columns.length * 60}>
            <Table verticalSpacing={6} highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('catalogue.field.title')}</Table.Th>
                  {columns.map((column) => (
                    <Table.Th key={column.header} w={column.width}>
                      {t(column.header)}
                    </Table.Th>
                  ))}
                  <Table.Th w={160}>{t(dueHeader)}</Table.Th>
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
                    {columns.map((column) => (
                      <Table.Td key={column.header}>{column.cell(row)}</Table.Td>
                    ))}
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
                          : overdue
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
            {t(more, { count: queue.total - queue.rows.length })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
