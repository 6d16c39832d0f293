import { Stack, Tabs, Title } from '@mantine/core';
import { IconBuilding, IconCalendarEvent, IconCategory, IconDatabase, IconFileText, IconMessageCircle, IconSettings, IconShieldLock, IconUserCircle, IconUsers, IconWorldUpload } from '@tabler/icons-react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { GeneralTab } from './GeneralTab.js';
import { AccountTab } from './AccountTab.js';
import { UnitTab } from './UnitTab.js';
import { UsersTab } from './UsersTab.js';
import { DataTab } from './DataTab.js';
import { CalendarTab } from './CalendarTab.js';
import { CategoriesTab } from './CategoriesTab.js';
import { InterpretationsTab } from './InterpretationsTab.js';
import { ReviewSettingsTab } from './ReviewSettingsTab.js';
import { WebsiteTab } from './WebsiteTab.js';
import { LetterTemplatesTab } from './LetterTemplatesTab.js';

export function SettingsPage() {
  const { t } = useI18n();
  const { isAdmin, user } = useSession();
  const editsLetters = isAdmin || user.roles.includes('officer');
  return (
    <Stack>
      <Title order={2}>{t('nav.settings')}</Title>
      <Tabs defaultValue="general">
        <Tabs.List>
          <Tabs.Tab value="general" leftSection={<IconSettings size={16} />}>
            {t('settings.tab.general')}
          </Tabs.Tab>
          <Tabs.Tab value="account" leftSection={<IconUserCircle size={16} />}>
            {t('settings.tab.account')}
          </Tabs.Tab>
          <Tabs.Tab value="unit" leftSection={<IconBuilding size={16} />}>
            {t('settings.tab.unit')}
          </Tabs.Tab>
          <Tabs.Tab value="calendar" leftSection={<IconCalendarEvent size={16} />} data-testid="settings-tab-calendar">
            {t('settings.tab.calendar')}
          </Tabs.Tab>
          {editsLetters && (
            <Tabs.Tab value="letters" leftSection={<IconFileText size={16} />} data-testid="settings-tab-letters">
              {t('settings.tab.letters')}
            </Tabs.Tab>
          )}
          {isAdmin && (
            <>
              <Tabs.Tab value="categories" leftSection={<IconCategory size={16} />} data-testid="settings-tab-categories">
                {t('settings.tab.categories')}
              </Tabs.Tab>
              <Tabs.Tab value="interpretations" leftSection={<IconMessageCircle size={16} />} data-testid="settings-tab-interpretations">
                {t('settings.tab.interpretations')}
              </Tabs.Tab>
              <Tabs.Tab value="review" leftSection={<IconShieldLock size={16} />} data-testid="settings-tab-review">
                {t('settings.tab.review')}
              </Tabs.Tab>
              <Tabs.Tab value="website" leftSection={<IconWorldUpload size={16} />} data-testid="settings-tab-website">
                {t('settings.tab.website')}
              </Tabs.Tab>
              <Tabs.Tab value="users" leftSection={<IconUsers size={16} />} data-testid="settings-tab-users">
                {t('settings.tab.users')}
              </Tabs.Tab>
              <Tabs.Tab value="data" leftSection={<IconDatabase size={16} />} data-testid="settings-tab-data">
                {t('settings.tab.data')}
              </Tabs.Tab>
            </>
          )}
        </Tabs.List>
        <Tabs.Panel value="general" pt="lg">
          <GeneralTab />
        </Tabs.Panel>
        <Tabs.Panel value="account" pt="lg">
          <AccountTab />
        </Tabs.Panel>
        <Tabs.Panel value="unit" pt="lg">
          <UnitTab />
        </Tabs.Panel>
        <Tabs.Panel value="calendar" pt="lg">
          <CalendarTab />
        </Tabs.Panel>
        {editsLetters && (
          <Tabs.Panel value="letters" pt="lg">
            <LetterTemplatesTab />
          </Tabs.Panel>
        )}
        {isAdmin && (
          <>
            <Tabs.Panel value="categories" pt="lg">
              <CategoriesTab />
            </Tabs.Panel>
            <Tabs.Panel value="interpretations" pt="lg">
              <InterpretationsTab />
            </Tabs.Panel>
            <Tabs.Panel value="review" pt="lg">
              <ReviewSettingsTab />
            </Tabs.Panel>
            <Tabs.Panel value="website" pt="lg">
              <WebsiteTab />
            </Tabs.Panel>
            <Tabs.Panel value="users" pt="lg">
              <UsersTab />
            </Tabs.Panel>
            <Tabs.Panel value="data" pt="lg">
              <DataTab />
            </Tabs.Panel>
          </>
        )}
      </Tabs>
    </Stack>
  );
}
