import { Alert, Box, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowBackUp, IconArrowLeft, IconFileExport, IconLock } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useQuery } from '../../hooks/useQuery.js';
import { notifyFailure, notifySuccess, toApiError } from '../../failures.js';
import { downloadBase64 } from '../../files.js';
import { categoryNames } from '../../catalogue.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ContentPane } from './ContentPane.js';
import { FindingsPanel } from './FindingsPanel.js';
import { ChecklistPanel } from './ChecklistPanel.js';
import { DecisionPanel, DecisionSummary } from './DecisionPanel.js';
import { ReasonModal } from './ReasonModal.js';
import { checklistQuestions, reviewError, type ReviewState } from './words.js';
import type { Category, Edition } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The two columns scroll on their own under the action bar, so the panel stays beside the text it is about. */
const PAGE_HEIGHT = 'calc(100dvh - var(--app-shell-header-height, 56px) - var(--app-shell-footer-height, 34px) - 2 * var(--mantine-spacing-lg))';

interface Loaded {
  edition: Edition;
  review: ReviewState;
}

interface ReviewWorkspaceProps {
  editionId: string;
  categories: Category[];
  onBack(): void;
}

/** One edition under review: the content on the left, read-only; the review on the right. */
export function ReviewWorkspace({ editionId, categories, onBack }: ReviewWorkspaceProps) {
  const { t } = useI18n();
  const { command, user } = useSession();
  const split = useMediaQuery('(min-width: 75em)', true);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [exporting, setExporting] = useState(false);
  const [returning, setReturning] = useState(false);
  const settings = useQuery('review.settings');

  const load = useCallback(async (): Promise<Loaded> => {
    const [edition, review] = await Promise.all([command('items.edition', { editionId }), command('review.get', { editionId })]);
    return { edition, review };
  }, [command, editionId]);

  useEffect(() => {
    let current = true;
    load().then(
      (next) => current && setLoaded(next),
      (thrown: unknown) => current && setError(toApiError(thrown)),
    );
    return () => {
      current = false;
    };
  }, [load]);

  /** After masking or a decision the content or status changed: read the edition again. */
  const refreshEdition = useCallback(
    async (review: ReviewState) => {
      setLoaded((previous) => (previous ? { ...previous, review } : previous));
      try {
        const edition = await command('items.edition', { editionId });
        setLoaded((previous) => (previous ? { ...previous, edition } : previous));
      } catch (thrown) {
        notifyFailure(t, thrown);
      }
    },
    [command, editionId, t],
  );

  const setReview = useCallback((review: ReviewState) => setLoaded((previous) => (previous ? { ...previous, review } : previous)), []);
  const questions = useMemo(() => checklistQuestions(loaded?.review ?? null), [loaded?.review]);
  const names = useMemo(() => categoryNames(categories), [categories]);

  if (error) {
    return (
      <Stack>
        <BackButton onBack={onBack} />
        <ErrorAlert error={error} />
      </Stack>
    );
  }
  if (!loaded) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }

  const { edition, review } = loaded;
  const isReviewer = user.roles.includes('reviewer');
  const canAct = isReviewer && review.status === 'submitted';
  const canExport = isReviewer || user.roles.includes('admin');
  const canReturn = isReviewer && review.status === 'reviewed';
  // Checklist items name the role that ticks them: an approver may have some to tick here too.
  const mayTick = review.status === 'submitted' && review.checklist.some((item) => user.roles.includes(item.role));
  // The author may not review their own edition: said up front, not only once a decision is chosen (the backend enforces it).
  const ownEdition = review.signOffBlockers.some((r) => r.code === 'review.own_edition');

  async function exportRecord() {
    setExporting(true);
    try {
      const { fileName, dataBase64 } = await command('review.exportRecord', { editionId });
      downloadBase64(fileName, DOCX_MIME, dataBase64);
      notifySuccess(t('review.exported', { name: fileName }));
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setExporting(false);
    }
  }

  async function returnToDraft(reason: string): Promise<string | null> {
    try {
      await command('workflow.returnToDraft', { editionId, reason });
      setLoaded(await load());
      notifySuccess(t('review.returned'));
      return null;
    } catch (thrown) {
      return reviewError(t, toApiError(thrown), questions);
    }
  }

  const panel = (
    <Stack gap="md" data-testid="review-panel">
      {!isReviewer ? (
        <Alert color="gray" icon={<IconLock />} data-testid="review-read-only">
          {t(mayTick ? 'review.read_only_role_items' : 'review.read_only_role')}
        </Alert>
      ) : (
        review.status !== 'submitted' && (
          <Alert color="gray" icon={<IconLock />} data-testid="review-read-only">
            {t('review.read_only_status', { status: t(`status.${review.status}`) })}
          </Alert>
        )
      )}
      {canAct && ownEdition && (
        <Alert color="red" icon={<IconAlertTriangle />} data-testid="review-own-edition">
          {t('reason.review.own_edition')}
        </Alert>
      )}
      <DecisionSummary review={review} />
      <FindingsPanel
        review={review}
        canAct={canAct}
        questions={questions}
        idMask={settings.data?.idMask ?? 'standard'}
        onChange={setReview} onMasked={(next) => void refreshEdition(next)} />
      <ChecklistPanel review={review} open={review.status === 'submitted'} questions={questions} onChange={setReview} />
      {canAct && <DecisionPanel key={review.decision?.decidedAt ?? 'none'} review={review} questions={questions} onDecided={(next) => void refreshEdition(next)} />}
    </Stack>
  );
  const content = <ContentPane edition={edition} categoryName={names.get(edition.categoryId) ?? edition.categoryId} />;

  return (
    <Stack gap="sm" h={split ? PAGE_HEIGHT : undefined} data-testid="review-workspace" data-edition-id={editionId}>
      <Group justify="space-between" wrap="nowrap">
        <BackButton onBack={onBack} />
        <Group gap="xs" wrap="nowrap">
          {canReturn && (
            <Button variant="default" color="orange" leftSection={<IconArrowBackUp size={16} />} onClick={() => setReturning(true)} data-testid="review-return-to-draft">
              {t('review.return_to_draft')}
            </Button>
          )}
          {canExport && (
            <Button variant="default" leftSection={<IconFileExport size={16} />} loading={exporting} onClick={() => void exportRecord()} data-testid="review-export">
              {t('review.export')}
            </Button>
          )}
        </Group>
      </Group>

      {split ? (
        <Box style={{ flex: 1, minHeight: 0, display: 'flex', gap: 'var(--mantine-spacing-lg)' }}>
          <Box style={{ flex: '1 1 55%', minWidth: 0, overflowY: 'auto', paddingRight: 4 }}>{content}</Box>
          <Box style={{ flex: '1 1 45%', minWidth: 0, overflowY: 'auto', paddingRight: 4 }}>
            <Text size="xs" c="dimmed" mb={6}>
              {t('review.panel_title')}
            </Text>
            {panel}
          </Box>
        </Box>
      ) : (
        <Stack gap="lg">
          {content}
          {panel}
        </Stack>
      )}

      <ReasonModal
        opened={returning}
        title={t('review.return_to_draft')}
        help={t('review.return_to_draft_help')}
        confirmLabel={t('review.return_to_draft')}
        onSubmit={returnToDraft}
        onClose={() => setReturning(false)}
        testId="return-to-draft"
      />
    </Stack>
  );
}

function BackButton({ onBack }: { onBack(): void }) {
  const { t } = useI18n();
  return (
    <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack} data-testid="review-back">
      {t('review.back')}
    </Button>
  );
}
