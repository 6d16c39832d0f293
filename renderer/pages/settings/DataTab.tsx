import { Alert, Button, Center, Code, DataList, Group, List, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useQuery } from '../../hooks/useQuery.js';
import { useForm } from '../../hooks/useForm.js';
import { notifyFailure, notifySuccess } from '../../failures.js';
import { formatBytes } from '../../format.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { requiredProblem } from '../../validation.js';
import type { CommandOutput } from '../../../shared/contract.js';

type DatabaseCheck = CommandOutput<'system.checkDatabase'>;

export function DataTab() {
  const { t } = useI18n();
  const info = useQuery('system.info');

  if (!info.data) {
    return info.error ? (
      <ErrorAlert error={info.error} />
    ) : (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  const { version, dataDir, databaseFile, suggestedBackupFile } = info.data;
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
      </DataList>
      <DatabaseCheckSection />
      <BackupSection suggestedFile={suggestedBackupFile} />
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

function BackupSection({ suggestedFile }: { suggestedFile: string }) {
  const { t, language } = useI18n();
  const { command } = useSession();
  const form = useForm({ file: suggestedFile }, (values) => ({ file: requiredProblem(values.file) }));

  const backUp = form.onSubmit(async ({ file }) => {
    const done = await command('system.backup', { file: file.trim() });
    notifySuccess(t('data.backup_done', { file: done.file, size: formatBytes(done.bytes, language) }));
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
