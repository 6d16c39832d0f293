import { Alert, Anchor, Badge, Box, Button, Code, Collapse, Group, List, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconEraser, IconInfoCircle, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { notifySuccess, toApiError } from '../../failures.js';
import { formatShortDateTime } from '../../format.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ReasonModal } from './ReasonModal.js';
import {
  SEVERITIES,
  SEVERITY_COLORS,
  canMask,
  findingPlace,
  kindLabel,
  maskPreview,
  reviewError,
  unreadableExplanation,
  type Finding,
  type IdMask,
  type ReviewState,
} from './words.js';
import type { ApiError } from '../../../shared/errors.js';

interface FindingsPanelProps {
  review: ReviewState;
  canAct: boolean;
  questions: ReadonlyMap<string, string>;
  /** How the unit masks ID numbers, for the preview of what masking will do. */
  idMask: IdMask;
  onChange(review: ReviewState): void;
  /** After masking, the edition's content has changed and must be read again. */
  onMasked(review: ReviewState): void;
}

type Resolving = { finding: Finding; resolution: 'waived' | 'dismissed' };

/** The automatic scan: what it found and where, and what the reviewer did about each. */
export function FindingsPanel({ review, canAct, questions, idMask, onChange, onMasked }: FindingsPanelProps) {
  const { t } = useI18n();
  const { command } = useSession();
  const [resolving, setResolving] = useState<Resolving | null>(null);
  const [confirmMask, setConfirmMask] = useState(false);
  const [masking, setMasking] = useState(false);
  const [maskError, setMaskError] = useState<ApiError | null>(null);

  const toMask = maskPreview(review, idMask);
  const openInAttachments = review.findings.some((f) => f.location === 'attachment' && f.severity !== 'info' && !f.resolution);

  async function mask() {
    setMasking(true);
    setMaskError(null);
    try {
      const next = await command('review.mask', { editionId: review.editionId });
      setConfirmMask(false);
      onMasked(next);
      notifySuccess(t('review.mask.done'));
    } catch (thrown) {
      setMaskError(toApiError(thrown));
    } finally {
      setMasking(false);
    }
  }

  async function resolve(reason: string): Promise<string | null> {
    if (!resolving) return null;
    try {
      const next = await command('review.resolveFinding', {
        editionId: review.editionId,
        findingKey: resolving.finding.key,
        resolution: resolving.resolution,
        reason,
      });
      onChange(next);
      notifySuccess(t(resolving.resolution === 'waived' ? 'review.finding.done_waived' : 'review.finding.done_dismissed'));
      return null;
    } catch (thrown) {
      return reviewError(t, toApiError(thrown), questions);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="review-findings">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={4}>{t('review.findings.title')}</Title>
          {canAct && (
            <Button
              leftSection={<IconEraser size={16} />}
              variant="light"
              disabled={toMask.length === 0}
              onClick={() => setConfirmMask(true)}
              data-testid="review-mask"
            >
              {t('review.mask.button')}
            </Button>
          )}
        </Group>
        <Alert color="blue" variant="light" icon={<IconInfoCircle />} p="xs" data-testid="review-disclaimer">
          <Text size="sm">{t('review.findings.disclaimer')}</Text>
        </Alert>
        {canAct && (
          <Text size="xs" c="dimmed">
            {toMask.length ? t('review.mask.help', { count: toMask.length }) : t('review.mask.nothing')}
          </Text>
        )}
        {openInAttachments && (
          <Alert color="orange" variant="light" p="xs" data-testid="review-attachment-note">
            <Text size="sm">{t('review.mask.attachments_note')}</Text>
          </Alert>
        )}
        <ErrorAlert error={maskError && !confirmMask ? maskError : null} />

        {review.findings.length === 0 ? (
          <Group gap={6} data-testid="review-findings-none">
            <IconShieldCheck size={18} color="var(--mantine-color-green-7)" />
            <Text size="sm">{t('review.findings.none')}</Text>
          </Group>
        ) : (
          SEVERITIES.map((severity) => {
            const group = review.findings.filter((f) => f.severity === severity);
            if (!group.length) return null;
            // Open ones first: those are what the reviewer still has to deal with.
            const ordered = [...group.filter((f) => !f.resolution), ...group.filter((f) => f.resolution)];
            return (
              <Stack key={severity} gap={6} data-testid={`findings-${severity}`} data-count={group.length}>
                <Group gap="xs">
                  <Badge color={SEVERITY_COLORS[severity]} variant={severity === 'info' ? 'light' : 'filled'}>
                    {t('review.severity_heading', { label: t(`review.severity.${severity}`), count: group.length })}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t(`review.severity.${severity}_help`)}
                  </Text>
                </Group>
                {ordered.map((finding) => (
                  <FindingCard
                    key={finding.key}
                    finding={finding}
                    canAct={canAct}
                    onResolve={(resolution) => setResolving({ finding, resolution })}
                  />
                ))}
              </Stack>
            );
          })
        )}
      </Stack>

      <ReasonModal
        opened={!!resolving}
        title={t(resolving?.resolution === 'dismissed' ? 'review.finding.dismiss_title' : 'review.finding.waive_title')}
        help={t(resolving?.resolution === 'dismissed' ? 'review.finding.dismiss_help' : 'review.finding.waive_help')}
        subject={
          resolving && (
            <Text size="sm">
              {kindLabel(t, resolving.finding.kind)}
              {t('common.label_separator')}
              <Code>{resolving.finding.text}</Code>
              {t('common.list_separator')}
              {findingPlace(t, resolving.finding)}
            </Text>
          )
        }
        onSubmit={resolve}
        onClose={() => setResolving(null)}
        testId="resolve-finding"
      />

      <Modal opened={confirmMask} onClose={() => !masking && setConfirmMask(false)} title={t('review.mask.confirm_title')} size="lg">
        <Stack gap="sm">
          <Text size="sm">{t('review.mask.confirm_message', { count: toMask.length })}</Text>
          <List size="sm" spacing={2}>
            {toMask.map(({ finding, masked }) => (
              <List.Item key={finding.key} data-testid="mask-preview">
                {kindLabel(t, finding.kind)}
                {t('common.label_separator')}
                <Code>{finding.text}</Code>
                {' → '}
                <Code>{masked}</Code>
                {t('common.list_separator')}
                {findingPlace(t, finding)}
              </List.Item>
            ))}
          </List>
          {openInAttachments && (
            <Text size="sm" c="orange.8">
              {t('review.mask.attachments_note')}
            </Text>
          )}
          <ErrorAlert error={maskError} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirmMask(false)} disabled={masking}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void mask()} loading={masking} data-testid="review-mask-confirm">
              {t('review.mask.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

interface FindingCardProps {
  finding: Finding;
  canAct: boolean;
  onResolve(resolution: 'waived' | 'dismissed'): void;
}

function FindingCard({ finding, canAct, onResolve }: FindingCardProps) {
  const { t, language } = useI18n();
  const [explained, setExplained] = useState(false);
  const color = SEVERITY_COLORS[finding.severity];
  const unreadable = finding.kind === 'attachment_unreadable';
  const open = !finding.resolution && finding.severity !== 'info';
  return (
    <Box
      p="xs"
      style={{
        border: '1px solid var(--mantine-color-default-border)',
        borderLeft: `4px solid var(--mantine-color-${color}-${finding.severity === 'info' ? 4 : 6})`,
        borderRadius: 'var(--mantine-radius-sm)',
        opacity: finding.resolution ? 0.85 : 1,
      }}
      data-testid="finding"
      data-kind={finding.kind}
      data-severity={finding.severity}
      data-location={finding.location}
      data-resolved={finding.resolution ? finding.resolution.kind : 'open'}
    >
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Badge color={color} variant="light" size="sm" data-testid="finding-kind">
            {kindLabel(t, finding.kind)}
          </Badge>
          {!unreadable && (
            <Code fz="sm" style={{ wordBreak: 'break-all' }} data-testid="finding-text">
              {finding.text}
            </Code>
          )}
          {finding.resolution && (
            <Badge color={finding.resolution.kind === 'waived' ? 'teal' : 'gray'} variant="outline" size="sm" data-testid="finding-resolution">
              {t(finding.resolution.kind === 'waived' ? 'review.finding.waived' : 'review.finding.dismissed')}
            </Badge>
          )}
        </Group>
        <Text size="sm" data-testid="finding-place">
          {findingPlace(t, finding)}
        </Text>
        {unreadable && (
          <Text size="sm" c="dimmed">
            {unreadableExplanation(t, finding.explanation)}
          </Text>
        )}
        {finding.location === 'attachment' && open && (
          <Text size="xs" c="orange.8" data-testid="finding-attachment-hint">
            {t('review.finding.attachment_hint')}
          </Text>
        )}
        {finding.location !== 'attachment' && open && !canMask(finding) && (
          <Text size="xs" c="orange.8" data-testid="finding-unmaskable-hint">
            {t('review.finding.unmaskable_hint')}
          </Text>
        )}
        {finding.resolution && (
          <Text size="xs" c="dimmed" data-testid="finding-resolution-reason">
            {t('review.reason')}
            {t('common.label_separator')}
            {finding.resolution.reason}
            {t('common.list_separator')}
            {t('review.finding.resolved_by', { name: finding.resolution.by, time: formatShortDateTime(finding.resolution.at, language) })}
          </Text>
        )}
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Group gap="xs">
            {!unreadable && (
              <Text size="xs" c="dimmed">
                {t('review.finding.score', { score: finding.score.toFixed(2) })}
              </Text>
            )}
            {!unreadable && finding.explanation && (
              <Anchor component="button" type="button" size="xs" onClick={() => setExplained((v) => !v)} aria-expanded={explained}>
                {t('review.finding.explanation')}
              </Anchor>
            )}
          </Group>
          {canAct && open && (
            <Group gap={6}>
              <Button size="compact-xs" variant="light" color="teal" onClick={() => onResolve('waived')} data-testid="finding-waive">
                {t('review.finding.waive')}
              </Button>
              <Button size="compact-xs" variant="light" color="gray" onClick={() => onResolve('dismissed')} data-testid="finding-dismiss">
                {t('review.finding.dismiss')}
              </Button>
            </Group>
          )}
        </Group>
        <Collapse expanded={explained}>
          <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-word' }}>
            {finding.explanation}
          </Text>
        </Collapse>
      </Stack>
    </Box>
  );
}
