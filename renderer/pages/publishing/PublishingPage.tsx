import { Button, Center, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useQuery } from '../../hooks/useQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ApprovalQueue } from './ApprovalQueue.js';
import { JobQueue } from './JobQueue.js';

export type PublishingTab = 'approve' | 'jobs';

/**
 * The publishing area: what awaits sign-off (signed off by an approver with their password) and
 * the website queue those sign-offs feed. Only the open tab is mounted, so only it loads and polls.
 */
export function PublishingPage() {
  const { t } = useI18n();
  const categories = useQuery('categories.list');
  const [tab, setTab] = useState<PublishingTab>('approve');
  const [refreshed, setRefreshed] = useState(0);

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Title order={2}>{t('nav.publishing')}</Title>
        <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => setRefreshed((n) => n + 1)} data-testid="publishing-refresh">
          {t('publishing.refresh')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('publishing.intro')}
      </Text>
      <Tabs value={tab} onChange={(value) => value && setTab(value as PublishingTab)}>
        <Tabs.List>
          {(['approve', 'jobs'] as const).map((which) => (
            <Tabs.Tab key={which} value={which} data-testid={`publishing-tab-${which}`}>
              {t(`publishing.tab.${which}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {tab === 'jobs' ? (
        <JobQueue refreshed={refreshed} />
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
