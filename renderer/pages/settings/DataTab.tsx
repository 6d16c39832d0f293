import { Alert, Button, Center, Code, DataList, Group, List, Loader, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useQuery, type Query } from '../../hooks/useQuery.js';
import { useForm } from '../../hooks/useForm.js';
import { notifyFailure, notifySuccess } from '../../failures.js';
import { formatBytes, formatDateTime } from '../../format.js';
import { PasswordField } from '../../components/PasswordField.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { requiredProblem } from '../../validation.js';
import type { CommandOutput } from '../../../shared/contract.js';

type DatabaseCheck = CommandOutput<'system.checkDatabase'>;

export function DataTab() {
  const { t, language } = useI18n();
  const info = useQuery('system.info');
  const backups = useQuery('system.backups');

  if (!info.data) {
    return info.error ? (
      <ErrorAlert error={info.error} />
    ) : (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  const { version, dataDir, databaseFile, suggestedBackupFile, integrity } = info.data;
  return (
    <Stack gap="xl" maw={720}>
      <DataList labelWidth={140}>
        <DataList.Item>
          <DataList.ItemLabel>{t('data.version')}</DataList.ItemLabel>
          <DataList.ItemValue>{version}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('data.data_dir')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Path>{dataDir}</Path>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('data.database_file')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Path>{databaseFile}</Path>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('data.last_check')}</DataList.ItemLabel>
          <DataList.ItemValue data-testid="data-last-check">
            {!integrity ? (
              t('data.last_check_none')
            ) : integrity.ok ? (
              t('data.last_check_ok', { at: formatDateTime(integrity.checkedAt, language) })
            ) : (
              <Text c="red" size="sm">
                {t('data.last_check_failed', { at: formatDateTime(integrity.checkedAt, language), messages: integrity.messages.slice(0, 3).join('; ') })}
              </Text>
            )}
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
      <DatabaseCheckSection />
      <BackupSection suggestedFile={suggestedBackupFile} onBackedUp={backups.reload} />
      <RestoreSection backups={backups} />
    </Stack>
  );
}

/** Paths are long and unbroken; let them wrap anywhere rather than widen the page. */
function Path({ children }: { children: string }) {
  return <Code style={{ wordBreak: 'break-all' }}>{children}</Code>;
}

function DatabaseCheckSection() {
  const { t } = useI18n();
  const { command } = useSession();
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<DatabaseCheck | null>(null);

  async function check() {
    setChecking(true);
    try {
      setResult(await command('system.checkDatabase', {}));
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setChecking(false);
    }
  }

  return (
    <Stack gap="sm">
      <Title order={4}>{t('data.check_title')}</Title>
      <Text size="sm" c="dimmed">
        {t('data.check_help')}
      </Text>
      <Group>
        <Button variant="default" onClick={() => void check()} loading={checking} data-testid="check-database">
          {t('data.check')}
        </Button>
      </Group>
      {result && (
        <Alert
          color={result.ok ? 'green' : 'red'}
          icon={result.ok ? <IconCircleCheck /> : <IconAlertTriangle />}
          title={t(result.ok ? 'data.check_ok' : 'data.check_failed')}
          data-testid="database-check-result"
        >
          {!result.ok && (
            <List size="sm">
              {result.messages.map((message, index) => (
                <List.Item key={index}>{message}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  );
}

function BackupSection({ suggestedFile, onBackedUp }: { suggestedFile: string; onBackedUp(): void }) {
  const { t, language } = useI18n();
  const { command } = useSession();
  const form = useForm({ file: suggestedFile }, (values) => ({ file: requiredProblem(values.file) }));

  const backUp = form.onSubmit(async ({ file }) => {
    const done = await command('system.backup', { file: file.trim() });
    notifySuccess(t('data.backup_done', { file: done.file, size: formatBytes(done.bytes, language) }));
    // A backup into the backups folder joins the list below.
    onBackedUp();
  });

  return (
    <form onSubmit={backUp} data-testid="backup-form">
      <Stack gap="sm">
        <Title order={4}>{t('data.backup_title')}</Title>
        <TextInput label={t('data.backup_file')} description={t('data.backup_help')} maxLength={1024} {...form.field('file')} />
        <ErrorAlert error={form.failure} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('data.backup')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type Backup = CommandOutput<'system.backups'>[number];

/** The backups folder's files, newest first; restoring one asks for the admin's password, then reloads the app. */
function RestoreSection({ backups }: { backups: Query<Backup[]> }) {
  const { t, language } = useI18n();
  const [chosen, setChosen] = useState<Backup | null>(null);

  return (
    <Stack gap="sm">
      <Title order={4}>{t('data.restore_title')}</Title>
      <Text size="sm" c="dimmed">
        {t('data.restore_help')}
      </Text>
      {backups.error && <ErrorAlert error={backups.error} />}
      {backups.data?.length === 0 && <Text size="sm">{t('data.restore_empty')}</Text>}
      {!!backups.data?.length && (
        <Table striped data-testid="backup-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('data.restore_at')}</Table.Th>
              <Table.Th>{t('data.restore_kind')}</Table.Th>
              <Table.Th>{t('data.restore_size')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.data.map((backup) => (
              <Table.Tr key={backup.name} data-testid="backup-row">
                <Table.Td title={backup.name}>{formatDateTime(backup.at, language)}</Table.Td>
                <Table.Td>{t(`data.restore_kind.${backup.kind}`)}</Table.Td>
                <Table.Td>{formatBytes(backup.bytes, language)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => setChosen(backup)} data-testid="restore-backup">
                    {t('data.restore')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {chosen && <RestoreModal backup={chosen} onClose={() => setChosen(null)} />}
    </Stack>
  );
}

function RestoreModal({ backup, onClose }: { backup: Backup; onClose: () => void }) {
  const { t, language } = useI18n();
  const { command } = useSession();
  const form = useForm({ password: '' }, (values) => ({ password: requiredProblem(values.password) }));

  const restore = form.onSubmit(async ({ password }) => {
    await command('system.restore', { name: backup.name, password });
    notifySuccess(t('data.restore_done'));
    // Every screen shows the restored data only after a fresh start.
    window.location.reload();
  });

  return (
    <Modal opened onClose={() => !form.submitting && onClose()} title={t('data.restore_confirm_title')}>
      <form onSubmit={restore} data-testid="restore-form">
        <Stack gap="sm">
          <Text size="sm">{t('data.restore_confirm_text', { at: formatDateTime(backup.at, language), name: backup.name })}</Text>
          <PasswordField label={t('data.restore_password')} autoComplete="current-password" data-autofocus {...form.field('password')} />
          <ErrorAlert error={form.failure} />
          <Group justify="flex-end">
            <Button type="submit" color="red" loading={form.submitting}>
              {t('data.restore_confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
