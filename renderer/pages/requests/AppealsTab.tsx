import { Badge, Button, Group, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconGavel } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useForm } from '../../hooks/useForm.js';
import { notifySuccess, toApiError } from '../../failures.js';
import { requiredProblem } from '../../validation.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RecordFormButtons, RegisterTab, useCanEditRegisters, usePickOptions, useRecordDialog, type PickOption } from './RegisterTab.js';
import { APPEAL_RESULTS, APPEAL_TYPES, type Appeal } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';

type AppealType = (typeof APPEAL_TYPES)[number];
type AppealResult = (typeof APPEAL_RESULTS)[number];

const RESULT_COLORS: Record<AppealResult, string> = { upheld: 'green', corrected: 'red', other: 'gray', pending: 'blue' };

/** Administrative reconsideration and litigation cases about requests: the register and the form to record and update one. */
export function AppealsTab() {
  const { t } = useI18n();
  const { command } = useSession();
  const [appeals, setAppeals] = useState<Appeal[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const dialog = useRecordDialog<Appeal>();
  const canEdit = useCanEditRegisters();

  const load = useCallback(() => {
    command('appeals.list', {}).then(
      (rows) => {
        setAppeals(rows);
        setError(null);
      },
      (thrown: unknown) => setError(toApiError(thrown)),
    );
  }, [command]);
  useEffect(load, [load]);

  function saved() {
    notifySuccess(t(dialog.editing ? 'appeals.saved' : 'appeals.created'));
    dialog.close();
    load();
  }

  return (
    <RegisterTab
      intro={t('appeals.intro')}
      add={canEdit ? { label: t('appeals.add'), icon: <IconGavel size={16} />, testId: 'appeal-add', onClick: () => dialog.show(null) } : null}
      error={error}
      table={appeals && <AppealTable rows={appeals} onEdit={canEdit ? dialog.show : null} />}
      dialogTitle={t(dialog.editing ? 'appeals.edit_title' : 'appeals.create_title')}
      dialog={dialog}
      form={() => <AppealForm appeal={dialog.editing} onSaved={saved} onCancel={dialog.close} />}
    />
  );
}

function AppealTable({ rows, onEdit }: { rows: Appeal[]; onEdit: ((appeal: Appeal) => void) | null }) {
  const { t } = useI18n();
  if (!rows.length) return <Text c="dimmed">{t('appeals.empty')}</Text>;
  return (
    <Table striped highlightOnHover data-testid="appeal-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('appeals.field.request')}</Table.Th>
          <Table.Th>{t('appeals.field.type')}</Table.Th>
          <Table.Th>{t('appeals.field.body')}</Table.Th>
          <Table.Th>{t('appeals.field.case_number')}</Table.Th>
          <Table.Th>{t('appeals.field.filed_on')}</Table.Th>
          <Table.Th>{t('appeals.field.decided_on')}</Table.Th>
          <Table.Th>{t('appeals.field.result')}</Table.Th>
          {onEdit && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((a) => (
          <Table.Tr key={a.id} data-testid="appeal-row">
            <Table.Td maw={260}>
              <Text size="sm">{a.requestNumber}</Text>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {a.requestSubject}
              </Text>
            </Table.Td>
            <Table.Td>{t(`appeals.type.${a.type}`)}</Table.Td>
            <Table.Td>{a.body}</Table.Td>
            <Table.Td>{a.caseNumber}</Table.Td>
            <Table.Td>{a.filedOn}</Table.Td>
            <Table.Td>{a.decidedOn ?? ''}</Table.Td>
            <Table.Td>
              <Badge color={RESULT_COLORS[a.result]} data-testid="appeal-result">
                {t(`appeals.result.${a.result}`)}
              </Badge>
            </Table.Td>
            {onEdit && (
              <Table.Td>
                <Button size="xs" variant="subtle" onClick={() => onEdit(a)} data-testid="appeal-edit">
                  {t('common.edit')}
                </Button>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Requests to pick from: the newest ones, plus the one already chosen. */
function useRequestOptions(current: Appeal | null): PickOption[] {
  const { command } = useSession();
  const load = useCallback(
    () => command('requests.list', { state: 'all', offset: 0, limit: 200 }).then(({ rows }) => rows.map((r) => ({ value: r.id, label: `${r.number} ${r.subject}` }))),
    [command],
  );
  const chosen = useMemo(() => (current ? { value: current.requestId, label: `${current.requestNumber} ${current.requestSubject}` } : null), [current]);
  return usePickOptions(load, chosen);
}

type Values = {
  requestId: string | null;
  type: AppealType;
  result: AppealResult;
  filedOn: string;
  decidedOn: string;
  body: string;
  caseNumber: string;
  note: string;
};

function valuesOf(a: Appeal | null): Values {
  return {
    requestId: a?.requestId ?? null,
    type: a?.type ?? 'reconsideration',
    result: a?.result ?? 'pending',
    filedOn: a?.filedOn ?? '',
    decidedOn: a?.decidedOn ?? '',
    body: a?.body ?? '',
    caseNumber: a?.caseNumber ?? '',
    note: a?.note ?? '',
  };
}

function AppealForm({ appeal, onSaved, onCancel }: { appeal: Appeal | null; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const { command } = useSession();
  const requests = useRequestOptions(appeal);
  const form = useForm<Values>(valuesOf(appeal), (v) => ({
    requestId: v.requestId ? null : 'validation.required',
    filedOn: requiredProblem(v.filedOn),
    decidedOn: v.result === 'pending' ? null : requiredProblem(v.decidedOn),
    body: requiredProblem(v.body),
  }));
  const pending = form.values.result === 'pending';

  const submit = form.onSubmit(async (v) => {
    const fields = {
      requestId: v.requestId!,
      type: v.type,
      result: v.result,
      filedOn: v.filedOn,
      decidedOn: v.result === 'pending' ? null : v.decidedOn,
      body: v.body.trim(),
      caseNumber: v.caseNumber.trim(),
      note: v.note.trim(),
    };
    await (appeal ? command('appeals.update', { ...fields, id: appeal.id }) : command('appeals.create', fields));
    onSaved();
  });

  return (
    <form onSubmit={submit} data-testid="appeal-form">
      <Stack gap="sm">
        <Select
          label={t('appeals.field.request')}
          withAsterisk
          data={requests}
          value={form.values.requestId}
          onChange={(value) => form.setValue('requestId', value)}
          error={form.error('requestId')}
          searchable
          data-testid="appeal-request"
        />
        <Group grow align="flex-start">
          <Select
            label={t('appeals.field.type')}
            data={APPEAL_TYPES.map((type) => ({ value: type, label: t(`appeals.type.${type}`) }))}
            value={form.values.type}
            onChange={(value) => value && form.setValue('type', value as AppealType)}
            allowDeselect={false}
            data-testid="appeal-type"
          />
          <Select
            label={t('appeals.field.result')}
            data={APPEAL_RESULTS.map((result) => ({ value: result, label: t(`appeals.result.${result}`) }))}
            value={form.values.result}
            onChange={(value) => value && form.setValue('result', value as AppealResult)}
            allowDeselect={false}
            data-testid="appeal-result-select"
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput type="date" label={t('appeals.field.filed_on')} withAsterisk {...form.field('filedOn')} data-testid="appeal-filed-on" />
          <TextInput type="date" label={t('appeals.field.decided_on')} withAsterisk={!pending} disabled={pending} {...form.field('decidedOn')} data-testid="appeal-decided-on" />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t('appeals.field.body')} withAsterisk {...form.field('body')} data-testid="appeal-body" />
          <TextInput label={t('appeals.field.case_number')} {...form.field('caseNumber')} data-testid="appeal-case-number" />
        </Group>
        <Textarea label={t('appeals.field.note')} autosize minRows={2} maxRows={6} value={form.values.note} onChange={(event) => form.setValue('note', event.currentTarget.value)} data-testid="appeal-note" />
        <ErrorAlert error={form.failure} />
        <RecordFormButtons submitting={form.submitting} onCancel={onCancel} submitTestId="appeal-submit" />
      </Stack>
    </form>
  );
}
