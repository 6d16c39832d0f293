import { Alert, Badge, Button, Center, Checkbox, FileButton, Group, Loader, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCertificate, IconLock, IconPlugConnected } from '@tabler/icons-react';
import { useState, type ComponentProps } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useQuery } from '../../hooks/useQuery.js';
import { useForm } from '../../hooks/useForm.js';
import { notifySuccess, toApiError } from '../../failures.js';
import { requiredProblem } from '../../validation.js';
import { formatDateTime } from '../../format.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PasswordField } from '../../components/PasswordField.js';
import { DemoSiteCard } from './DemoSiteCard.js';
import type { CommandOutput } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';
import { proxyAddressProblem, siteAddressProblem } from '../../../shared/domain/site-address.js';

type WebsiteSettings = CommandOutput<'publishing.settings'>;
type Target = WebsiteSettings['target'];

type Values = {
  target: Target;
  siteUrl: string;
  username: string;
  token: string;
};

/**
 * The government website: where approved items go (the publishing API or a WordPress site), the
 * credential (never shown, only whether one is set, and how it is stored), the network path, and
 * a connection test.
 */
export function WebsiteTab() {
  const { t } = useI18n();
  const settings = useQuery('publishing.settings');
  return (
    <Stack gap="lg" maw={720}>
      <Text size="sm" c="dimmed">
        {t('website_settings.intro')}
      </Text>
      <ErrorAlert error={settings.error} />
      {settings.data ? (
        <WebsiteForm key={`${settings.data.target}|${settings.data.siteUrl}|${settings.data.username}`} saved={settings.data} onSaved={settings.reload} />
      ) : (
        !settings.error && (
          <Center p="md">
            <Loader size="sm" />
          </Center>
        )
      )}
      <DemoSiteCard onChanged={settings.reload} />
      <NetworkSettings />
      <ConnectionTest target={settings.data?.target ?? 'publishing_api'} />
    </Stack>
  );
}

function WebsiteForm({ saved, onSaved }: { saved: WebsiteSettings; onSaved(): void }) {
  const { t } = useI18n();
  const { command } = useSession();
  const [weakConfirmed, setWeakConfirmed] = useState(false);
  const form = useForm<Values>({ target: saved.target, siteUrl: saved.siteUrl ?? '', username: saved.username, token: '' }, (values) => {
    const address = siteAddressProblem(values.siteUrl);
    return {
      siteUrl: requiredProblem(values.siteUrl) ?? (address ? (`error.${address}` as const) : null),
      username: values.target === 'wordpress' && !values.username.trim() ? 'error.publishing.username_required' : null,
      token: values.token.length >= 8 && values.token.length <= 512 ? null : 'website_settings.token_invalid',
    };
  });
  const wordpress = form.values.target === 'wordpress';
  const weak = saved.storage === 'weak';

  const save = form.onSubmit(async (values) => {
    const updated = await command('publishing.configure', {
      target: values.target,
      siteUrl: values.siteUrl.trim(),
      username: wordpress ? values.username.trim() : '',
      token: values.token,
      allowWeakStorage: weak && weakConfirmed,
    });
    form.reset({ target: updated.target, siteUrl: updated.siteUrl ?? '', username: updated.username, token: '' });
    notifySuccess(t('website_settings.saved'));
    onSaved();
  });

  return (
    <form onSubmit={save} data-testid="website-settings-form">
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('website_settings.target')}
          </Text>
          <SegmentedControl
            value={form.values.target}
            onChange={(value) => form.setValue('target', value as Target)}
            data={[
              { value: 'publishing_api', label: t('website_settings.target.publishing_api') },
              { value: 'wordpress', label: t('website_settings.target.wordpress') },
            ]}
            data-testid="website-target"
          />
        </Stack>
        <TextInput
          label={t('website_settings.site_url')}
          description={t(wordpress ? 'website_settings.wp_url_help' : 'website_settings.site_url_help')}
          placeholder="https://"
          {...form.field('siteUrl')}
          data-testid="website-url"
        />
        {wordpress && (
          <TextInput
            label={t('website_settings.username')}
            description={t('website_settings.username_help')}
            autoComplete="off"
            {...form.field('username')}
            data-testid="website-username"
          />
        )}
        <Stack gap={6}>
          <PasswordField
            label={t(wordpress ? 'website_settings.app_password' : 'website_settings.token')}
            description={t(wordpress ? 'website_settings.app_password_help' : 'website_settings.token_help')}
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
        {weak ? (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} data-testid="website-token-storage" data-storage={saved.storage}>
            <Stack gap="xs">
              <Text size="sm">{t('website_settings.storage_weak')}</Text>
              <Checkbox
                checked={weakConfirmed}
                onChange={(event) => setWeakConfirmed(event.currentTarget.checked)}
                label={t('website_settings.storage_weak_confirm')}
                data-testid="website-weak-confirm"
              />
            </Stack>
          </Alert>
        ) : (
          <Alert color="blue" variant="light" icon={<IconLock />} data-testid="website-token-storage" data-storage={saved.storage}>
            <Text size="sm">{t(saved.storage === 'keyring' ? 'website_settings.storage_keyring' : 'website_settings.storage_file')}</Text>
          </Alert>
        )}
        <ErrorAlert error={form.failure} />
        <Group>
          <Button type="submit" loading={form.submitting} disabled={weak && !weakConfirmed} data-testid="website-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type NetworkValues = { proxyUrl: string; noProxy: string };

