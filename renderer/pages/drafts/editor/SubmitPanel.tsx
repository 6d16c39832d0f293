import { Alert, Button, Group, List, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n.js';
import { useSession } from '../../../session.js';
import { toApiError } from '../../../failures.js';
import { reasonMessage } from '../../../reasons.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { errorMessage } from '../../../../shared/i18n/index.js';
import type { CommandOutput, Edition } from '../../../../shared/contract.js';
import type { ApiError, Reason } from '../../../../shared/errors.js';

export type SubmitCheck = CommandOutput<'workflow.checkSubmit'>;

interface CheckOutcome {
  /** The edition (as loaded or saved) and the request this answers. */
  edition: Edition;
  generation: number;
  check: SubmitCheck | null;
  error: ApiError | null;
}

/**
 * What submitting the saved edition would meet: asked again whenever the edition changes (a save,
 * a link, an attachment) and on `generation`, so the lists are never older than what is stored.
 */
export function useSubmitCheck(edition: Edition | null, generation: number): { check: SubmitCheck | null; error: ApiError | null; loading: boolean } {
  const { command } = useSession();
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const applies = !!edition && edition.status === 'draft';

  useEffect(() => {
    if (!edition || edition.status !== 'draft') return;
    let current = true;
    command('workflow.checkSubmit', { editionId: edition.id }).then(
      (check) => current && setOutcome({ edition, generation, check, error: null }),
      (thrown: unknown) => current && setOutcome({ edition, generation, check: null, error: toApiError(thrown) }),
    );
    return () => {
      current = false;
    };
  }, [command, edition, generation]);

  if (!applies || !outcome || outcome.edition.id !== edition.id) return { check: null, error: null, loading: applies };
  // The previous answer stays visible while the next one is on its way.
  return { check: outcome.check, error: outcome.error, loading: outcome.edition !== edition || outcome.generation !== generation };
}

/** The titles of the interpretations that would go along with the document, in the order the backend lists them. */
export function togetherTitles(check: SubmitCheck | null, edition: Edition | null, untitled: string): string[] {
  if (!check || !edition) return [];
  const byEdition = new Map(edition.links.interpretations.map((l) => [l.editionId, l.title]));
  return check.together.map((id) => byEdition.get(id) || untitled);
}

interface SubmitPanelProps {
  check: SubmitCheck | null;
  error: ApiError | null;
  loading: boolean;
  together: string[];
  /** The editor has changes not saved yet: the check is of what is stored. */
  dirty: boolean;
  /** The last submission was refused: its reasons. */
  refusal: ApiError | null;
}

/** Before the click: every reason submitting would be refused, the warnings, and what goes along. */
export function SubmitPanel({ check, error, loading, together, dirty, refusal }: SubmitPanelProps) {
  const { t } = useI18n();
  const blocking = check?.blocking ?? [];
  const ready = !refusal && !!check && blocking.length === 0;
  return (
    <Paper withBorder p="md" data-testid="submit-panel" data-ready={ready} data-loading={loading}>
      <Stack gap="sm">
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <IconSend size={18} />
            <Title order={4}>{t('submit.check_title')}</Title>
          </Group>
          {loading && <Loader size="xs" />}
        </Group>
        <ErrorAlert error={error} />
        {refusal ? (
          // The backend refused the submission itself: its reasons stand in for the check's.
          <Alert color="red" icon={<IconCircleX />} title={errorMessage(t, refusal)} data-testid="submit-refused">
            <ReasonList reasons={refusal.reasons ?? []} testId="submit-refused-reason" />
          </Alert>
        ) : blocking.length > 0 ? (
          <Alert color="red" icon={<IconCircleX />} title={t('submit.blocking_title', { count: blocking.length })} data-testid="submit-blocking">
            <ReasonList reasons={blocking} testId="submit-blocking-reason" />
          </Alert>
        ) : null}
        {check && check.warnings.length > 0 && (
          <Alert color="yellow" icon={<IconAlertTriangle />} title={t('submit.warnings_title')} data-testid="submit-warnings">
            <ReasonList reasons={check.warnings} testId="submit-warning" />
          </Alert>
        )}
        {ready && (
          <Group gap={6} wrap="nowrap">
            <IconCircleCheck size={18} color="var(--mantine-color-green-7)" />
            <Text size="sm" c="green.8" data-testid="submit-ready">
              {t('submit.ready')}
            </Text>
          </Group>
        )}
        {together.length > 0 && (
          <Text size="sm" data-testid="submit-together">
            {t('submit.together', { titles: together.map((title) => t('submit.quoted_title', { title })).join(t('submit.title_separator')) })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {dirty ? t('submit.check_unsaved') : t('submit.check_help')}
        </Text>
      </Stack>
    </Paper>
  );
}

function ReasonList({ reasons, testId }: { reasons: Reason[]; testId: string }) {
  const { t } = useI18n();
  return (
    <List size="sm" spacing={4}>
      {reasons.map((reason, index) => (
        <List.Item key={index} data-testid={testId} data-code={reason.code}>
          {reasonMessage(t, reason)}
        </List.Item>
      ))}
    </List>
  );
}

interface SubmitDialogProps {
  opened: boolean;
  onClose(): void;
  onConfirm(): void;
  submitting: boolean;
  warnings: Reason[];
  together: string[];
}

/** The last word before the edition leaves the officer's hands. */
export function SubmitDialog({ opened, onClose, onConfirm, submitting, warnings, together }: SubmitDialogProps) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={t('submit.confirm_title')} size="md">
      <Stack gap="md">
        <Text size="sm">{t('submit.confirm_message')}</Text>
        {together.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('submit.confirm_together')}
            </Text>
            <List size="sm" spacing={2}>
              {together.map((title, index) => (
                <List.Item key={index}>{t('submit.quoted_title', { title })}</List.Item>
              ))}
            </List>
          </Stack>
        )}
        {warnings.length > 0 && (
          <Alert color="yellow" icon={<IconAlertTriangle />} title={t('submit.warnings_title')}>
            <ReasonList reasons={warnings} testId="submit-confirm-warning" />
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} disabled={submitting}>
            {t('common.cancel')}
          </Button>
          <Button leftSection={<IconSend size={16} />} onClick={onConfirm} loading={submitting} data-testid="submit-confirm">
            {t('submit.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
