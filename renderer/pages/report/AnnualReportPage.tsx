import { Alert, Button, Center, Group, Loader, NumberInput, Paper, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useQuery } from '../../hooks/useQuery.js';
import { downloadBase64 } from '../../files.js';
import { notifyFailure, notifySuccess, toApiError } from '../../failures.js';
import { reasonMessage } from '../../reasons.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ReasonModal } from '../review/ReasonModal.js';
import { ReportTable } from './ReportTable.js';
import { SourcesDrawer } from './SourcesDrawer.js';
import { EnteredFiguresForm } from './EnteredFiguresForm.js';
import { NarrativeEditor } from './NarrativeEditor.js';
import { SnapshotList } from './SnapshotList.js';
import { DOCX_MIME } from './docx-mime.js';
import { reportTables, SECTION_TITLES } from '../../../shared/domain/annual-report.js';
import type { CommandOutput } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';

type Report = CommandOutput<'report.get'>;

/** The annual report: the year's figures with their sources, the cross-checks, the narrative, export and filed snapshots. */
export function AnnualReportPage() {
  const { t } = useI18n();
  const { command, user } = useSession();
  const [year, setYear] = useState(() => new Date().getFullYear() - 1);
  const [generation, setGeneration] = useState(0);
  const [loaded, setLoaded] = useState<{ report: Report | null; error: ApiError | null } | null>(null);
  const [cell, setCell] = useState<string | null>(null);
  const [overriding, setOverriding] = useState(false);
  const [exporting, setExporting] = useState(false);
  const canEdit = user.roles.includes('officer') || user.roles.includes('admin');
  const categories = useQuery('categories.list');
  const categoryIds = new Map((categories.data ?? []).map((c) => [c.name, c.id]));

  useEffect(() => {
    let current = true;
    command('report.get', { year }).then(
      (report) => current && setLoaded({ report, error: null }),
      (thrown: unknown) => current && setLoaded((previous) => ({ report: previous?.report ?? null, error: toApiError(thrown) })),
    );
    return () => {
      current = false;
    };
  }, [command, year, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  // Another year's figures never show under this year's picker while it loads.
  const report = loaded?.report?.model.year === year ? loaded.report : null;
  const error = loaded?.error ?? null;

  async function exportReport(overrideReason = ''): Promise<string | null> {
    setExporting(true);
    try {
      const file = await command('report.export', { year, overrideReason });
      downloadBase64(file.fileName, DOCX_MIME, file.dataBase64);
      notifySuccess(t('report.exported', { name: file.fileName }));
      reload();
      return null;
    } catch (thrown) {
      if (!overrideReason) notifyFailure(t, thrown);
      return overrideReason ? t('common.failed') : null;
    } finally {
      setExporting(false);
    }
  }

  const model = report?.model;
  const tables = model && reportTables(model);
  const failures = model?.consistency ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap">
        <Title order={2}>{t('nav.annualReport')}</Title>
        <Group gap="xs" wrap="nowrap">
          <NumberInput
            aria-label={t('report.year')}
            min={2008}
            max={2100}
            w={110}
            value={year}
            onChange={(value) => typeof value === 'number' && value >= 2008 && value <= 2100 && setYear(value)}
            data-testid="report-year"
          />
          {canEdit && (
            <Button
              leftSection={<IconFileExport size={16} />}
              loading={exporting}
              disabled={!model}
              onClick={() => (failures.length ? setOverriding(true) : void exportReport())}
              data-testid="report-export"
            >
              {t('report.export')}
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('report.intro')}
      </Text>
      <ErrorAlert error={error} />
      {!report || !model || !tables ? (
        !error && (
          <Center p="xl">
            <Loader />
          </Center>
        )
      ) : (
        <>
          {failures.length ? (
            <Alert color="red" title={t('report.checks.failed', { count: failures.length })} data-testid="report-checks">
              <Stack gap={4}>
                {failures.map((f, i) => (
                  <Text key={i} size="sm">
                    {reasonMessage(t, { code: `report.check.${f.rule}`, params: { at: f.at, left: f.left, right: f.right, terms: f.terms } })}
                  </Text>
                ))}
              </Stack>
            </Alert>
          ) : (
            <Alert color="green" data-testid="report-checks">
              {t('report.checks.ok')}
            </Alert>
          )}

          <Paper withBorder p="md">
            <Title order={4} mb="xs">
              {t('report.proactive')}
            </Title>
            <Table withTableBorder withColumnBorders fz="sm" w="auto" data-testid="report-proactive">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th>{t('report.proactive.total')}</Table.Th>
                  <Table.Td>
                    <UnstyledButton c="blue" td="underline" onClick={() => setCell('p.total')} data-testid="figure-p.total">
                      {model.proactive.total}
                    </UnstyledButton>
                  </Table.Td>
                </Table.Tr>
                {Object.entries(model.proactive.byCategory).map(([name, count]) => {
                  const id = categoryIds.get(name);
                  return (
                    <Table.Tr key={name}>
                      <Table.Th fw="normal">{name}</Table.Th>
                      <Table.Td>
                        {id ? (
                          <UnstyledButton c="blue" td="underline" onClick={() => setCell(`p.cat.${id}`)} data-testid={`figure-p.cat.${id}`}>
                            {count}
                          </UnstyledButton>
                        ) : (
                          count
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>

          <Paper withBorder p="md">
            <Title order={4} mb="xs">
              {SECTION_TITLES.proactive}
            </Title>
            <ReportTable layout={tables.table2} onFigure={setCell} testId="report-table2" />
          </Paper>
          <Paper withBorder p="md">
            <Title order={4} mb="xs">
              {SECTION_TITLES.requests}
            </Title>
            <ReportTable layout={tables.table3} onFigure={setCell} testId="report-table3" />
          </Paper>
          <Paper withBorder p="md">
            <Title order={4} mb="xs">
              {SECTION_TITLES.appeals}
            </Title>
            <ReportTable layout={tables.table4} onFigure={setCell} testId="report-table4" />
          </Paper>

          <EnteredFiguresForm key={`entered-${year}`} year={year} entered={report.entered} canEdit={canEdit} onSaved={reload} />
          <NarrativeEditor key={`narrative-${year}-${report.narrativeSaved}`} year={year} narrative={report.narrative} saved={report.narrativeSaved} canEdit={canEdit} onSaved={reload} />
          <SnapshotList snapshots={report.snapshots} canEdit={canEdit} onChanged={reload} />
        </>
      )}
      <SourcesDrawer year={year} cell={cell} onClose={() => setCell(null)} />
      <ReasonModal
        opened={overriding}
        title={t('report.export.override_title')}
        help={t('report.export.override_help')}
        label={t('report.export.override_label')}
        confirmLabel={t('report.export')}
        onSubmit={(reason) => exportReport(reason)}
        onClose={() => setOverriding(false)}
        testId="report-override"
      />
    </Stack>
  );
}
