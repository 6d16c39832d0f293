import { Anchor, Badge, Center, Group, Loader, Pagination, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { toApiError } from '../../failures.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { DueBadge } from './DueBadge.js';
import type { CommandInput, CommandOutput } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';

const PAGE_SIZE = 50;
const FILTERS = ['all', 'open', 'due_soon', 'overdue', 'closed'] as const;
type Filter = CommandInput<'requests.list'>['state'];

/** The register: masked applicants, newest first, with each open request's time left. */
export function RequestList({ refreshed, onOpen }: { refreshed: number; onOpen(id: string): void }) {
  const { t, language } = useI18n();
  const { command } = useSession();
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const [loaded, setLoaded] = useState<CommandOutput<'requests.list'> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let current = true;
    command('requests.list', { state: filter, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }).then(
      (result) => {
        if (!current) return;
        setError(null);
        setLoaded(result);
      },
      (thrown: unknown) => current && setError(toApiError(thrown)),
    );
    return () => {
      current = false;
    };
  }, [command, filter, page, refreshed]);

  const pages = loaded ? Math.ceil(loaded.total / PAGE_SIZE) : 0;
  return (
    <Stack gap="sm">
      <SegmentedControl
        w="fit-content"
        value={filter}
        onChange={(value) => {
          setFilter(value as Filter);
          setPage(1);
        }}
        data={FILTERS.map((f) => ({ value: f, label: t(`requests.filter.${f}`) }))}
        data-testid="requests-filter"
      />
      <ErrorAlert error={error} />
      {!loaded ? (
        !error && (
          <Center p="xl">
            <Loader />
          </Center>
        )
      ) : loaded.total === 0 ? (
        <Text c="dimmed" p="md" data-testid="requests-empty">
          {t('requests.empty')}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table highlightOnHover verticalSpacing="sm" data-testid="requests-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={150}>{t('requests.column.number')}</Table.Th>
                  <Table.Th w={110}>{t('requests.column.received')}</Table.Th>
                  <Table.Th w={140}>{t('requests.column.applicant')}</Table.Th>
                  <Table.Th>{t('requests.column.subject')}</Table.Th>
                  <Table.Th w={110}>{t('requests.column.state')}</Table.Th>
                  <Table.Th w={240}>{t('requests.column.due')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {loaded.rows.map((row) => (
                  <Table.Tr key={row.id} data-testid="request-row" data-request-id={row.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component="button" size="sm" onClick={() => onOpen(row.id)} data-testid="request-open">
                        {row.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{row.receivedOn}</Table.Td>
                    <Table.Td data-testid="request-applicant">{row.applicantName}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {row.subject}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={row.state === 'closed' ? 'gray' : 'blue'} data-testid="request-state" data-state={row.state}>
                        {t(`requests.state.${row.state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <DueBadge due={row.due} provisional={row.provisional} workdaysLeft={row.workdaysLeft} overdue={row.overdue} closed={row.state === 'closed'} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between">
            <Text size="xs" c="dimmed" data-testid="requests-count">
              {t('requests.count', { total: loaded.total.toLocaleString(language) })}
            </Text>
            {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
          </Group>
        </>
      )}
    </Stack>
  );
}
