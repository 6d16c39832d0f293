import { Box, Button, Center, Group, Skeleton, Text, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useWorkspace, type EditorTarget } from '../../workspace.js';
import { toApiError } from '../../failures.js';
import { formatShortDateTime } from '../../format.js';
import { categoryNames } from '../../catalogue.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { LinkCount } from '../../components/LinkCount.js';
import { hasFilters, toListFilters, type Filters, type Sort } from './ItemFilters.js';
import type { Category, CommandInput, ItemRow } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';
import type { MessageKey } from '../../../shared/i18n/index.js';

const PAGE_SIZE = 100;
/** While the list keeps scrolling, the rows coming into view are fetched at most this often. */
const FETCH_INTERVAL_MS = 100;
/** Pages kept in memory; scrolling far away drops the ones furthest from where the user is. */
const MAX_PAGES = 30;
const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 36;

type ListInput = Omit<CommandInput<'items.list'>, 'offset' | 'limit'>;

/** The fetched pages of one query (filters and sort); a new query starts empty. */
interface Pages {
  key: string;
  total: number | null;
  pages: Map<number, ItemRow[]>;
  error: ApiError | null;
}

const COLUMNS: { key: MessageKey; width: string }[] = [
  { key: 'catalogue.field.indexNumber', width: '240px' },
  { key: 'catalogue.field.title', width: 'minmax(260px, 1fr)' },
  { key: 'catalogue.field.category', width: '120px' },
  { key: 'drafts.column.status', width: '92px' },
  { key: 'catalogue.field.documentNumber', width: '160px' },
  { key: 'catalogue.field.writtenDate', width: '100px' },
  { key: 'catalogue.field.draftingUnit', width: '140px' },
  { key: 'drafts.column.author', width: '90px' },
  { key: 'drafts.column.updated', width: '140px' },
];
const GRID = COLUMNS.map((c) => c.width).join(' ');
const MIN_WIDTH = 1280;

/**
 * Rows are fetched a page at a time as they scroll into view, and only the visible ones are in
 * the DOM: the list stays smooth with a hundred thousand items.
 */
function usePagedRows(input: ListInput) {
  const { command } = useSession();
  const key = JSON.stringify(input);
  const [state, setState] = useState<Pages>({ key, total: null, pages: new Map(), error: null });
  const latestKey = useRef(key);
  const loading = useRef(new Set<string>());

  useEffect(() => {
    latestKey.current = key;
  }, [key]);

  const current: Pages = state.key === key ? state : { key, total: null, pages: new Map(), error: null };

  /** Fetches the pages covering rows `from`..`to` that are neither loaded nor on their way. */
  function load(from: number, to: number): void {
    const first = Math.floor(Math.max(0, from) / PAGE_SIZE);
    const last = Math.floor(Math.max(0, to) / PAGE_SIZE);
    for (let page = first; page <= last; page++) {
      const id = `${key}#${page}`;
      if (current.pages.has(page) || loading.current.has(id)) continue;
      loading.current.add(id);
      command('items.list', { ...input, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        ({ rows, total }) => {
          loading.current.delete(id);
          if (latestKey.current !== key) return;
          setState((previous) => {
            const base = previous.key === key ? previous.pages : new Map<number, ItemRow[]>();
            const pages = new Map(base).set(page, rows);
            while (pages.size > MAX_PAGES) {
              const furthest = [...pages.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page))[0]!;
              pages.delete(furthest);
            }
            return { key, total, pages, error: null };
          });
        },
        (thrown: unknown) => {
          loading.current.delete(id);
          if (latestKey.current !== key) return;
          setState((previous) => ({ ...(previous.key === key ? previous : { key, total: null, pages: new Map() }), error: toApiError(thrown) }));
        },
      );
    }
  }

  /** After a failure nothing more is fetched until the user asks. */
  function retry(): void {
    setState((previous) => (previous.key === key ? { ...previous, error: null } : previous));
  }

  return { ...current, load, retry, rowAt: (index: number) => current.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE] };
}

interface ItemTableProps {
  categories: Category[];
  filters: Filters;
  sort: Sort;
  /** Where the list was scrolled to, kept by the page so that returning from the editor lands in the same place. */
  scrollOffset: { current: number };
}

