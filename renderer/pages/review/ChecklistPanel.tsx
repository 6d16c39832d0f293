import { Badge, Box, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { notifyFailure, toApiError } from '../../failures.js';
import { ReasonModal } from './ReasonModal.js';
import { reviewError, type ReviewState } from './words.js';

type Item = ReviewState['checklist'][number];
type Answer = NonNullable<Item['answer']>;

const ANSWER_COLORS: Record<Answer, string> = { yes: 'green', no: 'red', waived: 'yellow' };
/** The answer buttons sit in one column, so yes and no line up from item to item. */
const ANSWER_COLUMN = 132;

interface ChecklistPanelProps {
  review: ReviewState;
  /** The edition awaits review: each item may be answered by whoever holds its role. */
  open: boolean;
  questions: ReadonlyMap<string, string>;
  onChange(review: ReviewState): void;
}

/**
 * The review checklist: each question answered yes / no / waived (with a note), required ones marked.
 * Each item names the role that may tick it (usually the reviewer; e.g. the approver for timing).
 */
export function ChecklistPanel({ review, open, questions, onChange }: ChecklistPanelProps) {
  const { t } = useI18n();
  const { command, user } = useSession();
  const mayAnswer = (item: Item) => open && user.roles.includes(item.role);
  const [busy, setBusy] = useState<ReadonlyMap<string, Answer>>(new Map());
  const [waiving, setWaiving] = useState<Item | null>(null);
  // Answers to different items may be clicked in quick succession: an older reply must not undo a newer one.
  const sent = useRef(0);
  const applied = useRef(0);

  function apply(seq: number, next: ReviewState) {
    if (seq < applied.current) return;
    applied.current = seq;
    onChange(next);
  }

  const done = review.checklist.filter((item) => item.answer !== null).length;
  const total = review.checklist.length;

  async function answer(item: Item, value: Answer, note = '') {
    setBusy((previous) => new Map(previous).set(item.id, value));
    const seq = ++sent.current;
    try {
      apply(seq, await command('review.answer', { editionId: review.editionId, itemId: item.id, answer: value, note }));
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setBusy((previous) => {
        const next = new Map(previous);
        next.delete(item.id);
        return next;
      });
    }
  }

  async function waive(note: string): Promise<string | null> {
    if (!waiving) return null;
    const seq = ++sent.current;
    try {
      apply(seq, await command('review.answer', { editionId: review.editionId, itemId: waiving.id, answer: 'waived', note }));
      return null;
    } catch (thrown) {
      return reviewError(t, toApiError(thrown), questions);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="review-checklist">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={4}>{t('review.checklist.title')}</Title>
          <Text size="sm" fw={500} c={done === total ? 'green.8' : undefined} data-testid="checklist-progress" data-done={done} data-total={total}>
            {t('review.checklist.progress', { done, total })}
          </Text>
        </Group>
        <Progress value={total ? (done / total) * 100 : 0} size="sm" color={done === total ? 'green' : 'blue'} aria-hidden />
        <Stack gap={0}>
          {review.checklist.map((item, index) => (
            <Box
              key={item.id}
              py={8}
              style={{ borderTop: index ? '1px solid var(--mantine-color-gray-2)' : undefined }}
              data-testid="checklist-item"
              data-item-id={item.id}
              data-answer={item.answer ?? 'open'}
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Badge size="xs" variant={item.severity === 'required' ? 'filled' : 'outline'} color={item.severity === 'required' ? 'red' : 'gray'} style={{ flex: 'none', marginTop: 3 }}>
                      {t(item.severity === 'required' ? 'review.checklist.required' : 'review.checklist.recommended')}
                    </Badge>
                    <Text size="sm">{item.question}</Text>
                  </Group>
                  {item.role !== 'reviewer' && (
                    <Text size="xs" c="blue.8" pl={4} data-testid="checklist-role" data-role={item.role}>
                      {t('review.checklist.by_role', { role: t(`role.${item.role}`) })}
                    </Text>
                  )}
                  {item.note && (
                    <Text size="xs" c="dimmed" pl={4}>
                      {t('review.checklist.note', { note: item.note })}
                    </Text>
                  )}
                </Stack>
                {mayAnswer(item) ? (
                  <Group gap={4} wrap="nowrap" miw={ANSWER_COLUMN} style={{ flex: 'none' }}>
                    {(['yes', 'no'] as const).map((value) => (
                      <Button
                        key={value}
                        size="compact-sm"
                        variant={item.answer === value ? 'filled' : 'default'}
                        color={ANSWER_COLORS[value]}
                        loading={busy.get(item.id) === value}
                        disabled={busy.has(item.id)}
                        onClick={() => item.answer !== value && void answer(item, value)}
                        aria-pressed={item.answer === value}
                        data-testid={`checklist-${value}`}
                      >
                        {t(`review.checklist.${value}`)}
                      </Button>
                    ))}
                    {item.waivable && (
                      <Button
                        size="compact-sm"
                        variant={item.answer === 'waived' ? 'filled' : 'default'}
                        color={ANSWER_COLORS.waived}
                        disabled={busy.has(item.id)}
                        onClick={() => setWaiving(item)}
                        aria-pressed={item.answer === 'waived'}
                        data-testid="checklist-waive"
                      >
                        {t('review.checklist.waive')}
                      </Button>
                    )}
                  </Group>
                ) : (
                  item.answer && (
                    <Badge color={ANSWER_COLORS[item.answer]} variant="light" style={{ flex: 'none' }}>
                      {t(item.answer === 'waived' ? 'review.checklist.waived' : `review.checklist.${item.answer}`)}
                    </Badge>
                  )
                )}
              </Group>
            </Box>
          ))}
        </Stack>
      </Stack>

      <ReasonModal
        opened={!!waiving}
        title={t('review.checklist.waive_title')}
        help={t('review.checklist.waive_help')}
        subject={waiving && <Text size="sm">{waiving.question}</Text>}
        onSubmit={waive}
        onClose={() => setWaiving(null)}
        testId="checklist-waive-modal"
      />
    </Paper>
  );
}
