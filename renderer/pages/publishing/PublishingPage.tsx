import { Button, Center, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useQuery } from '../../hooks/useQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ApprovalQueue } from './ApprovalQueue.js';
import { JobQueue } from './JobQueue.js';
import { PublishedList } from './PublishedList.js';
import { PackageExportButton } from './PackageExportButton.js';
import { useSession } from '../../session.js';

export type PublishingTab = 'approve' | 'jobs' | 'published';

/**
 * The publishing area: what awaits sign-off (signed off by an approver with their password) and
 * the website queue those sign-offs feed, and what is live (where withdrawal starts). Only the open tab is
 * mounted, so only it loads and polls.
 */
export function PublishingPage() {
  const { t } = useI18n();
  const categories = useQuery('categories.list');
  const [tab, setTab] = useState<PublishingTab>('approve');
  const [refreshed, setRefreshed] = useState(0);
  const { user } = useSession();
  const canExport = user.roles.includes('approver') || user.roles.includes('admin');

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Title order={2}>{t('nav.publishing')}</Title>
        <Group gap="xs" wrap="nowrap">
          {canExport && <PackageExportButton />}
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => setRefreshed((n) => n + 1)} data-testid="publishing-refresh">
            {t('publishing.refresh')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('publishing.intro')}
      </Text>
      <Tabs value={tab} onChange={(value) => value && setTab(value as PublishingTab)}>
        <Tabs.List>
          {(['approve', 'jobs', 'published'] as const).map((which) => (
            <Tabs.Tab key={which} value={which} data-testid={`publishing-tab-${which}`}>
              {t(`publishing.tab.${which}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {tab === 'jobs' ? (
        <JobQueue refreshed={refreshed} />
      ) : tab === 'published' ? (
        <PublishedList refreshed={refreshed} />
      ) : categories.data ? (
        <ApprovalQueue refreshed={refreshed} categories={categories.data} />
      ) : categories.error ? (
        <ErrorAlert error={categories.error} />
      ) : (
        <Center p="xl">
          <Loader />
        </Center>
      )}
    </Stack>
  );
}
