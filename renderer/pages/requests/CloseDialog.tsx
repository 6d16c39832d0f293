import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { notifySuccess, toApiError } from '../../failures.js';
import { Refusal } from './Refusal.js';
import { shanghaiDate } from '../../../shared/domain/local-date.js';
import { OUTCOME_CODES, OUTCOME_GROUP_LABELS, OUTCOME_GROUPS, OUTCOMES, type OutcomeCode } from '../../../shared/domain/request-outcomes.js';
import { DELIVERY_METHODS, type RequestDetail } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';

/** The outcomes under the annual report's group headings (table 3), labels verbatim. */
const OUTCOME_OPTIONS = OUTCOME_GROUPS.map((group) => ({
  group: OUTCOME_GROUP_LABELS[group],
  items: OUTCOME_CODES.filter((code) => OUTCOMES[code].group === group).map((code) => ({ value: code, label: OUTCOMES[code].label })),
}));

/** "Other handling" 1 and 2 have their own preconditions; every other outcome closes like any reply. */
function blockersFor(request: RequestDetail, outcome: OutcomeCode | null) {
  if (outcome === 'other_no_correction') return request.blockers.close_no_correction;
  if (outcome === 'other_fee_unpaid') return request.blockers.close_fee_unpaid;
  return request.blockers.close;
}

/** Closing: exactly one outcome, with the reply date and how the reply was delivered. */
export function CloseDialog({ request, onClose, onClosed }: { request: RequestDetail; onClose(): void; onClosed(request: RequestDetail): void }) {
  const { t } = useI18n();
  const { command } = useSession();
  const [outcome, setOutcome] = useState<OutcomeCode | null>(null);
  const [replyDate, setReplyDate] = useState(() => shanghaiDate(new Date()));
  const [replyMethod, setReplyMethod] = useState<(typeof DELIVERY_METHODS)[number]>(request.deliveryWanted);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const blockers = blockersFor(request, outcome);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (submitting || !outcome) return;
    setFailure(null);
    setSubmitting(true);
    try {
      const updated = await command('requests.close', { requestId: request.id, outcome, replyDate, replyMethod, reason });
      notifySuccess(t('requests.closed'));
      onClosed(updated);
    } catch (thrown) {
      setFailure(toApiError(thrown));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('requests.close.title')} size="lg" data-testid="request-close-dialog">
      <form onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <Select
            label={t('requests.close.outcome')}
            data={OUTCOME_OPTIONS}
            value={outcome}
            onChange={(value) => setOutcome(value as OutcomeCode | null)}
            searchable
            required
            maxDropdownHeight={360}
            data-testid="request-close-outcome"
          />
          {outcome && OUTCOMES[outcome].basis && (
            <Text size="sm" c="dimmed" data-testid="request-close-basis">
              {t('requests.close.basis', { basis: OUTCOMES[outcome].basis })}
            </Text>
          )}
          <Refusal reasons={blockers} testId="request-close-blockers" />
          <TextInput type="date" label={t('requests.close.reply_date')} value={replyDate} onChange={(e) => setReplyDate(e.currentTarget.value)} required data-testid="request-close-date" />
          <Select
            label={t('requests.close.reply_method')}
            data={DELIVERY_METHODS.map((m) => ({ value: m, label: t(`requests.delivery.${m}`) }))}
            value={replyMethod}
            onChange={(value) => value && setReplyMethod(value as typeof replyMethod)}
            allowDeselect={false}
            data-testid="request-close-method"
          />
          <Textarea label={t('requests.close.reason')} autosize minRows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="request-close-reason" />
          <Refusal error={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={!outcome || blockers.length > 0} loading={submitting} data-testid="request-close-submit">
              {t('requests.close.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
