import { Center, Group, Loader, Modal, Paper, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n.js';
import { useSession } from '../../../session.js';
import { toApiError } from '../../../failures.js';
import { INTERPRETATION_CATEGORY } from '../../../catalogue.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { StatusBadge } from '../../../components/StatusBadge.js';
import type { ItemRow } from '../../../../shared/contract.js';
import type { ApiError } from '../../../../shared/errors.js';

/** Enough to choose from; a more specific query finds the rest. */
const PICKER_LIMIT = 50;

export interface PickedDocument {
  itemId: string;
  title: string;
}

interface Found {
  query: string;
  rows: ItemRow[] | null;
  error: ApiError | null;
}

interface DocumentPickerProps {
  opened: boolean;
  onClose(): void;
  /** Items not to offer: the interpretation itself and the documents already linked. */
  exclude: readonly string[];
  onPick(document: PickedDocument): void;
  /** The item being linked right now. */
  busy: string | null;
}

/**
 * Finds the policy document an interpretation explains: recently changed documents first, or full-text
 * search. Interpretations are never offered: an interpretation explains a document, not another interpretation.
 */
export function DocumentPicker({ opened, onClose, exclude, onPick, busy }: DocumentPickerProps) {
  const { t } = useI18n();
  const { command } = useSession();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  // Typing waits for a pause; clearing the box goes straight back to the recent documents.
  const query = search.trim() ? debounced : '';
  const [found, setFound] = useState<Found | null>(null);
  // Each visit starts afresh: the last query belonged to the last document looked for.
  const [wasOpened, setWasOpened] = useState(opened);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) setSearch('');
  }

  useEffect(() => {
    if (!opened) return;
    let current = true;
    const request = query
      ? command('items.search', { query, limit: PICKER_LIMIT }).then(({ hits }) => hits as ItemRow[])
      : command('items.list', { filters: {}, sort: 'updated_desc', offset: 0, limit: PICKER_LIMIT }).then(({ rows }) => rows);
    request.then(
      (rows) => current && setFound({ query, rows, error: null }),
      (thrown: unknown) => current && setFound({ query, rows: null, error: toApiError(thrown) }),
    );
    return () => {
      current = false;
    };
  }, [command, opened, query]);

  const rows = (found?.query === query ? (found.rows ?? []) : []).filter((row) => row.categoryId !== INTERPRETATION_CATEGORY && !exclude.includes(row.itemId));
  const loading = found?.query !== query;

  return (
    <Modal opened={opened} onClose={onClose} title={t('interpretation.picker_title')} size="lg">
      <Stack gap="sm">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('interpretation.picker_placeholder')}
          aria-label={t('interpretation.picker_placeholder')}
          value={search}
          maxLength={100}
          onChange={(event) => setSearch(event.currentTarget.value)}
          data-autofocus
          data-testid="document-picker-search"
        />
        <Text size="xs" c="dimmed">
          {query ? t('interpretation.picker_results', { query }) : t('interpretation.picker_recent')}
        </Text>
        <ErrorAlert error={found?.query === query ? found.error : null} />
        {loading ? (
          <Center p="md">
            <Loader size="sm" />
          </Center>
        ) : rows.length === 0 ? (
          <Text size="sm" c="dimmed" py="md" ta="center" data-testid="document-picker-empty">
            {query ? t('interpretation.picker_none', { query }) : t('interpretation.picker_no_recent')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah="55vh" type="auto" offsetScrollbars>
            <Stack gap="xs" data-testid="document-picker-results">
              {rows.map((row) => (
                <UnstyledButton
                  key={row.itemId}
                  onClick={() => onPick({ itemId: row.itemId, title: row.title })}
                  disabled={!!busy}
                  data-testid="document-picker-hit"
                  data-item-id={row.itemId}
                >
                  <Paper withBorder p="sm" className="gk-hit">
                    <Stack gap={4}>
                      <Group gap="xs" wrap="nowrap" justify="space-between">
                        <Text size="sm" fw={600} truncate>
                          {row.title || t('editor.untitled')}
                        </Text>
                        {busy === row.itemId ? <Loader size="xs" /> : <StatusBadge status={row.status} />}
                      </Group>
                      <Group gap="md">
                        {[row.indexNumber, row.documentNumber, row.writtenDate ?? '', row.draftingUnit].filter(Boolean).map((meta, index) => (
                          <Text key={index} size="xs" c="dimmed">
                            {meta}
                          </Text>
                        ))}
                      </Group>
                    </Stack>
                  </Paper>
                </UnstyledButton>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Modal>
  );
}
