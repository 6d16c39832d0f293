import { Badge, Box, Button, Center, Group, Loader, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconGitCompare } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { isMessageKey, useI18n } from '../../../i18n.js';
import { useSession } from '../../../session.js';
import { toApiError } from '../../../failures.js';
import { formatDateTime } from '../../../format.js';
import { categoryNames } from '../../../catalogue.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { StatusBadge } from '../../../components/StatusBadge.js';
import type { Category, CommandOutput } from '../../../../shared/contract.js';
import type { ApiError } from '../../../../shared/errors.js';
import type { Translate } from '../../../../shared/i18n/index.js';

export type History = CommandOutput<'items.history'>;
type Diff = NonNullable<CommandOutput<'items.compare'>>;

interface HistoryPanelProps {
  history: History | null;
  /** The edition on screen. */
  editionId: string;
  onOpen(editionId: string): void;
  categories: Category[];
}

/** Every edition of the item, newest first, each comparable with the one before it. */
export function HistoryPanel({ history, editionId, onOpen, categories }: HistoryPanelProps) {
  const { t, language } = useI18n();
  const [comparing, setComparing] = useState<History[number] | null>(null);

  return (
    <Paper withBorder p="md" data-testid="history-panel">
      <Stack gap="sm">
        <Title order={4}>{t('history.title')}</Title>
        {!history ? (
          <Center p="sm">
            <Loader size="sm" />
          </Center>
        ) : (
          <Table verticalSpacing={6} data-testid="history-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('history.column.edition')}</Table.Th>
                <Table.Th>{t('drafts.column.status')}</Table.Th>
                <Table.Th>{t('drafts.column.author')}</Table.Th>
                <Table.Th>{t('drafts.column.updated')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.map((entry) => (
                <Table.Tr key={entry.id} data-testid="history-row" data-number={entry.number}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{t('editor.edition_number', { number: entry.number })}</Text>
                      {entry.id === editionId && (
                        <Badge size="xs" variant="outline">
                          {t('history.shown')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={entry.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.authorName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(entry.updatedAt, language)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {entry.number > 1 && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          leftSection={<IconGitCompare size={14} />}
                          onClick={() => setComparing(entry)}
                          data-testid="history-compare"
                        >
                          {t('history.compare')}
                        </Button>
                      )}
                      {entry.id !== editionId && (
                        <Button size="compact-xs" variant="subtle" onClick={() => onOpen(entry.id)} data-testid="history-open">
                          {t('history.open')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Modal
        opened={comparing !== null}
        onClose={() => setComparing(null)}
        title={comparing && t('history.compare_title', { number: comparing.number, previous: comparing.number - 1 })}
        size="xl"
      >
        {comparing && <Comparison editionId={comparing.id} categories={categories} />}
      </Modal>
    </Paper>
  );
}

interface Outcome {
  diff: Diff | null;
  error: ApiError | null;
}

function Comparison({ editionId, categories }: { editionId: string; categories: Category[] }) {
  const { t } = useI18n();
  const { command } = useSession();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const names = useMemo(() => categoryNames(categories), [categories]);

  useEffect(() => {
    let current = true;
    command('items.compare', { editionId }).then(
      (diff) => current && setOutcome({ diff, error: null }),
      (thrown: unknown) => current && setOutcome({ diff: null, error: toApiError(thrown) }),
    );
    return () => {
      current = false;
    };
  }, [command, editionId]);

  if (!outcome) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  if (outcome.error) return <ErrorAlert error={outcome.error} />;
  const diff = outcome.diff;
  if (!diff) return <Text c="dimmed">{t('history.no_previous')}</Text>;
  const bodyChanged = diff.body.some((line) => line.op !== 'same');
  return (
    <Stack gap="lg" data-testid="compare-view">
      <Stack gap="xs">
        <Title order={5}>{t('history.changed_fields')}</Title>
        {diff.fields.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('history.no_field_changes')}
          </Text>
        ) : (
          <Table withTableBorder withColumnBorders verticalSpacing={6} data-testid="compare-fields">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={140}>{t('history.column.field')}</Table.Th>
                <Table.Th>{t('history.column.before')}</Table.Th>
                <Table.Th>{t('history.column.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {diff.fields.map((change) => (
                <Table.Tr key={change.field} data-testid="compare-field" data-field={change.field}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {fieldLabel(t, change.field)}
                    </Text>
                  </Table.Td>
                  <Table.Td className="gk-diff-removed-cell">
                    <Text size="sm">{fieldValue(t, change.field, change.before, names)}</Text>
                  </Table.Td>
                  <Table.Td className="gk-diff-added-cell">
                    <Text size="sm">{fieldValue(t, change.field, change.after, names)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={5}>{t('history.body_changes')}</Title>
        {bodyChanged ? <BodyDiff lines={diff.body} /> : <Text size="sm" c="dimmed">{t('history.no_body_changes')}</Text>}
      </Stack>
    </Stack>
  );
}

/** Runs of unchanged lines longer than this are folded, keeping a little context around each change. */
const CONTEXT = 2;

function BodyDiff({ lines }: { lines: Diff['body'] }) {
  const { t } = useI18n();
  const near = lines.map((_, index) =>
    lines.slice(Math.max(0, index - CONTEXT), index + CONTEXT + 1).some((line) => line.op !== 'same'),
  );
  const blocks: ({ kind: 'line'; index: number } | { kind: 'folded'; count: number })[] = [];
  lines.forEach((line, index) => {
    if (line.op !== 'same' || near[index]) blocks.push({ kind: 'line', index });
    else {
      const last = blocks.at(-1);
      if (last?.kind === 'folded') last.count += 1;
      else blocks.push({ kind: 'folded', count: 1 });
    }
  });
  return (
    <Box className="gk-diff" data-testid="compare-body">
      {blocks.map((block, key) => {
        if (block.kind === 'folded') {
          return (
            <Text key={key} size="xs" c="dimmed" ta="center" py={2} className="gk-diff-folded">
              {t('history.unchanged_lines', { count: block.count })}
            </Text>
          );
        }
        const line = lines[block.index]!;
        return (
          <div key={key} className={`gk-diff-line gk-diff-${line.op}`} data-op={line.op}>
            <span className="gk-diff-sign" aria-hidden>
              {line.op === 'added' ? '+' : line.op === 'removed' ? '\u2212' : ' '}
            </span>
            {line.op === 'removed' ? <del>{line.text}</del> : line.op === 'added' ? <ins>{line.text}</ins> : <span>{line.text}</span>}
          </div>
        );
      })}
    </Box>
  );
}

function fieldLabel(t: Translate, field: string): string {
  const key = field === 'categoryId' ? 'catalogue.field.category' : `catalogue.field.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

/** Stored values as the form shows them: enum values translated, booleans in words, categories by name. */
function fieldValue(t: Translate, field: string, value: string, categories: Map<string, string>): string {
  if (value === '') return t('common.none');
  const translated = (key: string) => (isMessageKey(key) ? t(key) : value);
  switch (field) {
    case 'disclosure':
      return translated(`catalogue.disclosure.${value}`);
    case 'disclosureArticle':
      return translated(`catalogue.article.${value}`);
    case 'validity':
      return translated(`catalogue.validity.${value}`);
    case 'sourceLevel':
      return translated(`catalogue.source_level.${value}`);
    case 'normative':
      return t(value === 'true' ? 'common.yes' : 'common.no');
    case 'categoryId':
      return categories.get(value) ?? value;
    default:
      return value;
  }
}
