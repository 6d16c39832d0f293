import { Badge, Center, Group, Highlight, Loader, Mark, Paper, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useWorkspace } from '../../workspace.js';
import { toApiError } from '../../failures.js';
import { categoryNames } from '../../catalogue.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { LinkCount } from '../../components/LinkCount.js';
import type { Category, CommandOutput } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';

export const SEARCH_LIMIT = 50;

type Hit = CommandOutput<'items.search'>['hits'][number];

interface Outcome {
  query: string;
  hits: Hit[] | null;
  error: ApiError | null;
}

/** Full-text search over titles, summaries, bodies and document numbers of every item's current edition. */
export function SearchResults({ query, categories }: { query: string; categories: Category[] }) {
  const { t } = useI18n();
  const { command } = useSession();
  const { openEditor } = useWorkspace();
  const names = useMemo(() => categoryNames(categories), [categories]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    let current = true;
    command('items.search', { query, limit: SEARCH_LIMIT }).then(
      ({ hits }) => current && setOutcome({ query, hits, error: null }),
      (thrown: unknown) => current && setOutcome({ query, hits: null, error: toApiError(thrown) }),
    );
    return () => {
      current = false;
    };
  }, [command, query]);

  if (!outcome || outcome.query !== query) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  if (outcome.error) return <ErrorAlert error={outcome.error} />;
  const hits = outcome.hits ?? [];
  return (
    <Stack gap="xs" style={{ flex: 1, minHeight: 0 }}>
      <Text size="sm" c="dimmed" data-testid="search-count">
        {hits.length === 0
          ? t('drafts.search_none', { query })
          : hits.length >= SEARCH_LIMIT
            ? t('drafts.search_limited', { count: hits.length })
            : t('drafts.search_count', { count: hits.length })}
      </Text>
      <ScrollArea style={{ flex: 1 }} type="auto" offsetScrollbars>
        <Stack gap="xs" data-testid="search-results">
          {hits.map((hit) => (
            <UnstyledButton
              key={hit.editionId}
              onClick={() => openEditor({ kind: 'edition', editionId: hit.editionId })}
              data-testid="search-hit"
              data-edition-id={hit.editionId}
              data-matched-in={hit.matchedIn}
            >
              <Paper withBorder p="sm" className="gk-hit">
                <Stack gap={4}>
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Group gap={6} wrap="nowrap" miw={0}>
                      <Highlight highlight={query} fw={600} size="sm" truncate miw={0}>
                        {hit.title || t('editor.untitled')}
                      </Highlight>
                      <LinkCount count={hit.links} categoryId={hit.categoryId} />
                    </Group>
                    <StatusBadge status={hit.status} />
                  </Group>
                  <Snippet text={hit.snippet} highlights={hit.highlights} />
                  <Group gap="md">
                    <Badge variant="outline" color="gray" size="sm">
                      {t('drafts.matched_in', { field: t(`drafts.matched.${hit.matchedIn}`) })}
                    </Badge>
                    <Meta>{hit.indexNumber}</Meta>
                    {hit.documentNumber && <Meta>{hit.documentNumber}</Meta>}
                    <Meta>{names.get(hit.categoryId) ?? hit.categoryId}</Meta>
                    {hit.writtenDate && <Meta>{hit.writtenDate}</Meta>}
                    <Meta>{hit.authorName}</Meta>
                  </Group>
                </Stack>
              </Paper>
            </UnstyledButton>
          ))}
        </Stack>
      </ScrollArea>
    </Stack>
  );
}

function Meta({ children }: { children: string }) {
  return (
    <Text size="xs" c="dimmed">
      {children}
    </Text>
  );
}

/** The text around the match, with the backend's offsets marked. */
function Snippet({ text, highlights }: { text: string; highlights: [number, number][] }) {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [start, end] of [...highlights].sort((a, b) => a[0] - b[0])) {
    const from = Math.max(at, Math.min(start, text.length));
    const to = Math.max(from, Math.min(end, text.length));
    if (from > at) parts.push({ text: text.slice(at, from), marked: false });
    if (to > from) parts.push({ text: text.slice(from, to), marked: true });
    at = to;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return (
    <Text size="sm" c="dark.4" lineClamp={2} data-testid="search-snippet">
      {parts.map((part, index) =>
        part.marked ? (
          <Mark key={index} data-testid="search-mark">
            {part.text}
          </Mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </Text>
  );
}
