import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useWorkspace } from '../../workspace.js';
import { notifyFailure } from '../../failures.js';
import { formatDateTime } from '../../format.js';
import { parseDraftContent } from '../../catalogue.js';
import type { CommandOutput } from '../../../shared/contract.js';

type Entry = CommandOutput<'autosave.list'>[number];

/**
 * Editor content that was kept by autosave but never saved (the app closed, the power went, the
 * officer went elsewhere): offered back once, to restore into the editor or to throw away.
 */
export function AutosaveBanner() {
  const { t, language } = useI18n();
  const { command } = useSession();
  const { openEditor } = useWorkspace();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    command('autosave.list', {}).then(
      (list) => current && setEntries(list),
      () => undefined, // nothing to offer if it cannot be read; the editor autosaves again anyway
    );
    return () => {
      current = false;
    };
  }, [command]);

  async function discard(entry: Entry) {
    setBusy(entry.editionId);
    try {
      await command('autosave.discard', { editionId: entry.editionId });
      setEntries((list) => list.filter((e) => e.editionId !== entry.editionId));
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setBusy(null);
    }
  }

  function restore(entry: Entry) {
    const restored = parseDraftContent(entry.payload);
    if (!restored) return;
    openEditor(
      entry.editionId ? { kind: 'edition', editionId: entry.editionId, restored } : { kind: 'new', categoryId: restored.categoryId, restored },
    );
  }

  if (!entries.length) return null;
  return (
    <Stack gap="xs" data-testid="autosave-banner">
      {entries.map((entry) => {
        const content = parseDraftContent(entry.payload);
        const title = content?.fields.title.trim() || t('editor.untitled');
        return (
          <Alert key={entry.editionId || 'new'} color="yellow" icon={<IconDeviceFloppy />} p="sm" data-testid="autosave-entry">
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Stack gap={2} miw={0}>
                <Text size="sm" fw={500}>
                  {t('autosave.found', { time: formatDateTime(entry.savedAt, language) })}
                </Text>
                <Text size="sm" c="dimmed" truncate>
                  {content
                    ? t(entry.editionId ? 'autosave.found_existing' : 'autosave.found_new', { title })
                    : t('autosave.unreadable')}
                </Text>
              </Stack>
              <Group gap="xs" wrap="nowrap">
                {content && (
                  <Button size="xs" onClick={() => restore(entry)} disabled={!!busy} data-testid="autosave-restore">
                    {t('autosave.restore')}
                  </Button>
                )}
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => void discard(entry)}
                  loading={busy === entry.editionId}
                  disabled={!!busy && busy !== entry.editionId}
                  data-testid="autosave-discard"
                >
                  {t('autosave.discard')}
                </Button>
              </Group>
            </Group>
          </Alert>
        );
      })}
    </Stack>
  );
}
