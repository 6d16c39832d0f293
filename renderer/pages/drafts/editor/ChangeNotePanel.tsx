import { useState } from 'react';
import { Button, Checkbox, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useI18n } from '../../../i18n.js';
import { useSession } from '../../../session.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { toApiError } from '../../../failures.js';
import type { Edition } from '../../../../shared/contract.js';
import type { ApiError } from '../../../../shared/errors.js';

/** The change note: an update to a published item says what changed, unless it is a minor change. */
export function ChangeNotePanel({ edition, canEdit, onEditionChange }: { edition: Edition; canEdit: boolean; onEditionChange(next: Edition): void }) {
  const { t } = useI18n();
  const { command } = useSession();
  const [note, setNote] = useState(edition.changeNote);
  const [minor, setMinor] = useState(edition.minorChange);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const changed = note !== edition.changeNote || minor !== edition.minorChange;

  async function save() {
    setSaving(true);
    setFailure(null);
    try {
      onEditionChange(await command('items.setChangeNote', { editionId: edition.id, changeNote: note, minorChange: minor }));
    } catch (thrown) {
      setFailure(toApiError(thrown));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="change-note-panel">
      <Stack gap="sm">
        <Title order={4}>{t('change_note.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('change_note.help', { number: edition.number })}
        </Text>
        <Textarea
          label={t('change_note.note')}
          autosize
          minRows={2}
          maxLength={500}
          value={note}
          disabled={!canEdit || minor}
          onChange={(event) => setNote(event.currentTarget.value)}
          data-testid="change-note"
        />
        <Checkbox label={t('change_note.minor')} checked={minor} disabled={!canEdit} onChange={(event) => setMinor(event.currentTarget.checked)} data-testid="change-note-minor" />
        <ErrorAlert error={failure} />
        {canEdit && (
          <Group>
            <Button size="xs" variant="light" disabled={!changed} loading={saving} onClick={() => void save()} data-testid="change-note-save">
              {t('change_note.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
