import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { downloadBase64 } from '../../files.js';
import { notifyFailure, notifySuccess } from '../../failures.js';
import { formatDateTime } from '../../format.js';
import { DOCX_MIME } from './docx-mime.js';
import type { CommandOutput } from '../../../shared/contract.js';

type Snapshot = CommandOutput<'report.get'>['snapshots'][number];
type Diff = CommandOutput<'report.diff'>;

interface SnapshotListProps {
  snapshots: Snapshot[];
  canEdit: boolean;
  onChanged(): void;
}

/** Filed reports: each export is frozen; later register edits show as "what would differ". */
export function SnapshotList({ snapshots, canEdit, onChanged }: SnapshotListProps) {
  const { t, language } = useI18n();
  const { command, user } = useSession();
  const [diff, setDiff] = useState<Diff | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function run(id: string, work: () => Promise<void>) {
    setBusy(id);
    try {
      await work();
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setBusy(null);
    }
  }

  const download = (s: Snapshot) =>
    run(s.id, async () => {
      const file = await command('report.download', { snapshotId: s.id });
      downloadBase64(file.fileName, DOCX_MIME, file.dataBase64);
    });
  const compare = (s: Snapshot) => run(s.id, async () => setDiff(await command('report.diff', { snapshotId: s.id })));
  const createItem = (s: Snapshot) =>
    run(s.id, async () => {
      await command('report.createItem', { snapshotId: s.id });
      notifySuccess(t('report.snapshots.item_created'));
      onChanged();
    });

  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4}>{t('report.snapshots.title')}</Title>
        {snapshots.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('report.snapshots.empty')}
          </Text>
        ) : (
          <Table fz="sm" data-testid="report-snapshots">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('report.snapshots.created')}</Table.Th>
                <Table.Th>{t('report.snapshots.by')}</Table.Th>
                <Table.Th>{t('report.snapshots.checks')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {snapshots.map((s) => (
                <Table.Tr key={s.id} data-testid="report-snapshot">
                  <Table.Td>{formatDateTime(s.createdAt, language)}</Table.Td>
                  <Table.Td>{s.createdBy}</Table.Td>
                  <Table.Td>
                    {s.failedChecks ? (
                      <Stack gap={2}>
                        <Badge color="orange">{t('report.snapshots.failed', { count: s.failedChecks })}</Badge>
                        <Text size="xs">{t('report.snapshots.override', { reason: s.overrideReason })}</Text>
                      </Stack>
                    ) : (
                      <Badge color="green">{t('report.snapshots.passed')}</Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="default" loading={busy === s.id} onClick={() => void download(s)} data-testid="report-snapshot-download">
                        {t('report.snapshots.download')}
                      </Button>
                      <Button size="xs" variant="default" onClick={() => void compare(s)} data-testid="report-snapshot-diff">
                        {t('report.snapshots.diff')}
                      </Button>
                      {canEdit && user.roles.includes('officer') && !s.itemId && (
                        <Button size="xs" variant="light" onClick={() => void createItem(s)} data-testid="report-snapshot-item">
                          {t('report.snapshots.create_item')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Modal opened={diff !== null} onClose={() => setDiff(null)} title={t('report.diff.title')} size="lg" data-testid="report-diff">
        {diff && (
          <Stack gap="xs">
            {diff.narrativeChanged && <Text size="sm">{t('report.diff.narrative_changed')}</Text>}
            {diff.differences.length === 0 ? (
              <Text size="sm">{t('report.diff.none')}</Text>
            ) : (
              <Table fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('report.diff.what')}</Table.Th>
                    <Table.Th>{t('report.diff.filed')}</Table.Th>
                    <Table.Th>{t('report.diff.now')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {diff.differences.map((d) => (
                    <Table.Tr key={d.what}>
                      <Table.Td>{d.what}</Table.Td>
                      <Table.Td>{d.filed}</Table.Td>
                      <Table.Td>{d.now}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
