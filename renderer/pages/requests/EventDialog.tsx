import { Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { notifySuccess, toApiError } from '../../failures.js';
import { PasswordField } from '../../components/PasswordField.js';
import { Refusal } from './Refusal.js';
import { shanghaiDate } from '../../../shared/domain/local-date.js';
import { DEFAULT_CORRECTION_WORKDAYS, MAX_EXTENSION_WORKDAYS } from '../../../shared/domain/application-clock.js';
import { processingFee } from '../../../shared/domain/processing-fee.js';
import type { CommandInput, RequestDetail } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';

export type EventAction = CommandInput<'requests.recordEvent'>['type'];

interface EventDialogProps {
  action: EventAction;
  request: RequestDetail;
  onClose(): void;
  onRecorded(request: RequestDetail): void;
}

/** One clock event: its date and note, plus what that kind of event needs (approver, fee, party …). */
export function EventDialog({ action, request, onClose, onRecorded }: EventDialogProps) {
  const { t } = useI18n();
  const { command } = useSession();
  const [date, setDate] = useState(() => shanghaiDate(new Date()));
  const [reason, setReason] = useState('');
  const [workdays, setWorkdays] = useState<number>(action === 'extended' ? MAX_EXTENSION_WORKDAYS : DEFAULT_CORRECTION_WORKDAYS);
  const [party, setParty] = useState<'third_party' | 'other_agency'>('third_party');
  const [letterReceived, setLetterReceived] = useState('');
  const [approverUsername, setApproverUsername] = useState('');
  const [approverPassword, setApproverPassword] = useState('');
  const [standard, setStandard] = useState<'by_items' | 'by_pages'>('by_pages');
  const [quantity, setQuantity] = useState(0);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  function input(): CommandInput<'requests.recordEvent'> {
    const base = { requestId: request.id, date, reason };
    switch (action) {
      case 'correction_requested':
        return { type: action, ...base, workdays };
      case 'consultation_started':
        return { type: action, ...base, party, ...(letterReceived ? { letterReceived } : {}) };
      case 'extended':
        return { type: action, ...base, workdays, approverUsername, approverPassword };
      case 'fee_notice':
        return { type: action, ...base, standard, quantity };
      default:
        return { type: action, ...base };
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    setFailure(null);
    setSubmitting(true);
    try {
      const updated = await command('requests.recordEvent', input());
      notifySuccess(t('requests.recorded'));
      onRecorded(updated);
    } catch (thrown) {
      setFailure(toApiError(thrown));
      setApproverPassword('');
    } finally {
      setSubmitting(false);
    }
  }

  const fee = Number.isInteger(quantity) && quantity >= 0 ? processingFee(standard === 'by_items' ? { standard, items: quantity } : { standard, pages: quantity }).total : null;

  return (
    <Modal opened onClose={onClose} title={t(`requests.action.${action}`)} data-testid="request-event-dialog">
      <form onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <TextInput type="date" label={t('requests.dialog.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} required data-testid="request-event-date" />
          {(action === 'correction_requested' || action === 'extended') && (
            <NumberInput
              label={t(action === 'extended' ? 'requests.dialog.extension_workdays' : 'requests.dialog.correction_workdays')}
              value={workdays}
              onChange={(value) => setWorkdays(Number(value))}
              min={1}
              allowDecimal={false}
              data-testid="request-event-workdays"
            />
          )}
          {action === 'consultation_started' && (
            <>
              <Select
                label={t('requests.dialog.party')}
                data={(['third_party', 'other_agency'] as const).map((p) => ({ value: p, label: t(`requests.dialog.party.${p}`) }))}
                value={party}
                onChange={(value) => value && setParty(value as typeof party)}
                allowDeselect={false}
                data-testid="request-event-party"
              />
              {party === 'third_party' && (
                <TextInput type="date" label={t('requests.dialog.letter_received')} value={letterReceived} onChange={(e) => setLetterReceived(e.currentTarget.value)} data-testid="request-event-letter-received" />
              )}
            </>
          )}
          {action === 'fee_notice' && (
            <>
              <Select
                label={t('requests.dialog.fee_standard')}
                data={(['by_items', 'by_pages'] as const).map((s) => ({ value: s, label: t(`requests.dialog.fee_standard.${s}`) }))}
                value={standard}
                onChange={(value) => value && setStandard(value as typeof standard)}
                allowDeselect={false}
                data-testid="request-event-fee-standard"
              />
              <NumberInput
                label={t(standard === 'by_items' ? 'requests.dialog.fee_items' : 'requests.dialog.fee_pages')}
                value={quantity}
                onChange={(value) => setQuantity(Number(value))}
                min={0}
                allowDecimal={false}
                data-testid="request-event-fee-quantity"
              />
              {fee !== null && (
                <Text fw={600} data-testid="request-event-fee-preview">
                  {t('requests.dialog.fee_preview', { amount: fee })}
                </Text>
              )}
            </>
          )}
          <Textarea label={t('requests.dialog.reason')} autosize minRows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required data-testid="request-event-reason" />
          {action === 'extended' && (
            <>
              <Text size="sm" c="dimmed">
                {t('requests.dialog.approver_help')}
              </Text>
              <TextInput label={t('requests.dialog.approver')} value={approverUsername} onChange={(e) => setApproverUsername(e.currentTarget.value)} required autoComplete="off" data-testid="request-event-approver" />
              <PasswordField
                label={t('requests.dialog.approver_password')}
                value={approverPassword}
                onChange={(e) => setApproverPassword(e.currentTarget.value)}
                required
                autoComplete="off"
                data-testid="request-event-approver-password"
              />
            </>
          )}
          <Refusal error={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submitting} data-testid="request-event-submit">
              {t('requests.dialog.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
