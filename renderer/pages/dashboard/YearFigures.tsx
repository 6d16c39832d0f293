import { Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n.js';
import type { CommandOutput } from '../../../shared/contract.js';
import { SOURCE_LEVELS } from '../../../shared/domain/catalogue.js';

type Summary = CommandOutput<'dashboard.summary'>;

/** A year's figures, the ones the annual report is made of: published items, interpretations, interviews, requests, error reports. */
export function YearFigures({ summary, onYear }: { summary: Summary; onYear(year: number): void }) {
  const { t } = useI18n();
  const { published, interpretations, interviews, requests, errorReports } = summary;
  return (
    <Paper withBorder p="md" data-testid="dashboard-figures">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>{t('dashboard.figures.title')}</Title>
          <Select
            aria-label={t('dashboard.figures.year')}
            w={140}
            allowDeselect={false}
            data={summary.years.map((y) => ({ value: String(y), label: t('dashboard.figures.year_value', { year: y }) }))}
            value={String(summary.year)}
            onChange={(value) => value && onYear(Number(value))}
            data-testid="dashboard-year"
          />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
          <Figure label={t('dashboard.figures.total')} testId="figure-total">
            <Text size="xl" fw={700} data-testid="figure-total-value">
              {t('dashboard.figures.items', { count: published.total })}
            </Text>
          </Figure>
          <Figure label={t('dashboard.figures.interpretations')} testId="figure-interpretations">
            {SOURCE_LEVELS.map((level) => (
              <Text size="sm" key={level} data-testid={`figure-interpretations-${level}`}>
                {t(`catalogue.source_level.${level}`)}
                {t('common.label_separator')}
                {interpretations[level]}
              </Text>
            ))}
          </Figure>
          <Figure
            label={t('dashboard.figures.interviews')}
            testId="figure-interviews"
            lines={{ held: t('dashboard.figures.interviews_held', { count: interviews.held }), reposted: t('dashboard.figures.interviews_reposted', { count: interviews.reposted }) }}
          />
          <Figure
            label={t('dashboard.figures.requests')}
            testId="figure-requests"
            lines={{ received: t('dashboard.figures.requests_received', { count: requests.received }), closed: t('dashboard.figures.requests_closed', { count: requests.closed }) }}
          />
          <Figure
            label={t('dashboard.figures.error_reports')}
            testId="figure-error-reports"
            lines={{
              received: t('dashboard.figures.error_reports_received', { count: errorReports.received }),
              handled: t('dashboard.figures.error_reports_handled', { count: errorReports.handled }),
            }}
          />
        </SimpleGrid>
        {published.byCategory.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="dashboard-figures-empty">
            {t('dashboard.figures.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={360}>
            <Table verticalSpacing={4} striped data-testid="dashboard-categories">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.figures.category')}</Table.Th>
                  <Table.Th ta="right" w={120}>
                    {t('dashboard.figures.count')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {published.byCategory.map((row) => (
                  <Table.Tr key={row.categoryId} data-testid={`category-${row.categoryId}`}>
                    <Table.Td>{row.name}</Table.Td>
                    <Table.Td ta="right" data-testid="category-count">
                      {row.count}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

/** A figure card: its label, then `children` or `lines` of text, each line with the test id `<testId>-<key>`. */
function Figure({ label, testId, children, lines = {} }: { label: string; testId: string; children?: ReactNode; lines?: Record<string, string> }) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        {children}
        {Object.entries(lines).map(([key, text]) => (
          <Text size="sm" key={key} data-testid={`${testId}-${key}`}>
            {text}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
