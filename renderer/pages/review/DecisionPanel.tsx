import { Alert, Badge, Box, Button, Code, Group, List, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconSignature } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { notifySuccess, toApiError } from '../../failures.js';
import { formatShortDateTime } from '../../format.js';
import { PasswordField } from '../../components/PasswordField.js';
import { reviewError, reviewReason, type Decision, type ReviewState } from './words.js';
import type { ApiError, Reason } from '../../../shared/errors.js';
import type { MessageKey } from '../../../shared/i18n/index.js';

const DECISIONS: readonly Decision[] = ['approve', 'partial', 'withhold', 'return'];
const ARTICLES = [14, 15, 16] as const;
type Article = (typeof ARTICLES)[number];

/** Refusals that hold whatever the decision; the rest of `signOffBlockers` only concern a sign-off. */
const GENERAL_BLOCKERS = new Set(['review.not_submitted', 'review.not_reviewer', 'review.own_edition']);

const NOTE_LABELS: Record<Decision, MessageKey> = {
  approve: 'review.decision.note',
  partial: 'review.decision.note_partial',
  withhold: 'review.decision.note_withhold',
  return: 'review.decision.note_return',
};
const SUBMIT_LABELS: Record<Decision, MessageKey> = {
  approve: 'review.decision.sign',
  partial: 'review.decision.sign',
  withhold: 'review.decision.submit_withhold',
  return: 'review.decision.submit_return',
};

/**
 * Why this decision would be refused right now: the backend's sign-off blockers (computed for approval)
 * and, for the other decisions, the note or legal basis they need. The backend checks all again.
 */
function blockersFor(review: ReviewState, decision: Decision | null, basis: Article | null, note: string): Reason[] {
  if (!decision) return [];
  const noNote = !note.trim();
  switch (decision) {
    case 'approve':
      return review.signOffBlockers;
    case 'partial':
      return [...review.signOffBlockers, ...(noNote ? [{ code: 'review.partial_note_required' }] : [])];
    case 'withhold':
      return [...review.signOffBlockers.filter((r) => GENERAL_BLOCKERS.has(r.code)), ...(basis === null ? [{ code: 'review.basis_required' }] : [])];
    case 'return':
      return [...review.signOffBlockers.filter((r) => GENERAL_BLOCKERS.has(r.code)), ...(noNote ? [{ code: 'review.return_reason_required' }] : [])];
  }
}

/** Open checklist items are listed one by one while there are a few; beyond that, counted on one line. */
const LISTED_OPEN_ITEMS = 3;

function shownBlockers(blockers: Reason[]): { reason: Reason; many?: number }[] {
  const open = blockers.filter((r) => r.code === 'review.checklist_open');
  if (open.length <= LISTED_OPEN_ITEMS) return blockers.map((reason) => ({ reason }));
  const shown: { reason: Reason; many?: number }[] = [];
  for (const reason of blockers) {
    if (reason.code !== 'review.checklist_open') shown.push({ reason });
    else if (reason === open[0]) shown.push({ reason, many: open.length });
  }
  return shown;
}

interface DecisionPanelProps {
  review: ReviewState;
  questions: ReadonlyMap<string, string>;
  onDecided(review: ReviewState): void;
}

