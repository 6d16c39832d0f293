import { Alert, Badge, Button, Center, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useQuery } from '../../hooks/useQuery.js';
import { useForm } from '../../hooks/useForm.js';
import { notifySuccess } from '../../failures.js';
import { requiredProblem, websiteUrlProblem } from '../../validation.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PasswordField } from '../../components/PasswordField.js';
import type { CommandOutput } from '../../../shared/contract.js';

type WebsiteSettings = CommandOutput<'publishing.settings'>;

type Values = {
  siteUrl: string;
  token: string;
};

/** The government website's interface: its address and access token (the token is never shown, only whether one is set). */
export function WebsiteTab() {
  const { t } = useI18n();
  const settings = useQuery('publishing.settings');
  return (
    <Stack gap="sm" maw={640}>
      <Text size="sm" c="dimmed">
        {t('website_settings.intro')}
      </Text>
      <ErrorAlert error={settings.error} />
      {settings.data ? (
        <WebsiteForm saved={settings.data} onSaved={settings.reload} />
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

function WebsiteForm({ saved, onSaved }: { saved: WebsiteSettings; onSaved(): void }) {
  const { t } = useI18n();
  const { command } = useSession();
  const form = useForm<Values>({ siteUrl: saved.siteUrl ?? '', token: '' }, (values) => ({
    siteUrl: requiredProblem(values.siteUrl) ?? websiteUrlProblem(values.siteUrl),
    token: values.token.length >= 8 && values.token.length <= 512 ? null : 'website_settings.token_invalid',
  }));

  const save = form.onSubmit(async (values) => {
    const updated = await command('publishing.configure', { siteUrl: values.siteUrl.trim(), token: values.token });
    form.reset({ siteUrl: updated.siteUrl ?? '', token: '' });
    notifySuccess(t('website_settings.saved'));
    onSaved();
  });

  return (
    <form onSubmit={save} data-testid="website-settings-form">
      <Stack gap="lg">
        <TextInput
          label={t('website_settings.site_url')}
          description={t('website_settings.site_url_help')}
          placeholder="https://"
          {...form.field('siteUrl')}
          data-testid="website-url"
        />
        <Stack gap={6}>
          <PasswordField
            label={t('website_settings.token')}
            description={t('website_settings.token_help')}
            autoComplete="new-password"
            {...form.field('token')}
            data-testid="website-token"
          />
          <Group gap="xs">
            <Badge variant="light" color={saved.tokenSet ? 'green' : 'gray'} data-testid="website-token-state" data-set={saved.tokenSet}>
              {t(saved.tokenSet ? 'website_settings.token_set' : 'website_settings.token_not_set')}
            </Badge>
          </Group>
        </Stack>
        <Alert color="blue" variant="light" icon={<IconLock />} data-testid="website-token-storage">
          <Text size="sm">{t('website_settings.storage')}</Text>
        </Alert>
        <ErrorAlert error={form.failure} />
        <Group>
          <Button type="submit" loading={form.submitting} data-testid="website-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
