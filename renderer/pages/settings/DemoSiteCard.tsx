import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useQuery } from '../../hooks/useQuery.js';
import { notifyFailure, notifySuccess } from '../../failures.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

/**
 * The local demo website: the reference website run by the app on this computer, for an office without a
 * website to connect to yet. Self-contained: `onChanged` lets the website settings above reload,
 * since using the demo site changes where publishing goes.
 */
export function DemoSiteCard({ onChanged }: { onChanged?: () => void }) {
  const { t } = useI18n();
  const { command, user } = useSession();
  const demo = useQuery('publishing.demoSite');
  const [busy, setBusy] = useState(false);
  const isAdmin = user.roles.includes('admin');
  const state = demo.data;

  async function use(enabled: boolean) {
    setBusy(true);
    try {
      await command('publishing.useDemoSite', { enabled });
      notifySuccess(t(enabled ? 'demo_site.started' : 'demo_site.stopped'));
      onChanged?.();
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setBusy(false);
      demo.reload();
    }
  }

  return (
    <Paper withBorder p="md" data-testid="demo-site-card" data-in-use={state?.inUse ?? false} data-running={state?.running ?? false}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={4}>{t('demo_site.title')}</Title>
          {state && (
            <Badge variant="light" color={state.inUse ? (state.running ? 'green' : 'orange') : 'gray'} data-testid="demo-site-state">
              {t(state.inUse ? (state.running ? 'demo_site.in_use' : 'demo_site.not_running') : 'demo_site.not_in_use')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('demo_site.intro')}
        </Text>
        <ErrorAlert error={demo.error} />
        {state?.inUse && state.url && (
          <Group gap="xs">
            <Text size="sm">{t('demo_site.address')}</Text>
            <Anchor href={state.url} target="_blank" rel="noopener noreferrer" size="sm" ff="monospace" data-testid="demo-site-link">
              {state.url} <IconExternalLink size={12} />
            </Anchor>
          </Group>
        )}
        {isAdmin ? (
          <Group>
            {!state?.running && (
              <Button leftSection={<IconPlayerPlay size={16} />} loading={busy} disabled={!state} onClick={() => void use(true)} data-testid="demo-site-use">
                {t('demo_site.use')}
              </Button>
            )}
            {(state?.inUse || state?.running) && (
              <Button variant="default" leftSection={<IconPlayerStop size={16} />} loading={busy} onClick={() => void use(false)} data-testid="demo-site-stop">
                {t('demo_site.stop')}
              </Button>
            )}
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            {t('demo_site.admin_only')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