/** The review decision: the decision, its note or basis, and the reviewer's password; a sign-off binds the content as it is now. */
export function DecisionPanel({ review, questions, onDecided }: DecisionPanelProps) {
  const { t } = useI18n();
  const { command } = useSession();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [basis, setBasis] = useState<Article | null>(null);
  const [note, setNote] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const blockers = blockersFor(review, decision, basis, note);
  const noteRequired = decision === 'partial' || decision === 'return';

  async function submit() {
    if (!decision) return;
    setBusy(true);
    setFailure(null);
    try {
      const next = await command('review.decide', {
        editionId: review.editionId,
        decision,
        basis: decision === 'withhold' ? basis : null,
        note: note.trim(),
        password,
      });
      setPassword('');
      notifySuccess(t('review.decision.done', { decision: t(`review.decision.${decision}`) }));
      onDecided(next);
    } catch (thrown) {
      setPassword('');
      setFailure(toApiError(thrown));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="review-decision">
      <Stack gap="sm">
        <Title order={4}>{t('review.decision.title')}</Title>
        <Radio.Group
          value={decision}
          onChange={(value) => {
            setDecision(value as Decision);
            setFailure(null);
          }}
          aria-label={t('review.decision.title')}
        >
          <Stack gap="xs">
            {DECISIONS.map((value) => (
              <Radio key={value} value={value} label={t(`review.decision.${value}`)} description={t(`review.decision.${value}_help`)} data-testid={`decision-${value}`} />
            ))}
          </Stack>
        </Radio.Group>

        {decision === 'withhold' && (
          <Radio.Group
            label={t('review.decision.basis')}
            withAsterisk
            value={basis === null ? null : String(basis)}
            onChange={(value) => setBasis(Number(value) as Article)}
          >
            <Stack gap={6} mt={4}>
              {ARTICLES.map((article) => (
                <Radio
                  key={article}
                  value={String(article)}
                  label={t('review.decision.basis_value', { article: t(`catalogue.article.${article}`) })}
                  description={t(`catalogue.article.${article}_help`)}
                  data-testid={`decision-basis-${article}`}
                />
              ))}
            </Stack>
          </Radio.Group>
        )}

        {decision && (
          <Textarea
            label={t(NOTE_LABELS[decision])}
            withAsterisk={noteRequired}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            data-testid="decision-note"
          />
        )}

        {decision && (
          <PasswordField
            label={t('review.decision.password')}
            description={t('review.decision.password_help')}
            withAsterisk
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !blockers.length && password && !busy) void submit();
            }}
            data-testid="decision-password"
          />
        )}

        {blockers.length > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle />} p="xs" data-testid="decision-blockers" data-count={blockers.length}>
            <Text size="sm" fw={500}>
              {t('review.decision.blockers', { count: blockers.length })}
            </Text>
            <List size="sm" spacing={2} mt={4}>
              {shownBlockers(blockers).map((shown, index) => (
                <List.Item key={index} data-testid="decision-blocker" data-code={shown.reason.code}>
                  {shown.many ? t('review.decision.checklist_open_many', { count: shown.many }) : reviewReason(t, shown.reason, questions)}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}

        {failure && <Refusal error={failure} questions={questions} />}

        {decision && (
          <Group justify="flex-end">
            <Button
              leftSection={<IconSignature size={16} />}
              color={decision === 'return' || decision === 'withhold' ? 'orange' : 'blue'}
              disabled={blockers.length > 0 || !password}
              loading={busy}
              onClick={() => void submit()}
              data-testid="decision-submit"
            >
              {t(SUBMIT_LABELS[decision])}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The backend's refusal, with every reason it gave (the author reviewing their own edition, a wrong password …). */
function Refusal({ error, questions }: { error: ApiError; questions: ReadonlyMap<string, string> }) {
  const { t } = useI18n();
  return (
    <Alert color="red" icon={<IconCircleX />} role="alert" p="xs" data-testid="decision-error" data-code={error.code}>
      <Text size="sm">{reviewError(t, error, questions)}</Text>
      {error.reasons && error.reasons.length > 0 && (
        <List size="sm" spacing={2} mt={4}>
          {error.reasons.map((reason, index) => (
            <List.Item key={index} data-code={reason.code}>
              {reviewReason(t, reason, questions)}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ wordBreak: 'break-word', whiteSpace: 'pre-wrap' }} data-testid={testId}>
        {children}
      </Text>
    </>
  );
}

/** The decision on record, and for a sign-off whether it still covers the content as it is now. */
export function DecisionSummary({ review }: { review: ReviewState }) {
  const { t, language } = useI18n();
  const decision = review.decision;
  if (!decision) return null;
  // Back in the queue after a return or a withholding and a new submission: what was said last time.
  const previous = review.status === 'submitted';
  const signOff = decision.signOff;
  return (
    <Paper
      withBorder
      p="md"
      style={{ borderColor: previous ? undefined : `var(--mantine-color-${signOff ? (signOff.valid ? 'green' : 'red') : 'gray'}-5)` }}
      data-testid="decision-summary"
      data-decision={decision.decision}
      data-previous={previous}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={4}>{t(previous ? 'review.summary.previous_title' : 'review.summary.title')}</Title>
          <Badge size="lg" variant="light" color={decision.decision === 'approve' ? 'green' : decision.decision === 'partial' ? 'teal' : 'orange'} data-testid="decision-summary-decision">
            {t(`review.decision.${decision.decision}`)}
          </Badge>
        </Group>
        {previous && (
          <Text size="sm" c="dimmed">
            {t('review.summary.previous_help')}
          </Text>
        )}
        <Box style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 'var(--mantine-spacing-md)', rowGap: 6 }}>
          {decision.basis !== null && (
            <Row label={t('review.summary.basis')}>
              {ARTICLES.includes(decision.basis as Article)
                ? t('review.decision.basis_value', { article: t(`catalogue.article.${decision.basis as Article}`) })
                : String(decision.basis)}
            </Row>
          )}
          <Row label={t('review.summary.note')} testId="decision-summary-note">
            {decision.note || t('common.none')}
          </Row>
          <Row label={t('review.summary.reviewer')} testId="decision-summary-reviewer">
            {decision.reviewerName}
          </Row>
          <Row label={t('review.summary.time')}>{formatShortDateTime(decision.decidedAt, language)}</Row>
          {signOff && (
            <Row label={t('review.summary.sign_off')}>
              <Stack gap={4}>
                <Group gap={6} data-testid="sign-off-validity" data-valid={signOff.valid}>
                  {signOff.valid ? <IconCircleCheck size={18} color="var(--mantine-color-green-7)" /> : <IconCircleX size={18} color="var(--mantine-color-red-7)" />}
                  <Text size="sm" fw={600} c={signOff.valid ? 'green.8' : 'red.8'}>
                    {t(signOff.valid ? 'review.summary.valid' : 'review.summary.void')}
                  </Text>
                </Group>
                {!signOff.valid && (
                  <Text size="sm" c="red.8" data-testid="sign-off-void-reason">
                    {signOff.voidedAt
                      ? t('review.summary.voided', { time: formatShortDateTime(signOff.voidedAt, language), reason: signOff.voidReason || t('common.none') })
                      : t('review.summary.changed')}
                  </Text>
                )}
              </Stack>
            </Row>
          )}
          {signOff && (
            <Row label={t('review.summary.hash')}>
              <Code fz="xs" style={{ wordBreak: 'break-all' }}>
                {signOff.contentHash}
              </Code>
            </Row>
          )}
        </Box>
      </Stack>
    </Paper>
  );
}
