import { Alert, Badge, Button, Center, FileButton, Group, List, Loader, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCalculator, IconCalendarEvent, IconUpload } from '@tabler/icons-react';
import { useMemo, useRef, useState, type ComponentProps } from 'react';
import { isMessageKey, useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useQuery } from '../../hooks/useQuery.js';
import { useForm } from '../../hooks/useForm.js';
import { notifySuccess, toApiError } from '../../failures.js';
import { extensionOf, readAsText } from '../../files.js';
import { todayInShanghai } from '../../catalogue.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { DayCountTable } from './DayCountTable.js';
import { requiredProblem } from '../../validation.js';
import { parseCalendarIcs, parseCalendarJson, type CalendarIssue } from '../../../shared/domain/calendar-import.js';
import { isValidDate } from '../../../shared/domain/working-days.js';
import type { CommandOutput } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';
import type { Translate } from '../../../shared/i18n/index.js';

type Explanation = CommandOutput<'calendar.explain'>;

/** The working-day calendar behind every deadline: which years are loaded, from where, and how a deadline was counted. */
export function CalendarTab() {
  const { t } = useI18n();
  const { isAdmin } = useSession();
  const years = useQuery('calendar.years');

  return (
    <Stack gap="xl" maw={900}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('calendar.intro')}
        </Text>
        <ErrorAlert error={years.error} />
        {years.data ? (
          <YearsTable years={years.data} />
        ) : (
          !years.error && (
            <Center p="md">
              <Loader size="sm" />
            </Center>
          )
        )}
      </Stack>
      {isAdmin && <ImportSection onImported={years.reload} />}
      <ExplainSection />
      {isAdmin && <SetDaySection onChanged={years.reload} />}
    </Stack>
  );
}

const SOURCES = ['chinese-days', 'import', 'admin'] as const;

