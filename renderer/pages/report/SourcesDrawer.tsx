import { Alert, Center, Drawer, Loader, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { toApiError } from '../../failures.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import type { CommandOutput } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';

interface SourcesDrawerProps {
  year: number;
  /** The figure's cell key; null when closed. */
  cell: string | null;
  onClose(): void;
}

/** The records counted in one figure of the report. */
export function SourcesDrawer({ year, cell, onClose }: SourcesDrawerProps) {
  const { t } = useI18n();
  const { command } = useSession();
  const [loaded, setLoaded] = useState<{ cell: string; data: CommandOutput<'report.sources'> | null; error: ApiError | null } | null>(null);

  useEffect(() => {
    if (!cell) return;
    let current = true;
    command('report.sources', { year, cell }).then(
      (data) => current && setLoaded({ cell, data, error: null }),
      (thrown: unknown) => current && setLoaded({ cell, data: null, error: toApiError(thrown) }),
    );
    return () => {
      current = false;
    };
  }, [command, year, cell]);
  const shown = loaded?.cell === cell ? loaded : null;
  const data = shown?.data ?? null;
  const error = shown?.error ?? null;

  return (
    <Drawer opened={cell !== null} onClose={onClose} position="right" size="lg" title={data?.label ?? t('report.sources.title')} data-testid="report-sources">
      <ErrorAlert error={error} />
      {!data && !error && (
        <Center p="xl">
          <Loader />
        </Center>
      )}
      {data && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed" data-testid="report-sources-count">
            {t('report.sources.count', { total: data.total })}
          </Text>
          {data.records.length < data.total && <Alert color="gray">{t('report.sources.more', { shown: data.records.length })}</Alert>}
          {data.records.length > 0 && (
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('report.sources.kind')}</Table.Th>
                  <Table.Th>{t('report.sources.record')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.records.map((r) => (
                  <Table.Tr key={`${r.kind}-${r.id}`}>
                    <Table.Td>{t(`report.sources.kind.${r.kind}`)}</Table.Td>
                    <Table.Td>{r.title}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
