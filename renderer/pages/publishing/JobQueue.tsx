import { ActionIcon, Anchor, Badge, Button, Center, Group, Loader, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconExternalLink, IconPlayerStop, IconRefresh } from '@tabler/icons-react';
import { Fragment, useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../i18n.js';
import { isMessageKey } from '../../i18n.js';
import { useSession } from '../../session.js';
import { notifyFailure, notifySuccess, toApiError } from '../../failures.js';
import { formatShortDateTime } from '../../format.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import type { CommandInput, CommandOutput } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';

type StateFilter = CommandInput<'publishing.jobs'>['state'];
type Job = CommandOutput<'publishing.jobs'>[number];

const FILTERS: readonly StateFilter[] = ['all', 'pending', 'done', 'failed', 'conflict', 'cancelled'];
const STATE_COLORS: Record<string, string> = { pending: 'blue', done: 'green', failed: 'red', conflict: 'orange', cancelled: 'gray' };
const OUTCOME_COLORS: Record<string, string> = { retry: 'yellow', done: 'green', failed: 'red', conflict: 'orange' };
const REFRESH_MS = 5_000;

/** The website queue: every job's state, its attempts, and retry or cancel for the ones that need a hand. */
export function JobQueue({ refreshed }: { refreshed: number }) {
  const { t, language } = useI18n();
  const { command, user } = useSession();
  const [filter, setFilter] = useState<StateFilter>('all');
  const [jobs, setJobs] = useState<{ filter: StateFilter; rows: Job[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  const canManage = user.roles.includes('approver') || user.roles.includes('admin');
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    command('publishing.jobs', { state: filter }).then(
      (rows) => {
        if (!current) return;
        setError(null);
        setJobs({ filter, rows });
      },
      (thrown: unknown) => current && setError(toApiError(thrown)),
    );
    return () => {
      current = false;
    };
  }, [command, filter, tick, refreshed]);

  // Polls while the tab is on screen; a hidden window skips rounds and catches up when shown again.
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, REFRESH_MS);
    const onVisible = () => document.visibilityState === 'visible' && reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [reload]);

  async function act(job: Job, action: 'retry' | 'cancel') {
    setBusy(job.id);
    try {
      await command(action === 'retry' ? 'publishing.retry' : 'publishing.cancel', { jobId: job.id });
      notifySuccess(t(action === 'retry' ? 'publishing.retried' : 'publishing.cancelled'));
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setBusy(null);
      reload();
    }
  }

  function toggle(id: number) {
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  const stateLabel = (state: string) => {
    const key = `publishing.state.${state}`;
    return isMessageKey(key) ? t(key) : state;
  };
  const outcomeLabel = (outcome: string) => {
    const key = `publishing.outcome.${outcome}`;
    return isMessageKey(key) ? t(key) : outcome;
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          aria-label={t('publishing.filter')}
          value={filter}
          onChange={(value) => setFilter(value as StateFilter)}
          data={FILTERS.map((value) => ({ value, label: t(`publishing.state.${value}`) }))}
          data-testid="jobs-filter"
        />
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            {t('publishing.jobs_auto_refresh')}
          </Text>
          <Button variant="default" size="xs" leftSection={<IconRefresh size={14} />} onClick={reload} data-testid="jobs-refresh">
            {t('publishing.refresh')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={error} />
      {!jobs || jobs.filter !== filter ? (
        !error && (
          <Center p="xl">
            <Loader />
          </Center>
        )
      ) : jobs.rows.length === 0 ? (
        <Center p="xl" data-testid="jobs-empty">
          <Text c="dimmed">{t('publishing.jobs_empty')}</Text>
        </Center>
      ) : (
        <Table.ScrollContainer minWidth={960}>
          <Table verticalSpacing="sm" data-testid="jobs-table" data-filter={filter}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36} />
                <Table.Th>{t('publishing.column.title')}</Table.Th>
                <Table.Th w={100}>{t('publishing.column.state')}</Table.Th>
                <Table.Th w={90}>{t('publishing.column.attempts')}</Table.Th>
                <Table.Th w={220}>{t('publishing.column.last_error')}</Table.Th>
                <Table.Th w={90}>{t('publishing.column.link')}</Table.Th>
                <Table.Th w={140}>{t('publishing.column.updated')}</Table.Th>
                {canManage && <Table.Th w={190}>{t('publishing.column.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.rows.map((job) => {
                const open = expanded.has(job.id);
                const retryable = job.state === 'failed' || job.state === 'conflict';
                const cancellable = retryable || job.state === 'pending';
                return (
                  <Fragment key={job.id}>
                    <Table.Tr data-testid="job-row" data-job-id={job.id} data-edition-id={job.editionId} data-state={job.state}>
                      <Table.Td>
                        <ActionIcon variant="subtle" color="gray" onClick={() => toggle(job.id)} aria-expanded={open} aria-label={t('publishing.history_show')} data-testid="job-toggle">
                          {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                        </ActionIcon>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500} data-testid="job-title">
                          {job.title || t('editor.untitled')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={STATE_COLORS[job.state] ?? 'gray'} data-testid="job-state" data-state={job.state}>
                          {stateLabel(job.state)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" data-testid="job-attempts">
                          {job.attempts}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" c="red" lineClamp={3} style={{ wordBreak: 'break-word' }} data-testid="job-error">
                          {job.lastError}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {job.url && (
                          <Anchor href={job.url} target="_blank" rel="noopener noreferrer" size="sm" title={job.url} data-testid="job-link">
                            <Group gap={4} wrap="nowrap">
                              {t('publishing.open_link')}
                              <IconExternalLink size={14} />
                            </Group>
                          </Anchor>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" data-testid="job-updated">
                          {formatShortDateTime(job.updatedAt, language)}
                        </Text>
                      </Table.Td>
                      {canManage && (
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            {retryable && (
                              <Button size="compact-sm" variant="light" leftSection={<IconRefresh size={14} />} loading={busy === job.id} onClick={() => void act(job, 'retry')} data-testid="job-retry">
                                {t('publishing.retry')}
                              </Button>
                            )}
                            {cancellable && (
                              <Button size="compact-sm" variant="subtle" color="red" leftSection={<IconPlayerStop size={14} />} disabled={busy === job.id} onClick={() => void act(job, 'cancel')} data-testid="job-cancel">
                                {t('publishing.cancel')}
                              </Button>
                            )}
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                    {open && (
                      <Table.Tr data-testid="job-history" data-job-id={job.id}>
                        <Table.Td />
                        <Table.Td colSpan={canManage ? 7 : 6}>
                          <AttemptHistory job={job} outcomeLabel={outcomeLabel} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function AttemptHistory({ job, outcomeLabel }: { job: Job; outcomeLabel(outcome: string): string }) {
  const { t, language } = useI18n();
  if (job.history.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('publishing.history_empty')}
      </Text>
    );
  }
  return (
    <Table withTableBorder verticalSpacing={4} fz="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={140}>{t('publishing.history.time')}</Table.Th>
          <Table.Th w={100}>{t('publishing.history.outcome')}</Table.Th>
          <Table.Th w={100}>{t('publishing.history.status')}</Table.Th>
          <Table.Th>{t('publishing.history.message')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {job.history.map((attempt, index) => (
          <Table.Tr key={index} data-testid="job-attempt" data-outcome={attempt.outcome}>
            <Table.Td>{formatShortDateTime(attempt.at, language)}</Table.Td>
            <Table.Td>
              <Badge size="xs" variant="light" color={OUTCOME_COLORS[attempt.outcome] ?? 'gray'}>
                {outcomeLabel(attempt.outcome)}
              </Badge>
            </Table.Td>
            <Table.Td data-testid="job-attempt-status">{attempt.status === null ? t('publishing.network_error') : attempt.status}</Table.Td>
            <Table.Td style={{ wordBreak: 'break-word' }}>{attempt.message}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
