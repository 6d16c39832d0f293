import { Alert, Paper, Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useSaveAction } from '../../hooks/useSaveAction.js';
import { SaveButton } from './SaveButton.js';
import { SECTION_TITLES, type Narrative } from '../../../shared/domain/annual-report.js';

interface NarrativeEditorProps {
  year: number;
  narrative: Narrative;
  /** false: the text is the draft written from the data, not yet saved. */
  saved: boolean;
  canEdit: boolean;
  onSaved(): void;
}

const SECTIONS = ['overview', 'problems', 'other'] as const;

/** Sections 1, 5 and 6: the officer rewrites the draft the app wrote from the figures. */
export function NarrativeEditor({ year, narrative, saved, canEdit, onSaved }: NarrativeEditorProps) {
  const { t } = useI18n();
  const { command } = useSession();
  const [text, setText] = useState<Narrative>(narrative);

  const { saving, save } = useSaveAction(() => command('report.saveNarrative', { year, ...text }), t('report.narrative.saved'), onSaved);

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{t('report.narrative.title')}</Title>
        {!saved && <Alert color="blue">{t('report.narrative.draft')}</Alert>}
        {SECTIONS.map((section) => (
          <Textarea
            key={section}
            label={SECTION_TITLES[section]}
            autosize
            minRows={4}
            maxRows={20}
            maxLength={50_000}
            value={text[section]}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setText((current) => ({ ...current, [section]: value }));
            }}
            disabled={!canEdit}
            data-testid={`report-narrative-${section}`}
          />
        ))}
        {canEdit && <SaveButton saving={saving} onSave={save} testId="report-narrative-save" />}
      </Stack>
    </Paper>
  );
}
