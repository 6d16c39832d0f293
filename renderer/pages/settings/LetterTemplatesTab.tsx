import { Badge, Button, Center, Divider, Group, Loader, Select, Stack, Text, TextInput, Textarea, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useQuery } from '../../hooks/useQuery.js';
import { useForm } from '../../hooks/useForm.js';
import { notifyFailure, notifySuccess } from '../../failures.js';
import { requiredProblem } from '../../validation.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LETTER_KINDS, type CommandOutput, type LetterKind, type LetterTemplateView } from '../../../shared/contract.js';

type Remedies = CommandOutput<'letters.saveSettings'>;

/** Letter templates: each kind's title and text with placeholders, a reset to the default, and who the remedies paragraph names. */
export function LetterTemplatesTab() {
  const { t } = useI18n();
  const loaded = useQuery('letters.templates');
  const [kind, setKind] = useState<LetterKind>('reply_disclosed');
  const template = loaded.data?.templates.find((x) => x.kind === kind);
  return (
    <Stack gap="md" maw={820}>
      <Text size="sm" c="dimmed">
        {t('letter_templates.intro')}
      </Text>
      <ErrorAlert error={loaded.error} />
      {loaded.data && template ? (
        <>
          <Select
            label={t('letter_templates.kind')}
            data={LETTER_KINDS.map((k) => ({ value: k, label: t(`letters.kind.${k}`) }))}
            value={kind}
            onChange={(value) => value && setKind(value as LetterKind)}
            allowDeselect={false}
            maw={360}
            data-testid="letter-template-kind"
          />
          {/* Keyed by kind and content: switching kinds or saving starts the form afresh. */}
          <TemplateForm key={`${kind}:${template.title}:${template.body}`} template={template} onSaved={loaded.reload} />
          <Divider />
          <RemediesForm saved={loaded.data.settings} />
        </>
      ) : (
        !loaded.error && (
          <Center p="md">
            <Loader size="sm" />
          </Center>
        )
      )}
    </Stack>
  );
}

function TemplateForm({ template, onSaved }: { template: LetterTemplateView; onSaved(): void }) {
  const { t } = useI18n();
  const { command } = useSession();
  const [resetting, setResetting] = useState(false);
  const form = useForm({ title: template.title, body: template.body }, (v) => ({ title: requiredProblem(v.title), body: requiredProblem(v.body) }));

  const save = form.onSubmit(async (v) => {
    await command('letters.saveTemplate', { kind: template.kind, title: v.title.trim(), body: v.body.trim() });
    notifySuccess(t('letter_templates.saved'));
    onSaved();
  });

  async function reset() {
    setResetting(true);
    try {
      await command('letters.resetTemplate', { kind: template.kind });
      notifySuccess(t('letter_templates.reset_done'));
      onSaved();
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setResetting(false);
    }
  }

  function insert(name: string) {
    form.setValue('body', `${form.values.body}{${name}}`);
  }

  return (
    <form onSubmit={save} data-testid="letter-template-form">
      <Stack gap="sm">
        <Group gap="xs">
          <Badge variant="light" color={template.custom ? 'orange' : 'gray'} data-testid="letter-template-state">
            {t(template.custom ? 'letter_templates.custom' : 'letter_templates.default')}
          </Badge>
        </Group>
        <TextInput label={t('letter_templates.title')} withAsterisk {...form.field('title')} data-testid="letter-template-title" />
        <Textarea
          label={t('letter_templates.body')}
          withAsterisk
          autosize
          minRows={8}
          maxRows={24}
          value={form.values.body}
          onChange={(event) => form.setValue('body', event.currentTarget.value)}
          error={form.error('body')}
          data-testid="letter-template-body"
        />
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            {t('letter_templates.placeholders')}
          </Text>
          {template.placeholders.map((name) => (
            <UnstyledButton key={name} onClick={() => insert(name)} data-testid={`letter-placeholder-${name}`}>
              <Badge variant="outline" style={{ cursor: 'pointer', textTransform: 'none' }}>{`{${name}}`}</Badge>
            </UnstyledButton>
          ))}
        </Group>
        <ErrorAlert error={form.failure} />
        <Group>
          <Button type="submit" loading={form.submitting} data-testid="letter-template-save">
            {t('common.save')}
          </Button>
          <Button variant="default" disabled={!template.custom} loading={resetting} onClick={() => void reset()} data-testid="letter-template-reset">
            {t('letter_templates.reset')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RemediesForm({ saved }: { saved: Remedies }) {
  const { t } = useI18n();
  const { command } = useSession();
  const form = useForm<Remedies>(saved);
  const save = form.onSubmit(async (v) => {
    form.reset(await command('letters.saveSettings', { reconsiderationBody: v.reconsiderationBody.trim(), court: v.court.trim() }));
    notifySuccess(t('letter_templates.settings_saved'));
  });
  return (
    <form onSubmit={save} data-testid="letter-remedies-form">
      <Stack gap="sm">
        <Title order={4}>{t('letter_templates.remedies')}</Title>
        <Text size="sm" c="dimmed">
          {t('letter_templates.remedies_help')}
        </Text>
        <Group grow align="flex-start">
          <TextInput label={t('letter_templates.reconsideration_body')} description={t('letter_templates.reconsideration_body_help')} {...form.field('reconsiderationBody')} data-testid="letter-reconsideration-body" />
          <TextInput label={t('letter_templates.court')} description={t('letter_templates.court_help')} {...form.field('court')} data-testid="letter-court" />
        </Group>
        <ErrorAlert error={form.failure} />
        <Group>
          <Button type="submit" loading={form.submitting} data-testid="letter-remedies-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