export function ItemTable({ categories, filters, sort, scrollOffset }: ItemTableProps) {
  const { t, language } = useI18n();
  const { user } = useSession();
  const { openEditor } = useWorkspace();
  const names = useMemo(() => categoryNames(categories), [categories]);
  const wanted = useMemo(() => ({ filters: toListFilters(filters, user.id), sort }), [filters, sort, user.id]);
  // Typing in the drafting-unit box should not send a request per keystroke.
  const [input] = useDebouncedValue(wanted, 250);
  const rows = usePagedRows(input);
  const scrollRef = useRef<HTMLDivElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are read during render on purpose
  const virtualizer = useVirtualizer({
    count: rows.total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    paddingStart: HEADER_HEIGHT,
    initialOffset: () => scrollOffset.current,
  });
  const items = virtualizer.getVirtualItems();

  // Other filters or another order: back to the top (the first mount keeps the remembered position).
  const shownKey = useRef(JSON.stringify(input));
  useEffect(() => {
    const key = JSON.stringify(input);
    if (shownKey.current === key) return;
    shownKey.current = key;
    virtualizer.scrollToOffset(0);
  }, [input, virtualizer]);
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  // The first page tells how many rows there are; after that, whatever is on screen, at most every
  // FETCH_INTERVAL_MS while flinging (pages skipped over in between are never fetched).
  const { load } = rows;
  const total = rows.total;
  const failed = rows.error !== null;
  const lastFetch = useRef(0);
  useEffect(() => {
    if (failed) return;
    if (total === null) {
      load(0, 0);
      return;
    }
    const wait = Math.max(0, lastFetch.current + FETCH_INTERVAL_MS - performance.now());
    const timer = setTimeout(() => {
      lastFetch.current = performance.now();
      load(first, last);
    }, wait);
    return () => clearTimeout(timer);
  });

  return (
    <Box style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      {rows.error && (
        <Group mb="xs" align="flex-start" wrap="nowrap">
          <Box style={{ flex: 1 }}>
            <ErrorAlert error={rows.error} />
          </Box>
          <Button variant="default" onClick={rows.retry}>
            {t('common.retry')}
          </Button>
        </Group>
      )}
      <Box
        ref={scrollRef}
        onScroll={(event) => {
          scrollOffset.current = event.currentTarget.scrollTop;
        }}
        style={{
          flex: 1,
          minHeight: 200,
          overflow: 'auto',
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 'var(--mantine-radius-sm)',
        }}
        data-testid="item-table"
        role="table"
        aria-rowcount={rows.total ?? undefined}
      >
        <Box style={{ position: 'relative', minWidth: MIN_WIDTH, height: Math.max(virtualizer.getTotalSize(), HEADER_HEIGHT) }}>
          <Box
            role="row"
            style={{
              position: 'sticky',
              top: 0,
              zIndex: 1,
              height: HEADER_HEIGHT,
              display: 'grid',
              gridTemplateColumns: GRID,
              alignItems: 'center',
              background: 'var(--mantine-color-gray-0)',
              borderBottom: '1px solid var(--mantine-color-default-border)',
            }}
          >
            {COLUMNS.map((column) => (
              <Text key={column.key} role="columnheader" size="sm" fw={600} px="xs" truncate>
                {t(column.key)}
              </Text>
            ))}
          </Box>
          {items.map((item) => {
            const row = rows.rowAt(item.index);
            return row ? (
              <Row
                key={row.editionId}
                row={row}
                index={item.index}
                start={item.start}
                size={item.size}
                categoryName={names.get(row.categoryId) ?? row.categoryId}
                onOpen={openEditor}
              />
            ) : (
              <Box key={`pending-${item.index}`} style={rowStyle(item.start, item.size)} px="xs" role="row" aria-busy>
                <Skeleton height={12} width="60%" style={{ gridColumn: '1 / -1' }} />
              </Box>
            );
          })}
        </Box>
        {rows.total === 0 && (
          <Center p="xl" data-testid="item-table-empty">
            <Text c="dimmed">{t(hasFilters(filters) ? 'drafts.empty_filtered' : 'drafts.empty')}</Text>
          </Center>
        )}
      </Box>
      <Text size="xs" c="dimmed" mt={4} data-testid="item-count">
        {rows.total === null ? t('drafts.loading') : t('drafts.count', { total: rows.total.toLocaleString(language) })}
      </Text>
    </Box>
  );
}

function rowStyle(start: number, size: number) {
  return {
    position: 'absolute' as const,
    top: 0,
    left: 0,
    width: '100%',
    height: size,
    transform: `translateY(${start}px)`,
    display: 'grid',
    gridTemplateColumns: GRID,
    alignItems: 'center',
    borderBottom: '1px solid var(--mantine-color-gray-2)',
  };
}

interface RowProps {
  row: ItemRow;
  index: number;
  start: number;
  size: number;
  categoryName: string;
  onOpen(target: EditorTarget): void;
}

/** Memoised: while scrolling, only the rows coming into view render. */
const Row = memo(function Row({ row, index, start, size, categoryName, onOpen }: RowProps) {
  const { t, language } = useI18n();
  return (
    <UnstyledButton
      style={rowStyle(start, size)}
      className="gk-item-row"
      role="row"
      onClick={() => onOpen({ kind: 'edition', editionId: row.editionId })}
      data-testid="item-row"
      data-index={index}
      data-edition-id={row.editionId}
    >
      <Cell>{row.indexNumber}</Cell>
      <Group role="cell" px="xs" gap={6} wrap="nowrap" miw={0}>
        <Text size="sm" fw={500} truncate title={row.title || t('editor.untitled')} miw={0}>
          {row.title || t('editor.untitled')}
        </Text>
        <LinkCount count={row.links} categoryId={row.categoryId} />
      </Group>
      <Cell>{categoryName}</Cell>
      <Box px="xs" role="cell">
        <StatusBadge status={row.status} />
      </Box>
      <Cell>{row.documentNumber}</Cell>
      <Cell>{row.writtenDate ?? ''}</Cell>
      <Cell>{row.draftingUnit}</Cell>
      <Cell>{row.authorName}</Cell>
      <Cell>{formatShortDateTime(row.updatedAt, language)}</Cell>
    </UnstyledButton>
  );
});

function Cell({ children }: { children: string }) {
  return (
    <Text role="cell" size="sm" px="xs" truncate title={children}>
      {children}
    </Text>
  );
}
