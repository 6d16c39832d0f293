import { AppShell, Badge, Button, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useIdle } from '@mantine/hooks';
import { IconCloudCheck, IconCloudOff, IconLock, IconLogout } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n.js';
import { useSession } from '../session.js';
import { formatRoles, formatShortDateTime } from '../format.js';
import { useQuery } from '../hooks/useQuery.js';
import { AREAS, AREA_ICONS, areaVisible, type Area } from '../navigation.js';
import { EmptyState } from './EmptyState.js';
import { SettingsPage } from '../pages/settings/SettingsPage.js';
import { AuditLogPage } from '../pages/audit/AuditLogPage.js';
import { AnnualReportPage } from '../pages/report/AnnualReportPage.js';
import { DashboardPage } from '../pages/dashboard/DashboardPage.js';
import { DraftsPage } from '../pages/drafts/DraftsPage.js';
import { ReviewPage } from '../pages/review/ReviewPage.js';
import { PublishingPage } from '../pages/publishing/PublishingPage.js';
import { RequestsPage } from '../pages/requests/RequestsPage.js';
import { WorkspaceContext, type EditorTarget, type OpenEditor } from '../workspace.js';

/** Unattended screens lock themselves: these machines sit in shared offices. */
const IDLE_LOCK_MS = 15 * 60_000;

export function AppLayout() {
  const { t } = useI18n();
  const { isAdmin, unit, lock, signOut } = useSession();
  const [area, setArea] = useState<Area>('dashboard');
  const [editor, setEditor] = useState<OpenEditor | null>(null);
  const opened = useRef(0);
  const idle = useIdle(IDLE_LOCK_MS, { initialState: false });

  const openEditor = useCallback((target: EditorTarget) => {
    opened.current += 1;
    setEditor({ target, key: opened.current });
    setArea('drafts');
  }, []);
  const closeEditor = useCallback(() => setEditor(null), []);
  /** The navbar always leads to an area's start: choosing Drafts again leaves the editor (its autosave keeps unsaved work). */
  const goTo = useCallback((next: Area) => {
    if (next === 'drafts') setEditor(null);
    setArea(next);
  }, []);
  const workspace = useMemo(() => ({ area, goTo, editor, openEditor, closeEditor }), [area, goTo, editor, openEditor, closeEditor]);

  useEffect(() => {
    if (idle) void lock();
  }, [idle, lock]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} footer={{ height: 34 }} padding="lg">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Title order={4} style={{ whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Title>
            {unit && (
              <Text c="dimmed" truncate data-testid="header-unit-name">
                {unit.name}
              </Text>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Button variant="subtle" color="gray" leftSection={<IconLock size={16} />} onClick={() => void lock()}>
              {t('shell.lock')}
            </Button>
            <Button variant="default" leftSection={<IconLogout size={16} />} onClick={() => void signOut()} data-testid="logout">
              {t('shell.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('shell.navigation')}>
        <ScrollArea>
          {AREAS.filter((id) => areaVisible(id, isAdmin)).map((id) => {
            const AreaIcon = AREA_ICONS[id];
            return (
              <NavLink
                key={id}
                component="button"
                label={t(`nav.${id}`)}
                leftSection={<AreaIcon size={18} />}
                active={area === id}
                onClick={() => goTo(id)}
                data-testid={`nav-${id}`}
              />
            );
          })}
        </ScrollArea>
      </AppShell.Navbar>

      <AppShell.Main>
        <WorkspaceContext.Provider value={workspace}>
          <AreaPage area={area} />
        </WorkspaceContext.Provider>
      </AppShell.Main>

      <AppShell.Footer px="md">
        <StatusBar />
      </AppShell.Footer>
    </AppShell>
  );
}

function AreaPage({ area }: { area: Area }) {
  switch (area) {
    case 'dashboard':
      return <DashboardPage />;
    case 'drafts':
      return <DraftsPage />;
    case 'review':
      return <ReviewPage />;
    case 'publishing':
      return <PublishingPage />;
    case 'requests':
      return <RequestsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'audit':
      return <AuditLogPage />;
    case 'annualReport':
      return <AnnualReportPage />;
    default:
      return <EmptyState icon={AREA_ICONS[area]} title={`nav.${area}`} description={`area.${area}.description`} />;
  }
}

function StatusBar() {
  const { t, language } = useI18n();
  const { user } = useSession();
  return (
    <Group h="100%" justify="space-between" wrap="nowrap" data-testid="status-bar">
      <Text size="xs" truncate>
        {t('shell.signed_in_as', {
          name: user.displayName,
          roles: formatRoles(user.roles, t, language),
        })}
      </Text>
      <SyncStatus />
    </Group>
  );
}

const SYNC_POLL_MS = 10_000;

/** Website sync at a glance: not configured, offline, problems to look at, or fine. */
function SyncStatus() {
  const { t, language } = useI18n();
  const status = useQuery('publishing.status');
  const { reload } = status;
  useEffect(() => {
    const timer = setInterval(reload, SYNC_POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const s = status.data;
  const [color, label] = !s?.configured
    ? ['gray', t('shell.sync_not_configured')]
    : s.online === false
      ? ['red', t('shell.sync_offline', { queued: s.queued })]
      : s.failed + s.conflicts > 0
        ? ['orange', t('shell.sync_problems', { failed: s.failed, conflicts: s.conflicts, queued: s.queued })]
        : ['green', t('shell.sync_ok', { queued: s.queued, last: s.lastSuccessAt ? formatShortDateTime(s.lastSuccessAt, language) : t('shell.sync_never') })];
  return (
    <Badge variant="light" color={color} leftSection={color === 'green' ? <IconCloudCheck size={12} /> : <IconCloudOff size={12} />} data-testid="sync-status" data-state={color}>
      {label}
    </Badge>
  );
}
