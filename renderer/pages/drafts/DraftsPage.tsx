import { Button, Center, CloseButton, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilePlus, IconFileImport, IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useQuery } from '../../hooks/useQuery.js';
import { useWorkspace } from '../../workspace.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { AutosaveBanner } from './AutosaveBanner.js';
import { ItemFilters, NO_FILTERS, type Filters, type Sort } from './ItemFilters.js';
import { ItemTable } from './ItemTable.js';
import { SearchResults } from './SearchResults.js';
import { NewDraftDialog } from './NewDraftDialog.js';
import { ImportDocxDialog } from './ImportDocxDialog.js';
import { EditorPage } from './editor/EditorPage.js';
import type { Category } from '../../../shared/contract.js';

/**
 * The drafts area: the list of items (or search hits) and, when one is opened, its editor. The
 * list's filters and scroll position live here so that they survive a visit to the editor.
 */
export function DraftsPage() {
  const { editor } = useWorkspace();
  const categories = useQuery('categories.list');
  const settings = useQuery('catalogue.settings');
  const interpretationSettings = useQuery('interpretations.settings');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<Sort>('updated_desc');
  const [search, setSearch] = useState('');
  const scrollOffset = useRef(0);

  if (!categories.data || !settings.data || !interpretationSettings.data) {
    const error = categories.error ?? settings.error ?? interpretationSettings.error;
    return error ? (
      <ErrorAlert error={error} />
    ) : (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  if (editor) {
    return (
      <EditorPage
        key={editor.key}
        target={editor.target}
        categories={categories.data}
        settings={settings.data}
        interpretationSettings={interpretationSettings.data}
      />
    );
  }
  return (
    <DraftsList
      categories={categories.data}
      filters={filters}
      onFiltersChange={(next) => {
        scrollOffset.current = 0;
        setFilters(next);
      }}
      sort={sort}
      onSortChange={(next) => {
        scrollOffset.current = 0;
        setSort(next);
      }}
      search={search}
      onSearchChange={setSearch}
      scrollOffset={scrollOffset}
    />
  );
}

interface DraftsListProps {
  categories: Category[];
  filters: Filters;
  onFiltersChange(filters: Filters): void;
  sort: Sort;
  onSortChange(sort: Sort): void;
  search: string;
  onSearchChange(search: string): void;
  scrollOffset: { current: number };
}

function DraftsList({ categories, filters, onFiltersChange, sort, onSortChange, search, onSearchChange, scrollOffset }: DraftsListProps) {
  const { t } = useI18n();
  const { user } = useSession();
  const isOfficer = user.roles.includes('officer');
  const [dialog, setDialog] = useState<'new' | 'import' | null>(null);
  const [query] = useDebouncedValue(search.trim(), 300);

  return (
    <Stack gap="sm" h="calc(100dvh - var(--app-shell-header-height, 56px) - var(--app-shell-footer-height, 34px) - 2 * var(--mantine-spacing-lg))">
      <Group justify="space-between" wrap="nowrap">
        <Title order={2}>{t('nav.drafts')}</Title>
        {isOfficer && (
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setDialog('import')} data-testid="import-docx">
              {t('drafts.import_docx')}
            </Button>
            <Button leftSection={<IconFilePlus size={16} />} onClick={() => setDialog('new')} data-testid="new-draft">
              {t('drafts.new')}
            </Button>
          </Group>
        )}
      </Group>

      {isOfficer && <AutosaveBanner />}

      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder={t('drafts.search_placeholder')}
        aria-label={t('drafts.search_placeholder')}
        value={search}
        maxLength={100}
        onChange={(event) => onSearchChange(event.currentTarget.value)}
        rightSection={search ? <CloseButton aria-label={t('drafts.search_clear')} onClick={() => onSearchChange('')} /> : null}
        data-testid="search-input"
      />

      {query ? (
        <SearchResults query={query} categories={categories} />
      ) : (
        <>
          <ItemFilters categories={categories} filters={filters} onChange={onFiltersChange} sort={sort} onSortChange={onSortChange} />
          <ItemTable categories={categories} filters={filters} sort={sort} scrollOffset={scrollOffset} />
        </>
      )}

      {!isOfficer && (
        <Text size="xs" c="dimmed">
          {t('drafts.read_only_hint')}
        </Text>
      )}

      <NewDraftDialog opened={dialog === 'new'} onClose={() => setDialog(null)} categories={categories} />
      <ImportDocxDialog opened={dialog === 'import'} onClose={() => setDialog(null)} categories={categories} />
    </Stack>
  );
}
