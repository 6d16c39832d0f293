import { Badge, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useQuery } from '../../hooks/useQuery.js';
import { useForm } from '../../hooks/useForm.js';
import { notifyFailure, notifySuccess } from '../../failures.js';
import { requiredProblem } from '../../validation.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RecordFormButtons, RegisterTab, useCanEditRegisters, usePickOptions, useRecordDialog, type PickOption } from './RegisterTab.js';
import { COMPLAINT_CHANNELS, COMPLAINT_STATUSES, type CommandOutput, type Complaint } from '../../../shared/contract.js';

type ComplaintList = CommandOutput<'complaints.list'>;
type Channel = (typeof COMPLAINT_CHANNELS)[number];
type Status = (typeof COMPLAINT_STATUSES)[number];

const STATUS_COLORS: Record<Status, string> = { open: 'blue', fixed: 'yellow', replied: 'green' };

/** Error reports and messages from the public: the register, each report's reply deadline, and the form to record and handle one. */
export function ComplaintsTab() {
  const { t } = useI18n();
  const { user } = useSession();
  const list = useQuery('complaints.list');
  const dialog = useRecordDialog<Complaint>();
  const canEdit = useCanEditRegisters();

  function saved(message: 'complaints.created' | 'complaints.saved') {
    dialog.close();
    list.reload();
    notifySuccess(t(message));
  }

  return (
    <RegisterTab
      intro={t('complaints.intro')}
      extra={user.roles.includes('admin') && list.data && <ReplyWorkdaysSetting saved={list.data.replyWorkdays} onSaved={list.reload} />}
      add={canEdit ? { label: t('complaints.add'), icon: <IconMessagePlus size={16} />, testId: 'complaint-add', onClick: () => dialog.show(null) } : null}
      error={list.error}
      table={list.data && <ComplaintTable rows={list.data.rows} onEdit={canEdit ? dialog.show : null} />}
      dialogTitle={t(dialog.editing ? 'complaints.edit_title' : 'complaints.create_title')}
      dialog={dialog}
      form={() => list.data && <ComplaintForm complaint={dialog.editing} list={list.data} onSaved={() => saved(dialog.editing ? 'complaints.saved' : 'complaints.created')} onCancel={dialog.close} />}
    />
  );
}

function DueBadge({ complaint }: { complaint: Complaint }) {
  const { t } = useI18n();
  if (complaint.status === 'replied') return <Text size="sm">{complaint.due}</Text>;
  const [color, label] = complaint.overdue
    ? ['red', t('complaints.overdue', { count: -complaint.workdaysLeft })]
    : complaint.workdaysLeft === 0
      ? ['orange', t('complaints.due_today')]
      : ['gray', t('complaints.due_in', { count: complaint.workdaysLeft })];
  const badge = (
    <Badge color={color} variant="light" data-testid={complaint.overdue ? 'complaint-overdue' : 'complaint-due'}>
      {label}
    </Badge>
  );
  return (
    <Stack gap={2}>
      <Text size="sm">{complaint.due}</Text>
      {complaint.provisional ? <Tooltip label={t('complaints.provisional')}>{badge}</Tooltip> : badge}
    </Stack>
  );
}