function YearsTable({ years }: { years: CommandOutput<'calendar.years'> }) {
  const { t } = useI18n();
  if (!years.length) return <Text c="dimmed">{t('calendar.no_years')}</Text>;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped verticalSpacing={6} data-testid="calendar-years">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('calendar.column.year')}</Table.Th>
            <Table.Th>{t('calendar.column.source')}</Table.Th>
            <Table.Th ta="right">{t('calendar.column.holidays')}</Table.Th>
            <Table.Th ta="right">{t('calendar.column.makeup')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {years.map((year) => {
            const source = SOURCES.find((s) => s === year.source);
            return (
              <Table.Tr key={year.year} data-testid="calendar-year-row" data-year={year.year}>
                <Table.Td>{year.year}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={source === 'chinese-days' ? 'gray' : source === 'import' ? 'blue' : 'grape'}>
                    {source ? t(`calendar.source.${source}`) : year.source}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{year.holidays}</Table.Td>
                <Table.Td ta="right">{year.makeupWorkdays}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** An import issue in words; the parser's codes are `calendar.<issue>`. */
function issueMessage(t: Translate, issue: CalendarIssue): string {
  const key = `calendar.issue.${issue.code.replace(/^calendar\./, '')}`;
  return isMessageKey(key) ? t(key, issue.params) : `${issue.code} ${Object.values(issue.params).join(' ')}`;
}

interface ImportResult {
  file: string;
  errors: CalendarIssue[];
  warnings: CalendarIssue[];
}

function ImportSection({ onImported }: { onImported(): void }) {
  const { t } = useI18n();
  const { command } = useSession();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const resetInput = useRef<() => void>(null);

  async function importFile(file: File | null) {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      const format = extensionOf(file.name) === 'ics' ? 'ics' : 'json';
      const text = await readAsText(file);
      // The same parser the backend runs: its issues, with their details, explain what to fix.
      const parsed = format === 'ics' ? parseCalendarIcs(text) : parseCalendarJson(text);
      if (!parsed.ok) {
        setResult({ file: file.name, errors: parsed.errors, warnings: parsed.warnings });
        return;
      }
      const { years } = await command('calendar.import', { format, text });
      setResult({ file: file.name, errors: [], warnings: parsed.warnings });
      notifySuccess(t('calendar.imported', { years: years.join(', ') }));
      onImported();
    } catch (thrown) {
      setFailure(toApiError(thrown));
    } finally {
      setBusy(false);
      resetInput.current?.();
    }
  }

  return (
    <Stack gap="sm">
      <Title order={4}>{t('calendar.import_title')}</Title>
      <Text size="sm" c="dimmed">
        {t('calendar.import_help')}
      </Text>
      <Group>
        <FileButton
          onChange={(file) => void importFile(file)}
          accept=".json,.ics,application/json,text/calendar"
          resetRef={resetInput}
          inputProps={{ 'data-testid': 'calendar-import-input' } as ComponentProps<'input'>}
        >
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconUpload size={16} />} loading={busy} data-testid="calendar-import">
              {t('calendar.import_choose')}
            </Button>
          )}
        </FileButton>
      </Group>
      <ErrorAlert error={failure} />
      {result && result.errors.length > 0 && (
        <Alert color="red" title={t('calendar.import_rejected', { file: result.file, count: result.errors.length })} data-testid="calendar-import-errors">
          <IssueList issues={result.errors} />
        </Alert>
      )}
      {result && result.warnings.length > 0 && (
        <Alert color="yellow" title={t('calendar.import_warnings', { count: result.warnings.length })} data-testid="calendar-import-warnings">
          <IssueList issues={result.warnings} />
        </Alert>
      )}
    </Stack>
  );
}

const SHOWN_ISSUES = 10;

function IssueList({ issues }: { issues: CalendarIssue[] }) {
  const { t } = useI18n();
  return (
    <>
      <List size="sm">
        {issues.slice(0, SHOWN_ISSUES).map((issue, index) => (
          <List.Item key={index}>{issueMessage(t, issue)}</List.Item>
        ))}
      </List>
      {issues.length > SHOWN_ISSUES && (
        <Text size="sm" mt={4}>
          {t('calendar.more_issues', { count: issues.length - SHOWN_ISSUES })}
        </Text>
      )}
    </>
  );
}

function ExplainSection() {
  const { t } = useI18n();
  const { command } = useSession();
  const [start, setStart] = useState(todayInShanghai());
  const [workdays, setWorkdays] = useState<number | string>(20);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [result, setResult] = useState<{ start: string; workdays: number; explanation: Explanation } | null>(null);
  const count = typeof workdays === 'number' ? workdays : Number.NaN;
  const valid = isValidDate(start) && Number.isInteger(count) && count >= 0 && count <= 400;

  async function explain() {
    if (!valid) return;
    setBusy(true);
    setFailure(null);
    try {
      setResult({ start, workdays: count, explanation: await command('calendar.explain', { start, workdays: count }) });
    } catch (thrown) {
      setFailure(toApiError(thrown));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="sm">
      <Title order={4}>{t('calendar.explain_title')}</Title>
      <Text size="sm" c="dimmed">
        {t('calendar.explain_help')}
      </Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void explain();
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            type="date"
            label={t('calendar.explain_start')}
            value={start}
            onChange={(event) => setStart(event.currentTarget.value)}
            w={170}
            data-testid="explain-start"
          />
          <NumberInput
            label={t('calendar.explain_workdays')}
            value={workdays}
            onChange={setWorkdays}
            min={0}
            max={400}
            allowDecimal={false}
            allowNegative={false}
            w={140}
            data-testid="explain-workdays"
          />
          <Button type="submit" leftSection={<IconCalculator size={16} />} loading={busy} disabled={!valid} data-testid="explain-submit">
            {t('calendar.explain')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={failure} />
      {result && <ExplanationView {...result} />}
    </Stack>
  );
}

function ExplanationView({ start, workdays, explanation }: { start: string; workdays: number; explanation: Explanation }) {
  const { t } = useI18n();
  // Each working day's place in the count; skipped days have none.
  const days = explanation.days.map((day, index) => ({
    ...day,
    ordinal: day.workday ? explanation.days.slice(0, index + 1).filter((d) => d.workday).length : null,
  }));
  return (
    <Paper withBorder p="md" data-testid="explain-result">
      <Stack gap="sm">
        <Text fw={600} data-testid="explain-due" data-due={explanation.due}>
          {t('calendar.explain_result', { start, workdays, due: explanation.due })}
        </Text>
        {explanation.provisional && (
          <Alert color="orange" p="xs" data-testid="explain-provisional">
            {t('calendar.explain_provisional')}
          </Alert>
        )}
        <DayCountTable
          days={days}
          count={({ ordinal: n }) => (n === null ? { counted: false, label: t('calendar.skipped'), last: false } : { counted: true, label: t('calendar.counted', { n }), last: n === workdays })}
          rowAttributes={(day) => ({ 'data-testid': 'explain-day', 'data-workday': day.workday })}
          testId="explain-days"
          minWidth={560}
          maxHeight={420}
        />
      </Stack>
    </Paper>
  );
}

const DAY_KINDS = ['holiday', 'makeup_workday', 'normal'] as const;
type DayKindChoice = (typeof DAY_KINDS)[number];

function SetDaySection({ onChanged }: { onChanged(): void }) {
  const { t } = useI18n();
  const { command } = useSession();
  const form = useForm({ date: '', kind: 'holiday' as DayKindChoice, name: '' }, (values) => ({
    date: isValidDate(values.date) ? null : 'validation.required',
    name: values.kind === 'normal' ? null : requiredProblem(values.name),
  }));
  const kinds = useMemo(() => DAY_KINDS.map((kind) => ({ value: kind, label: t(`calendar.set_day.kind.${kind}`) })), [t]);

  const submit = form.onSubmit(async ({ date, kind, name }) => {
    await command('calendar.setDay', { date, kind: kind === 'normal' ? null : kind, name: kind === 'normal' ? '' : name.trim() });
    notifySuccess(t('calendar.set_day.done', { date }));
    form.reset({ date: '', kind, name: '' });
    onChanged();
  });

  return (
    <form onSubmit={submit} data-testid="set-day-form">
      <Stack gap="sm">
        <Title order={4}>{t('calendar.set_day.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('calendar.set_day.help')}
        </Text>
        <Group align="flex-start" gap="sm">
          <TextInput type="date" label={t('calendar.column.date')} w={170} data-testid="set-day-date" {...form.field('date')} />
          <Select
            label={t('calendar.column.kind')}
            data={kinds}
            value={form.values.kind}
            onChange={(value) => value && form.setValue('kind', value as DayKindChoice)}
            allowDeselect={false}
            w={170}
            data-testid="set-day-kind"
          />
          {form.values.kind !== 'normal' && (
            <TextInput
              label={t('calendar.set_day.name')}
              placeholder={t('calendar.set_day.name_placeholder')}
              maxLength={40}
              w={200}
              data-testid="set-day-name"
              {...form.field('name')}
            />
          )}
        </Group>
        <ErrorAlert error={form.failure} />
        <Group>
          <Button type="submit" variant="default" leftSection={<IconCalendarEvent size={16} />} loading={form.submitting} data-testid="set-day-submit">
            {t('calendar.set_day.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
