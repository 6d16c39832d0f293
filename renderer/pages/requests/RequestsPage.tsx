import { Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { RequestList } from './RequestList.js';
import { RegisterForm } from './RegisterForm.js';
import { RequestDetailView } from './RequestDetail.js';
import { takePendingRequest } from './open-request.js';
import { ComplaintsTab } from './ComplaintsTab.js';
import { AppealsTab } from './AppealsTab.js';

/**
 * The information requests area. Tabs: the register (list, and a request's detail), registering a new one,
 * and the complaint and appeal registers (added by their own module, see the marked place).
 */
export function RequestsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [tab, setTab] = useState<string>('list');
  const [openId, setOpenId] = useState<string | null>(() => takePendingRequest());
  const [refreshed, setRefreshed] = useState(0);
  const canHandle = user.roles.includes('officer');

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Title order={2}>{t('nav.requests')}</Title>
        <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => setRefreshed((n) => n + 1)} data-testid="requests-refresh">
          {t('requests.refresh')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('requests.intro')}
      </Text>
      <Tabs value={tab} onChange={(value) => value && setTab(value)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="list" data-testid="requests-tab-list" onClick={() => setOpenId(null)}>
            {t('requests.tab.list')}
          </Tabs.Tab>
          {canHandle && (
            <Tabs.Tab value="register" data-testid="requests-tab-register">
              {t('requests.tab.register')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="complaints" data-testid="requests-tab-complaints">
            {t('requests.tab.complaints')}
          </Tabs.Tab>
          <Tabs.Tab value="appeals" data-testid="requests-tab-appeals">
            {t('requests.tab.appeals')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list" pt="sm">
          {openId ? (
            <RequestDetailView key={`${openId}#${refreshed}`} requestId={openId} onBack={() => setOpenId(null)} />
          ) : (
            <RequestList refreshed={refreshed} onOpen={setOpenId} />
          )}
        </Tabs.Panel>
        {canHandle && (
          <Tabs.Panel value="register" pt="sm">
            <RegisterForm
              onRegistered={(id) => {
                setOpenId(id);
                setTab('list');
              }}
            />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="complaints" pt="sm">
          <ComplaintsTab />
        </Tabs.Panel>
        <Tabs.Panel value="appeals" pt="sm">
          <AppealsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
