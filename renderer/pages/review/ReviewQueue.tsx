import { Badge, Button, Center, Group, Loader, Pagination, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { toApiError } from '../../failures.js';
import { categoryNames } from '../../catalogue.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { activation, EditionCells } from '../../components/EditionRow.js';
import type { Category, ItemRow } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';

const PAGE_SIZE = 50;

export type QueueTab = 'pending' | 'reviewed';

/** Awaiting review: the longest-waiting first. Reviewed: the latest first. */
const QUERY = {
  pending: { status: 'submitted', sort: 'updated_asc' },
  reviewed: { status: 'reviewed', sort: 'updated_desc' },
} as const;

interface Page {
  key: string;
  rows: ItemRow[];
  total: number;
}

interface ReviewQueueProps {
  tab: QueueTab;
  onTabChange(tab: QueueTab): void;
  page: number;
  onPageChange(page: number): void;
  categories: Category[];
  onOpen(editionId: string): void;
}

/** The reviewer's queue: editions submitted for review, and those that have passed. */
export function ReviewQueue({ tab, onTabChange, page, onPageChange, categories, onOpen }: ReviewQueueProps) {
  const { t } = useI18n();
  const { command } = useSession();
  const [counts, setCounts] = useState<Record<QueueTab, number | null>>({ pending: null, reviewed: null });
  const [refreshed, setRefreshed] = useState(0);

  // The tab badges: how many wait, how many passed (one row each, only the totals are used).
  useEffect(() => {
    let current = true;
    for (const which of ['pending', 'reviewed'] as const) {
      command('items.list', { filters: { status: [QUERY[which].status] }, sort: QUERY[which].sort, offset: 0, limit: 1 }).then(
        ({ total }) => current && setCounts((previous) => ({ ...previous, [which]: total })),
        () => undefined, // the list below shows the error
      );
    }
    return () => {
      current = false;
    };
  }, [command, refreshed]);

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Title order={2}>{t('nav.review')}</Title>
        <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => setRefreshed((n) => n + 1)} data-testid="review-refresh">
          {t('review.refresh')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('review.intro')}
      </Text>
      <Tabs value={tab} onChange={(value) => value && onTabChange(value as QueueTab)}>
        <Tabs.List>
          {(['pending', 'reviewed'] as const).map((which) => (
            <Tabs.Tab
              key={which}
              value={which}
              data-testid={`review-tab-${which}`}
              rightSection={
                counts[which] !== null ? (
                  <Badge size="sm" variant="light" color={which === 'pending' && counts[which] ? 'blue' : 'gray'} data-testid={`review-tab-${which}-count`}>
                    {counts[which]}
                  </Badge>
                ) : null
              }
            >
              {t(`review.tab.${which}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <QueueTable key={`${tab}-${refreshed}`} tab={tab} page={page} onPageChange={onPageChange} categories={categories} onOpen={onOpen} />
    </Stack>
  );
}

interface QueueTableProps {
  tab: QueueTab;
  page: number;
  onPageChange(page: number): void;
  categories: Category[];
  onOpen(editionId: string): void;
}

function QueueTable({ tab, page, onPageChange, categories, onOpen }: QueueTableProps) {
  const { t, language } = useI18n();
  const { command } = useSession();
  const names = useMemo(() => categoryNames(categories), [categories]);
  const key = `${tab}#${page}`;
  const [loaded, setLoaded] = useState<Page | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let current = true;
    const { status, sort } = QUERY[tab];
    command('items.list', { filters: { status: [status] }, sort, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }).then(
      ({ rows, total }) => {
        if (!current) return;
        setError(null);
        setLoaded({ key, rows, total });
      },
      (thrown: unknown) => current && setError(toApiError(thrown)),
    );
    return () => {
      current = false;
    };
  }, [command, tab, page, key]);

  if (error) return <ErrorAlert error={error} />;
  if (!loaded || loaded.key !== key) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  if (loaded.total === 0) {
    return (
      <Center p="xl" data-testid="review-queue-empty">
        <Text c="dimmed">{t(tab === 'pending' ? 'review.pending_empty' : 'review.reviewed_empty')}</Text>
      </Center>
    );
  }
  const pages = Math.ceil(loaded.total / PAGE_SIZE);
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={900}>
        <Table highlightOnHover verticalSpacing="sm" data-testid="review-queue" data-tab={tab}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={230}>{t('catalogue.field.indexNumber')}</Table.Th>
              <Table.Th>{t('catalogue.field.title')}</Table.Th>
              <Table.Th w={130}>{t('catalogue.field.category')}</Table.Th>
              <Table.Th w={110}>{t('drafts.column.author')}</Table.Th>
              <Table.Th w={150}>{t(tab === 'pending' ? 'review.column.submitted' : 'review.column.reviewed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loaded.rows.map((row) => (
              <Table.Tr
                key={row.editionId}
                {...activation(() => onOpen(row.editionId))}
                data-testid="review-queue-row"
                data-edition-id={row.editionId}
              >
                <EditionCells row={row} categoryNames={names} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Text size="xs" c="dimmed" data-testid="review-queue-count">
          {t('review.count', { total: loaded.total.toLocaleString(language) })}
        </Text>
        {pages > 1 && <Pagination total={pages} value={page} onChange={onPageChange} size="sm" />}
      </Group>
    </Stack>
  );
}