function ComplaintTable({ rows, onEdit }: { rows: Complaint[]; onEdit: ((complaint: Complaint) => void) | null }) {
  const { t } = useI18n();
  if (!rows.length) return <Text c="dimmed">{t('complaints.empty')}</Text>;
  return (
    <Table striped highlightOnHover data-testid="complaint-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('complaints.field.received_on')}</Table.Th>
          <Table.Th>{t('complaints.field.channel')}</Table.Th>
          <Table.Th>{t('complaints.field.content')}</Table.Th>
          <Table.Th>{t('complaints.field.assignee')}</Table.Th>
          <Table.Th>{t('complaints.column.due')}</Table.Th>
          <Table.Th>{t('complaints.field.status')}</Table.Th>
          {onEdit && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((c) => (
          <Table.Tr key={c.id} data-testid="complaint-row">
            <Table.Td>{c.receivedOn}</Table.Td>
            <Table.Td>{t(`complaints.channel.${c.channel}`)}</Table.Td>
            <Table.Td maw={360}>
              <Text size="sm" lineClamp={2}>
                {c.content}
              </Text>
              {c.itemTitle && (
                <Text size="xs" c="dimmed" data-testid="complaint-item">
                  {c.itemIndexNumber} {c.itemTitle}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{c.assigneeName ?? t('common.none')}</Table.Td>
            <Table.Td>
              <DueBadge complaint={c} />
            </Table.Td>
            <Table.Td>
              <Badge color={STATUS_COLORS[c.status]} data-testid="complaint-status">
                {t(`complaints.status.${c.status}`)}
              </Badge>
            </Table.Td>
            {onEdit && (
              <Table.Td>
                <Button size="xs" variant="subtle" onClick={() => onEdit(c)} data-testid="complaint-edit">
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

function ReplyWorkdaysSetting({ saved, onSaved }: { saved: number; onSaved(): void }) {
  const { t } = useI18n();
  const { command } = useSession();
  const [value, setValue] = useState(saved);
  async function save() {
    try {
      const { replyWorkdays } = await command('complaints.setReplyWorkdays', { replyWorkdays: value });
      notifySuccess(t('complaints.reply_workdays_saved', { count: replyWorkdays }));
      onSaved();
    } catch (thrown) {
      notifyFailure(t, thrown);
    }
  }
  return (
    <Group gap="xs" align="flex-end">
      <Tooltip label={t('complaints.reply_workdays_help')} multiline w={280}>
        <NumberInput
          label={t('complaints.reply_workdays')}
          value={value}
          onChange={(next) => setValue(typeof next === 'number' ? next : 0)}
          min={1}
          max={60}
          allowDecimal={false}
          w={170}
          data-testid="complaint-reply-workdays"
        />
      </Tooltip>
      <Button variant="default" disabled={value === saved || value < 1 || value > 60} onClick={() => void save()} data-testid="complaint-reply-workdays-save">
        {t('common.save')}
      </Button>
    </Group>
  );
}

type Values = {
  channel: Channel;
  receivedOn: string;
  content: string;
  itemId: string | null;
  assigneeId: string | null;
  status: Status;
  fixDescription: string;
  replyText: string;
  repliedOn: string;
};

function valuesOf(c: Complaint | null, today: string): Values {
  return {
    channel: c?.channel ?? 'site_error',
    receivedOn: c?.receivedOn ?? today,
    content: c?.content ?? '',
    itemId: c?.itemId ?? null,
    assigneeId: c?.assigneeId ?? null,
    status: c?.status ?? 'open',
    fixDescription: c?.fixDescription ?? '',
    replyText: c?.replyText ?? '',
    repliedOn: c?.repliedOn ?? '',
  };
}

/** Items to pick from: the most recently updated ones, plus the one already chosen. */
function useItemOptions(current: Complaint | null): PickOption[] {
  const { command } = useSession();
  const load = useCallback(
    () => command('items.list', { filters: {}, sort: 'updated_desc', offset: 0, limit: 200 }).then(({ rows }) => rows.map((r) => ({ value: r.itemId, label: `${r.indexNumber} ${r.title}` }))),
    [command],
  );
  const chosen = useMemo(() => (current?.itemId ? { value: current.itemId, label: `${current.itemIndexNumber ?? ''} ${current.itemTitle ?? ''}` } : null), [current]);
  return usePickOptions(load, chosen);
}

function ComplaintForm({ complaint, list, onSaved, onCancel }: { complaint: Complaint | null; list: ComplaintList; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const { command } = useSession();
  const items = useItemOptions(complaint);
  const form = useForm<Values>(valuesOf(complaint, list.today), (v) => ({
    receivedOn: requiredProblem(v.receivedOn),
    content: requiredProblem(v.content),
    fixDescription: v.status === 'fixed' ? requiredProblem(v.fixDescription) : null,
    replyText: v.status === 'replied' ? requiredProblem(v.replyText) : null,
    repliedOn: v.status === 'replied' ? requiredProblem(v.repliedOn) : null,
  }));

  const submit = form.onSubmit(async (v) => {
    const fields = {
      channel: v.channel,
      receivedOn: v.receivedOn,
      content: v.content.trim(),
      itemId: v.itemId,
      assigneeId: v.assigneeId,
      status: v.status,
      fixDescription: v.fixDescription.trim(),
      replyText: v.replyText.trim(),
      repliedOn: v.status === 'replied' ? v.repliedOn : null,
    };
    await (complaint ? command('complaints.update', { ...fields, id: complaint.id }) : command('complaints.create', fields));
    onSaved();
  });

  function setStatus(status: Status) {
    form.setValue('status', status);
    if (status === 'replied' && !form.values.repliedOn) form.setValue('repliedOn', list.today);
  }

  return (
    <form onSubmit={submit} data-testid="complaint-form">
      <Stack gap="sm">
        <Group grow align="flex-start">
          <Select
            label={t('complaints.field.channel')}
            data={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: t(`complaints.channel.${c}`) }))}
            value={form.values.channel}
            onChange={(value) => value && form.setValue('channel', value as Channel)}
            allowDeselect={false}
            data-testid="complaint-channel"
          />
          <TextInput type="date" label={t('complaints.field.received_on')} withAsterisk {...form.field('receivedOn')} data-testid="complaint-received-on" />
        </Group>
        <Textarea label={t('complaints.field.content')} withAsterisk autosize minRows={3} maxRows={8} value={form.values.content} onChange={(event) => form.setValue('content', event.currentTarget.value)} error={form.error('content')} data-testid="complaint-content" />
        <Select
          label={t('complaints.field.item')}
          description={t('complaints.field.item_help')}
          data={items}
          value={form.values.itemId}
          onChange={(value) => form.setValue('itemId', value)}
          searchable
          clearable
          data-testid="complaint-item-select"
        />
        <Group grow align="flex-start">
          <Select
            label={t('complaints.field.assignee')}
            data={list.assignees.map((a) => ({ value: a.id, label: a.name }))}
            value={form.values.assigneeId}
            onChange={(value) => form.setValue('assigneeId', value)}
            searchable
            clearable
            data-testid="complaint-assignee"
          />
          <Select
            label={t('complaints.field.status')}
            data={COMPLAINT_STATUSES.map((s) => ({ value: s, label: t(`complaints.status.${s}`) }))}
            value={form.values.status}
            onChange={(value) => value && setStatus(value as Status)}
            allowDeselect={false}
            data-testid="complaint-status-select"
          />
        </Group>
        <Textarea label={t('complaints.field.fix_description')} autosize minRows={2} maxRows={6} value={form.values.fixDescription} onChange={(event) => form.setValue('fixDescription', event.currentTarget.value)} error={form.error('fixDescription')} data-testid="complaint-fix" />
        <Textarea label={t('complaints.field.reply_text')} autosize minRows={2} maxRows={6} value={form.values.replyText} onChange={(event) => form.setValue('replyText', event.currentTarget.value)} error={form.error('replyText')} data-testid="complaint-reply" />
        {form.values.status === 'replied' && <TextInput type="date" label={t('complaints.field.replied_on')} withAsterisk {...form.field('repliedOn')} data-testid="complaint-replied-on" />}
        <ErrorAlert error={form.failure} />
        <RecordFormButtons submitting={form.submitting} onCancel={onCancel} submitTestId="complaint-submit" />
      </Stack>
    </form>
  );
}
