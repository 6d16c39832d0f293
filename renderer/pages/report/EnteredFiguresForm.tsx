import { NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useSaveAction } from '../../hooks/useSaveAction.js';
import { SaveButton } from './SaveButton.js';
import type { CommandOutput } from '../../../shared/contract.js';

type Entered = CommandOutput<'report.saveEntered'>;

interface EnteredFiguresFormProps {
  year: number;
  entered: Entered;
  canEdit: boolean;
  onSaved(): void;
}

const COUNTS = ['licensing', 'penalty', 'enforcement'] as const;

/** Table 2's figures kept in other systems (approvals, enforcement, finance), typed in with where they come from. */
export function EnteredFiguresForm({ year, entered, canEdit, onSaved }: EnteredFiguresFormProps) {
  const { t } = useI18n();
  const { command } = useSession();
  const [values, setValues] = useState<Entered>(entered);
  const set = <K extends keyof Entered>(key: K, value: Entered[K]) => setValues((v) => ({ ...v, [key]: value }));

  const { saving, save } = useSaveAction(() => command('report.saveEntered', { year, ...values }), t('report.entered.saved'), onSaved);

  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4}>{t('report.entered.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('report.entered.help')}
        </Text>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {COUNTS.map((key) => (
            <NumberInput
              key={key}
              label={t(`report.entered.${key}`)}
              min={0}
              allowDecimal={false}
              value={values[key]}
              onChange={(v) => set(key, typeof v === 'number' ? v : 0)}
              disabled={!canEdit}
              data-testid={`report-entered-${key}`}
            />
          ))}
          <NumberInput
            label={t('report.entered.fees')}
            min={0}
            decimalScale={4}
            value={values.feesWanYuan}
            onChange={(v) => set('feesWanYuan', typeof v === 'number' ? v : 0)}
            disabled={!canEdit}
            data-testid="report-entered-fees"
          />
        </SimpleGrid>
        <TextInput
          label={t('report.entered.source')}
          maxLength={200}
          value={values.source}
          onChange={(e) => set('source', e.currentTarget.value)}
          disabled={!canEdit}
          data-testid="report-entered-source"
        />
        {canEdit && <SaveButton saving={saving} onSave={save} testId="report-entered-save" />}
      </Stack>
    </Paper>
  );
}