/** Proxy and extra CA certificate; a chosen certificate is checked by the backend when saved. */
function NetworkSettings() {
  const { t } = useI18n();
  const network = useQuery('publishing.network');
  return (
    <Paper withBorder p="md" data-testid="website-network">
      <Stack gap="sm">
        <Title order={5}>{t('website_settings.network')}</Title>
        <Text size="sm" c="dimmed">
          {t('website_settings.network_intro')}
        </Text>
        <ErrorAlert error={network.error} />
        {network.data && <NetworkForm key={JSON.stringify(network.data)} saved={network.data} onSaved={network.reload} />}
      </Stack>
    </Paper>
  );
}

function NetworkForm({ saved, onSaved }: { saved: CommandOutput<'publishing.network'>; onSaved(): void }) {
  const { t, language } = useI18n();
  const { command } = useSession();
  const [pending, setPending] = useState<{ name: string; pem: string } | null>(null);
  const [removeCa, setRemoveCa] = useState(false);
  const form = useForm<NetworkValues>({ proxyUrl: saved.proxyUrl, noProxy: saved.noProxy }, (values) => {
    const problem = proxyAddressProblem(values.proxyUrl);
    return { proxyUrl: problem ? (`error.${problem}` as const) : null };
  });

  const save = form.onSubmit(async (values) => {
    await command('publishing.setNetwork', { proxyUrl: values.proxyUrl.trim(), noProxy: values.noProxy.trim(), caPem: pending?.pem ?? null, removeCa: removeCa && !pending });
    notifySuccess(t('website_settings.network_saved'));
    onSaved();
  });

  const shown = removeCa ? [] : saved.certificates;
  return (
    <form onSubmit={save} data-testid="website-network-form">
      <Stack gap="sm">
        <TextInput label={t('website_settings.proxy_url')} description={t('website_settings.proxy_url_help')} placeholder="http://" {...form.field('proxyUrl')} data-testid="website-proxy" />
        <TextInput label={t('website_settings.no_proxy')} description={t('website_settings.no_proxy_help')} {...form.field('noProxy')} data-testid="website-no-proxy" />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('website_settings.ca')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('website_settings.ca_help')}
          </Text>
          {shown.length > 0 ? (
            <Table withTableBorder fz="sm" data-testid="website-ca-info">
              <Table.Tbody>
                {shown.map((c) => (
                  <Table.Tr key={c.fingerprint256}>
                    <Table.Td>
                      <Text size="sm">
                        {t('website_settings.ca_subject')}: {c.subject}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('website_settings.ca_issuer')}: {c.issuer}
                      </Text>
                      <Text size="xs" c="dimmed" data-testid="website-ca-valid-to">
                        {t('website_settings.ca_valid_to')}: {formatDateTime(c.validTo, language)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            !pending && (
              <Text size="sm" c="dimmed" data-testid="website-ca-none">
                {t('website_settings.ca_none')}
              </Text>
            )
          )}
          {pending && (
            <Text size="sm" data-testid="website-ca-pending">
              {t('website_settings.ca_pending', { name: pending.name })}
            </Text>
          )}
          <Group gap="xs">
            <FileButton
              onChange={(file) => {
                if (!file) return;
                void file.text().then((pem) => {
                  setPending({ name: file.name, pem });
                  setRemoveCa(false);
                });
              }}
              accept=".pem,.crt,.cer,application/x-pem-file"
              inputProps={{ 'data-testid': 'website-ca-input' } as ComponentProps<'input'>}
            >
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconCertificate size={16} />} data-testid="website-ca-choose">
                  {t('website_settings.ca_choose')}
                </Button>
              )}
            </FileButton>
            {(saved.certificates.length > 0 || pending) && !removeCa && (
              <Button
                variant="subtle"
                color="red"
                onClick={() => {
                  setPending(null);
                  setRemoveCa(true);
                }}
                data-testid="website-ca-remove"
              >
                {t('website_settings.ca_remove')}
              </Button>
            )}
          </Group>
        </Stack>
        <ErrorAlert error={form.failure} />
        <Group>
          <Button type="submit" loading={form.submitting} data-testid="website-network-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Asks the site for its columns (WordPress: its categories) with the saved settings. */
function ConnectionTest({ target }: { target: Target }) {
  const { t } = useI18n();
  const { command } = useSession();
  const [busy, setBusy] = useState(false);
  const [columns, setColumns] = useState<CommandOutput<'publishing.testConnection'>['columns'] | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  async function test() {
    setBusy(true);
    setFailure(null);
    setColumns(null);
    try {
      setColumns((await command('publishing.testConnection', {})).columns);
    } catch (thrown) {
      setFailure(toApiError(thrown));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="sm">
      <Group>
        <Button variant="default" leftSection={<IconPlugConnected size={16} />} loading={busy} onClick={() => void test()} data-testid="website-test">
          {t('website_settings.test')}
        </Button>
      </Group>
      <ErrorAlert error={failure} />
      {columns && (
        <Alert color="green" variant="light" data-testid="website-test-result">
          <Stack gap="xs">
            <Text size="sm">{t(target === 'wordpress' ? 'website_settings.test_ok_wordpress' : 'website_settings.test_ok', { count: columns.length })}</Text>
            <Table fz="sm" data-testid="website-test-columns">
              <Table.Tbody>
                {columns.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td w={120}>
                      <Text size="sm" ff="monospace">
                        {c.id}
                      </Text>
                    </Table.Td>
                    <Table.Td>{c.name}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed">
              {t('website_settings.test_columns_help')}
            </Text>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
