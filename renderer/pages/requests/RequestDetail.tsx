import { Alert, Anchor, Badge, Button, Center, FileButton, Group, List, Loader, Paper, SimpleGrid, Stack, Text, Timeline, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconCalendarStats, IconCheck, IconInfoCircle, IconPaperclip } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { notifyFailure, toApiError } from '../../failures.js';
import { downloadBase64, readAsBase64 } from '../../files.js';
import { formatBytes } from '../../format.js';
import { reasonMessage } from '../../reasons.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { DueBadge } from './DueBadge.js';
import { EventDialog, type EventAction } from './EventDialog.js';
import { CloseDialog } from './CloseDialog.js';
import { ExplainDue } from './ExplainDue.js';
import { LetterButton } from './LetterButton.js';
import { OUTCOMES } from '../../../shared/domain/request-outcomes.js';
import type { RequestDetail } from '../../../shared/contract.js';
import type { ApiError, Reason } from '../../../shared/errors.js';

const EVENT_ACTIONS: EventAction[] = ['correction_requested', 'correction_received', 'consultation_started', 'consultation_ended', 'extended', 'fee_notice', 'fee_paid'];

type Dialog = { kind: 'event'; action: EventAction } | { kind: 'close' } | { kind: 'explain' } | null;

/** One request: applicant (masked unless the caller handles requests), the clock, its history and the actions. */
export function RequestDetailView({ requestId, onBack }: { requestId: string; onBack(): void }) {
  const { t } = useI18n();
  const { command, user } = useSession();
  const [request, setRequest] = useState<RequestDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const canHandle = user.roles.includes('officer');

  useEffect(() => {
    command('requests.get', { requestId }).then(setRequest, (thrown: unknown) => setError(toApiError(thrown)));
  }, [command, requestId]);

  if (error) return <ErrorAlert error={error} />;
  if (!request) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  const updated = (next: RequestDetail) => {
    setRequest(next);
    setDialog(null);
  };

  return (
    <Stack gap="md" data-testid="request-detail" data-request-id={request.id} data-state={request.state}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm">
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack} data-testid="request-back">
            {t('requests.detail.back')}
          </Button>
          <Title order={3} data-testid="request-number">
            {request.number}
          </Title>
          <Badge variant="light" color={request.state === 'closed' ? 'gray' : 'blue'} data-testid="request-detail-state">
            {t(`requests.state.${request.state}`)}
          </Badge>
        </Group>
        <Group gap="xs" data-testid="request-letters">
          <LetterButton requestId={requestId} />
        </Group>
      </Group>

      {request.personalDataMasked && (
        <Alert color="gray" icon={<IconInfoCircle />} p="xs" data-testid="request-masked">
          {t('requests.detail.masked')}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Stack gap={4}>
            <Title order={5}>{t('requests.detail.applicant')}</Title>
            <Field label={t('requests.form.applicant_type')} value={t(`requests.applicant_type.${request.applicantType}`)} />
            <Field label={t('requests.form.name')} value={request.applicant.name} testId="request-detail-name" />
            <Field label={t('requests.form.id_number')} value={request.applicant.idNumber} testId="request-detail-id" />
            <Field label={t('requests.form.phone')} value={request.applicant.phone} testId="request-detail-phone" />
            <Field label={t('requests.form.address')} value={request.applicant.address} />
            <Field label={t('requests.form.email')} value={request.applicant.email} />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap={4}>
            <Title order={5}>{t('requests.detail.request')}</Title>
            <Field label={t('requests.form.channel')} value={t(`requests.channel.${request.channel}`)} />
            <Text size="sm" data-testid="request-received-on">
              {t('requests.detail.received', { date: request.receivedOn })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="request-detail-subject">
              {request.subject}
            </Text>
            <Field label={t('requests.form.form_wanted')} value={t(`requests.form_wanted.${request.formWanted}`)} />
            <Field label={t('requests.form.delivery_wanted')} value={t(`requests.delivery.${request.deliveryWanted}`)} />
            {request.outcome && (
              <Text size="sm" fw={600} data-testid="request-outcome" data-outcome={request.outcome}>
                {t('requests.detail.outcome', { outcome: OUTCOMES[request.outcome].label })}
              </Text>
            )}
            {request.replyDate && request.replyMethod && (
              <Text size="sm">{t('requests.detail.reply', { date: request.replyDate, method: t(`requests.delivery.${request.replyMethod}`) })}</Text>
            )}
          </Stack>
        </Paper>
      </SimpleGrid>

      <ClockPanel request={request} onExplain={() => setDialog({ kind: 'explain' })} />

      {canHandle && request.state !== 'closed' && (
        <Paper withBorder p="md">
          <Group gap="xs" data-testid="request-actions">
            {EVENT_ACTIONS.map((action) => (
              <ActionButton key={action} action={action} reasons={request.blockers[action]} onClick={() => setDialog({ kind: 'event', action })} />
            ))}
            <ActionButton
              action="close"
              reasons={[request.blockers.close, request.blockers.close_no_correction, request.blockers.close_fee_unpaid].every((r) => r.length > 0) ? request.blockers.close : []}
              onClick={() => setDialog({ kind: 'close' })}
              color="green"
              icon={<IconCheck size={16} />}
            />
          </Group>
        </Paper>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={5} mb="sm">
            {t('requests.detail.timeline')}
          </Title>
          <Timeline bulletSize={18} lineWidth={2} active={request.events.length - 1} data-testid="request-timeline">
            {request.events.map((e) => (
              <Timeline.Item key={e.id} title={t(`clock.history.${e.type}`)} data-testid="request-event" data-type={e.type}>
                <Text size="xs" c="dimmed">
                  {e.date} · {t('requests.event.by', { name: e.actorName })}
                  {e.approverName && ` · ${t('requests.event.approved_by', { name: e.approverName })}`}
                </Text>
                <Text size="sm" data-testid="request-event-due">
                  {t('requests.event.due_change', { old: e.oldDue ?? t('requests.event.no_due'), new: e.newDue ?? t('requests.event.no_due') })}
                </Text>
                {typeof e.detail.workdays === 'number' && <Text size="sm">{t('requests.event.workdays', { workdays: e.detail.workdays })}</Text>}
                {e.fee && (
                  <Text size="sm" data-testid="request-event-fee">
                    {t('requests.event.fee', { quantity: e.fee.quantity, unit: t(e.fee.standard === 'by_items' ? 'requests.unit.items' : 'requests.unit.pages'), amount: e.fee.amount })}
                  </Text>
                )}
                {e.reason && (
                  <Text size="sm" c="dimmed">
                    {e.reason}
                  </Text>
                )}
                {e.flags.map((flag, index) => (
                  <Text key={index} size="sm" c="orange.8" data-testid="request-event-flag" data-code={flag.code}>
                    {reasonMessage(t, flag)}
                  </Text>
                ))}
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
        <Attachments request={request} canAdd={canHandle} canRead={request.personalDataMasked === false} onChanged={setRequest} />
      </SimpleGrid>

      {dialog?.kind === 'event' && <EventDialog action={dialog.action} request={request} onClose={() => setDialog(null)} onRecorded={updated} />}
      {dialog?.kind === 'close' && <CloseDialog request={request} onClose={() => setDialog(null)} onClosed={updated} />}
      {dialog?.kind === 'explain' && <ExplainDue requestId={request.id} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <Text size="sm">
      <Text span c="dimmed" size="sm">
        {label}{' '}
      </Text>
      <Text span size="sm" data-testid={testId}>
        {value || t('common.none')}
      </Text>
    </Text>
  );
}

function ClockPanel({ request, onExplain }: { request: RequestDetail; onExplain(): void }) {
  const { t } = useI18n();
  const c = request.clock;
  const lines: [string, string | null][] = [
    ['requests.detail.correction_notice_due', c.correctionNoticeDue],
    ['requests.detail.correction_deadline', c.correctionDeadline],
    ['requests.detail.fee_deadline', c.feeDeadline],
    ['requests.detail.consultation_reply_due', c.consultationReplyDue],
  ];
  return (
    <Paper withBorder p="md" data-testid="request-clock">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600}>{request.due ? t('requests.column.due') : t('requests.detail.no_due')}</Text>
            <span data-testid="request-due" data-due={request.due ?? ''}>
              <DueBadge due={request.due} provisional={request.provisional} workdaysLeft={request.workdaysLeft} overdue={request.overdue} closed={request.state === 'closed'} />
            </span>
          </Group>
          {c.periodStart && (
            <Text size="sm" c="dimmed">
              {t('requests.detail.period', { start: c.periodStart, workdays: c.periodWorkdays })}
            </Text>
          )}
          {lines.map(
            ([key, date]) =>
              date && (
                <Text key={key} size="sm">
                  {t(key as 'requests.detail.fee_deadline', { date })}
                </Text>
              ),
          )}
        </Stack>
        <Button variant="default" leftSection={<IconCalendarStats size={16} />} onClick={onExplain} data-testid="request-explain-open">
          {t('requests.action.explain')}
        </Button>
      </Group>
    </Paper>
  );
}

/** An action with the reasons it is refused today listed under the button, so nobody has to click to find out. */
function ActionButton({ action, reasons, onClick, color, icon }: { action: EventAction | 'close'; reasons: Reason[]; onClick(): void; color?: string; icon?: ReactNode }) {
  const { t } = useI18n();
  const blocked = reasons.length > 0;
  const label = (
    <List size="xs" spacing={0}>
      {reasons.map((reason, index) => (
        <List.Item key={index}>{reasonMessage(t, reason)}</List.Item>
      ))}
    </List>
  );
  const button = (
    <Button
      size="sm"
      variant={blocked ? 'default' : 'light'}
      color={color}
      leftSection={icon}
      disabled={blocked}
      onClick={onClick}
      data-testid={`request-action-${action}`}
      data-blocked={blocked}
      data-reasons={reasons.map((r) => r.code).join(' ')}
    >
      {t(`requests.action.${action}`)}
    </Button>
  );
  return blocked ? (
    <Tooltip label={label} multiline w={320} withArrow>
      <span>{button}</span>
    </Tooltip>
  ) : (
    button
  );
}

function Attachments({ request, canAdd, canRead, onChanged }: { request: RequestDetail; canAdd: boolean; canRead: boolean; onChanged(request: RequestDetail): void }) {
  const { t, language } = useI18n();
  const { command } = useSession();
  const [adding, setAdding] = useState(false);

  async function add(file: File | null) {
    if (!file) return;
    setAdding(true);
    try {
      onChanged(await command('requests.addAttachment', { requestId: request.id, fileName: file.name, dataBase64: await readAsBase64(file) }));
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setAdding(false);
    }
  }

  async function download(attachmentId: string) {
    try {
      const file = await command('requests.readAttachment', { attachmentId });
      downloadBase64(file.name, file.mime, file.dataBase64);
    } catch (thrown) {
      notifyFailure(t, thrown);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="request-attachments-panel">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={5}>{t('requests.detail.attachments')}</Title>
          {canAdd && (
            <FileButton onChange={(file) => void add(file)}>
              {(props) => (
                <Button {...props} size="xs" variant="default" leftSection={<IconPaperclip size={14} />} loading={adding} data-testid="request-attachment-add">
                  {t('requests.detail.add_attachment')}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {request.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('requests.detail.no_attachments')}
          </Text>
        ) : (
          request.attachments.map((a) => (
            <Group key={a.id} gap="xs" data-testid="request-attachment">
              {canRead ? (
                <Anchor component="button" size="sm" onClick={() => void download(a.id)}>
                  {a.name}
                </Anchor>
              ) : (
                <Text size="sm">{a.name}</Text>
              )}
              <Text size="xs" c="dimmed">
                {formatBytes(a.size, language)}
              </Text>
            </Group>
          ))
        )}
      </Stack>
    </Paper>
  );
}
