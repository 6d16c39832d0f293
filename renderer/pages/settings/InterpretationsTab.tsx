import { Button, Center, Group, Loader, NumberInput, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useQuery } from '../../hooks/useQuery.js';
import { useForm } from '../../hooks/useForm.js';
import { notifySuccess } from '../../failures.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { SYNC_RULE_STRENGTHS, type SyncRuleStrength } from '../../../shared/domain/interpretation-rules.js';
import type { CommandOutput } from '../../../shared/contract.js';

type InterpretationSettings = CommandOutput<'interpretations.settings'>;

const MAX_FORMS = 30;
const MAX_FORM_LENGTH = 20;

/** The forms as typed, one per line: blank lines dropped, duplicates kept once. */
function formList(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
}

interface Values extends Record<string, unknown> {
  forms: string;
  syncRule: SyncRuleStrength;
  dueWorkdays: number;
  /** Percent, as people say it; the backend keeps a share. */
  copyPercent: number;
}

function valuesOf(settings: InterpretationSettings): Values {
  return {
    forms: settings.forms.join('\n'),
    syncRule: settings.syncRule,
    dueWorkdays: settings.dueWorkdays,
    copyPercent: Math.round(settings.copyThreshold * 100),
  };
}

/** Policy interpretations: the forms offered, how strictly the three-together rule is enforced, when interpretations are due, and the copy check. */
export function InterpretationsTab() {
  const { t } = useI18n();
  const settings = useQuery('interpretations.settings');
  return (
    <Stack gap="sm" maw={640}>
      <Text size="sm" c="dimmed">
        {t('interpretation_settings.intro')}
      </Text>
      <ErrorAlert error={settings.error} />
      {settings.data ? (
        <InterpretationSettingsForm saved={settings.data} onSaved={settings.reload} />
      ) : (
        !settings.error && (
          <Center p="md">
            <Loader size="sm" />
          </Center>
        )
      )}
    </Stack>
  );
}

function InterpretationSettingsForm({ saved, onSaved }: { saved: InterpretationSettings; onSaved(): void }) {
  const { t } = useI18n();
  const { command } = useSession();
  const form = useForm<Values>(valuesOf(saved), (values) => {
    const forms = formList(values.forms);
    return {
      forms: forms.length < 1 || forms.length > MAX_FORMS || forms.some((f) => f.length > MAX_FORM_LENGTH) ? 'interpretation_settings.forms_invalid' : null,
      dueWorkdays: Number.isInteger(values.dueWorkdays) && values.dueWorkdays >= 0 && values.dueWorkdays <= 30 ? null : 'interpretation_settings.due_workdays_invalid',
      copyPercent: Number.isInteger(values.copyPercent) && values.copyPercent >= 10 && values.copyPercent <= 100 ? null : 'interpretation_settings.copy_threshold_invalid',
    };
  });

  const save = form.onSubmit(async (values) => {
    const updated = await command('interpretations.updateSettings', {
      forms: formList(values.forms),
      syncRule: values.syncRule,
      dueWorkdays: values.dueWorkdays,
      copyThreshold: values.copyPercent / 100,
    });
    form.reset(valuesOf(updated));
    notifySuccess(t('interpretation_settings.saved'));
    onSaved();
  });

  return (
    <form onSubmit={save} data-testid="interpretation-settings-form">
      <Stack gap="lg">
        <Textarea
          label={t('interpretation_settings.forms')}
          description={t('interpretation_settings.forms_help', { count: formList(form.values.forms).length })}
          autosize
          minRows={4}
          maxRows={12}
          value={form.values.forms}
          onChange={(event) => form.setValue('forms', event.currentTarget.value)}
          error={form.error('forms')}
          data-testid="interpretation-forms"
        />

        <Radio.Group
          label={t('interpretation_settings.sync_rule')}
          description={t('interpretation_settings.sync_rule_help')}
          value={form.values.syncRule}
          onChange={(value) => form.setValue('syncRule', value as SyncRuleStrength)}
          data-testid="interpretation-sync-rule"
        >
          <Stack gap="sm" mt="xs">
            {SYNC_RULE_STRENGTHS.map((strength) => (
              <Radio
                key={strength}
                value={strength}
                label={t(`interpretation_settings.sync_rule.${strength}`)}
                description={t(`interpretation_settings.sync_rule.${strength}_help`)}
                data-testid={`interpretation-sync-rule-${strength}`}
              />
            ))}
          </Stack>
        </Radio.Group>

        <Group gap="lg" align="flex-start" grow>
          <NumberInput
            label={t('interpretation_settings.due_workdays')}
            description={t('interpretation_settings.due_workdays_help')}
            value={form.values.dueWorkdays}
            onChange={(value) => form.setValue('dueWorkdays', typeof value === 'number' ? value : -1)}
            min={0}
            max={30}
            allowDecimal={false}
            error={form.error('dueWorkdays')}
            data-testid="interpretation-due-workdays"
          />
          <NumberInput
            label={t('interpretation_settings.copy_threshold')}
            description={t('interpretation_settings.copy_threshold_help')}
            value={form.values.copyPercent}
            onChange={(value) => form.setValue('copyPercent', typeof value === 'number' ? value : 0)}
            min={10}
            max={100}
            allowDecimal={false}
            suffix="%"
            error={form.error('copyPercent')}
            data-testid="interpretation-copy-threshold"
          />
        </Group>

        <ErrorAlert error={form.failure} />
        <Group>
          <Button type="submit" loading={form.submitting} data-testid="interpretation-settings-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
