import { Alert, Button, Grid, Group, List, Pagination, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleX, IconInfoCircle, IconSignature } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useWorkspace } from '../../workspace.js';
import { notifySuccess, toApiError } from '../../failures.js';
import { categoryNames } from '../../catalogue.js';
import { reasonMessage } from '../../reasons.js';
import { passwordEnteredProblem } from '../../validation.js';
import { ListPlaceholder } from '../../components/ListPlaceholder.js';
import { activation, EditionCells } from '../../components/EditionRow.js';
import { PasswordField } from '../../components/PasswordField.js';
import { formatShortDateTime } from '../../format.js';
import { NO_SCHEDULE, ScheduleField, scheduledAt, type Schedule } from './ScheduleField.js';
import { errorMessage } from '../../../shared/i18n/index.js';
import type { Category, ItemRow } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';
import type { MessageKey } from '../../../shared/i18n/index.js';

const PAGE_SIZE = 50;

interface Loaded {
  key: string;
  rows: ItemRow[];
  total: number;
}

/** Editions that passed review and wait for an approver's sign-off, the longest-waiting first. */
export function ApprovalQueue({ refreshed, categories }: { refreshed: number; categories: Category[] }) {
  const { t, language } = useI18n();
  const { command, user } = useSession();
  const names = useMemo(() => categoryNames(categories), [categories]);
  const [page, setPage] = useState(1);
  const [reloaded, setReloaded] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [selected, setSelected] = useState<ItemRow | null>(null);
  const canApprove = user.roles.includes('approver');
  const key = `${page}#${refreshed}#${reloaded}`;

  useEffect(() => {
    let current = true;
    command('items.list', { filters: { status: ['reviewed'] }, sort: 'updated_asc', offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }).then(
      ({ rows, total }) => {
        if (!current) return;
        setError(null);
        setLoaded({ key, rows, total });
        // A selection that is no longer waiting (signed off elsewhere, returned) is dropped.
        setSelected((previous) => (previous ? (rows.find((row) => row.editionId === previous.editionId) ?? null) : null));
      },
      (thrown: unknown) => current && setError(toApiError(thrown)),
    );
    return () => {
      current = false;
    };
  }, [command, page, key]);

  if (error || !loaded || loaded.total === 0) return <ListPlaceholder error={error} loading={!loaded} emptyText={t('publishing.approve_empty')} emptyTestId="approval-empty" />;
  const pages = Math.ceil(loaded.total / PAGE_SIZE);
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="xs">
          <Table.ScrollContainer minWidth={760}>
            <Table highlightOnHover verticalSpacing="sm" data-testid="approval-queue">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={210}>{t('catalogue.field.indexNumber')}</Table.Th>
                  <Table.Th>{t('catalogue.field.title')}</Table.Th>
                  <Table.Th w={120}>{t('catalogue.field.category')}</Table.Th>
                  <Table.Th w={100}>{t('drafts.column.author')}</Table.Th>
                  <Table.Th w={140}>{t('publishing.column.updated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {loaded.rows.map((row) => {
                  const active = selected?.editionId === row.editionId;
                  return (
                    <Table.Tr
                      key={row.editionId}
                      {...activation(() => setSelected(row))}
                      aria-selected={active}
                      bg={active ? 'var(--mantine-primary-color-light)' : undefined}
                      data-testid="approval-row"
                      data-edition-id={row.editionId}
                      data-selected={active}
                    >
                      <EditionCells row={row} categoryNames={names} />
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between">
            <Text size="xs" c="dimmed" data-testid="approval-count">
              {t('publishing.approve_count', { total: loaded.total.toLocaleString(language) })}
            </Text>
            {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
          </Group>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        {selected ? (
          <SignOffPanel
            key={selected.editionId}
            row={selected}
            canApprove={canApprove}
            onApproved={() => {
              setSelected(null);
              setReloaded((n) => n + 1);
            }}
          />
        ) : (
          <Paper withBorder p="md">
            <Text size="sm" c="dimmed" data-testid="approval-select-hint">
              {t('publishing.approve_select')}
            </Text>
          </Paper>
        )}
      </Grid.Col>
    </Grid>
  );
}

/** Sign-off: the approver's password again, then the edition (with its reviewed interpretations) goes to the website queue. */
function SignOffPanel({ row, canApprove, onApproved }: { row: ItemRow; canApprove: boolean; onApproved(): void }) {
  const { t, language } = useI18n();
  const { command } = useSession();
  const { openEditor } = useWorkspace();
  const [password, setPassword] = useState('');
  const [schedule, setSchedule] = useState<Schedule>(NO_SCHEDULE);
  const [scheduleProblem, setScheduleProblem] = useState<MessageKey | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (submitting || !canApprove) return;
    const found = passwordEnteredProblem(password);
    const when = scheduledAt(schedule);
    setProblem(found);
    setScheduleProblem(when.problem);
    if (found || when.problem) return;
    setFailure(null);
    setSubmitting(true);
    try {
      const { queued } = await command('publishing.approve', { editionId: row.editionId, password, scheduledAt: when.at });
      notifySuccess(when.at ? t('publishing.scheduled', { count: queued.length, at: formatShortDateTime(when.at, language) }) : t('publishing.approved', { count: queued.length }));
      onApproved();
    } catch (thrown) {
      setFailure(toApiError(thrown));
      setPassword('');
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="approval-panel" data-edition-id={row.editionId}>
      <form onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <Title order={4} data-testid="approval-title">
            {row.title || t('editor.untitled')}
          </Title>
          <Text size="xs" c="dimmed" ff="monospace">
            {row.indexNumber}
          </Text>
          <Group>
            <Button variant="subtle" size="compact-sm" onClick={() => openEditor({ kind: 'edition', editionId: row.editionId })} data-testid="approval-open">
              {t('publishing.approve_open')}
            </Button>
          </Group>
          {canApprove ? (
            <>
              <PasswordField
                label={t('publishing.approve_password')}
                description={t('publishing.approve_password_help')}
                value={password}
                onChange={(event) => {
                  setPassword(event.currentTarget.value);
                  setProblem(null);
                }}
                error={problem ? t(problem) : undefined}
                autoComplete="current-password"
                data-testid="approval-password"
              />
              <ScheduleField
                value={schedule}
                onChange={(next) => {
                  setSchedule(next);
                  setScheduleProblem(null);
                }}
                problem={scheduleProblem}
              />
              {failure && <Refusal error={failure} />}
              <Group>
                <Button type="submit" leftSection={<IconSignature size={16} />} loading={submitting} data-testid="approval-submit">
                  {t('publishing.approve_submit')}
                </Button>
              </Group>
            </>
          ) : (
            <Alert color="gray" icon={<IconInfoCircle />} data-testid="approval-readonly">
              {t('publishing.approve_readonly')}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** The backend's refusal with every reason it gave (not reviewed, sign-off void, own edition, no website column; for withdrawals too). */
export function Refusal({ error, testId = 'approval' }: { error: ApiError; testId?: string }) {
  const { t } = useI18n();
  return (
    <Alert color="red" icon={<IconCircleX />} role="alert" p="xs" data-testid={`${testId}-error`} data-code={error.code}>
      <Text size="sm">{errorMessage(t, error)}</Text>
      {error.reasons && error.reasons.length > 0 && (
        <List size="sm" spacing={2} mt={4}>
          {error.reasons.map((reason, index) => (
            <List.Item key={index} data-testid={`${testId}-reason`} data-code={reason.code}>
              {reasonMessage(t, reason)}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
