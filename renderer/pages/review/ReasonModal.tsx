import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n.js';

interface ReasonModalProps {
  opened: boolean;
  title: string;
  help: string;
  /** Shown above the help: what the reason is about (the finding, the checklist question). */
  subject?: ReactNode;
  label?: string;
  confirmLabel?: string;
  maxLength?: number;
  /** Resolves to an error message to show, or null when done (the modal then closes). */
  onSubmit(reason: string): Promise<string | null>;
  onClose(): void;
  testId: string;
}

/** Waiving, dismissing and returning all need a written reason: it goes into the record. */
export function ReasonModal({ opened, title, help, subject, label, confirmLabel, maxLength = 500, onSubmit, onClose, testId }: ReasonModalProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  function close() {
    if (busy) return;
    setReason('');
    setFailure(null);
    onClose();
  }

  async function submit() {
    if (!reason.trim()) return;
    setBusy(true);
    setFailure(null);
    const problem = await onSubmit(reason.trim());
    setBusy(false);
    if (problem) {
      setFailure(problem);
      return;
    }
    setReason('');
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={title} size="md" data-testid={testId}>
      <Stack gap="sm">
        {subject}
        <Text size="sm" c="dimmed">
          {help}
        </Text>
        <Textarea
          label={label ?? t('review.reason')}
          withAsterisk
          autosize
          minRows={3}
          maxRows={8}
          maxLength={maxLength}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-autofocus
          data-testid={`${testId}-reason`}
        />
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={close} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={busy} disabled={!reason.trim()} data-testid={`${testId}-confirm`}>
            {confirmLabel ?? t('review.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
