import { Alert, Button, Center, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { isMessageKey, useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { notifyFailure, toApiError } from '../../failures.js';
import { formatDateTime } from '../../format.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import type { AuditEntry, CommandOutput } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';
import type { Translate } from '../../../shared/i18n/index.js';

const PAGE_SIZE = 50;

type Verification = CommandOutput<'audit.verify'>;

interface Loaded {
  /** Newest first, as the backend returns them. */
  entries: AuditEntry[];
  total: number;
  hasMore: boolean;
}

function appendPage(shown: AuditEntry[], page: CommandOutput<'audit.list'>): Loaded {
  const entries = [...shown, ...page.entries];
  return { entries, total: page.total, hasMore: page.entries.length === PAGE_SIZE && entries.length < page.total };
}

export function AuditLogPage() {
  const { t } = useI18n();
  const { command } = useSession();
  const [log, setLog] = useState<Loaded | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    let current = true;
    command('audit.list', { limit: PAGE_SIZE }).then(
      (page) => current && setLog(appendPage([], page)),
      (thrown: unknown) => current && setError(toApiError(thrown)),
    );
    return () => {
      current = false;
    };
  }, [command]);

  /** Pages by sequence number, so entries written meanwhile do not shift what comes next. */
  async function loadMore(shown: Loaded) {
    const oldest = Math.min(...shown.entries.map((entry) => entry.seq));
    setLoadingMore(true);
    try {
      const page = await command('audit.list', { beforeSeq: oldest, limit: PAGE_SIZE });
      setLog(appendPage(shown.entries, page));
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={2}>{t('nav.audit')}</Title>
        <Text size="sm" c="dimmed">
          {t('audit.intro')}
        </Text>
      </Stack>
      <ChainVerification />
      <ErrorAlert error={error} />
      {log ? (
        <>
          <AuditTable entries={log.entries} />
          <Group justify="space-between">
            <Text size="sm" c="dimmed" data-testid="audit-count">
              {t('audit.count', { shown: log.entries.length, total: log.total })}
            </Text>
            {log.hasMore && (
              <Button variant="default" onClick={() => void loadMore(log)} loading={loadingMore} data-testid="audit-load-more">
                {t('audit.load_more')}
              </Button>
            )}
          </Group>
        </>
      ) : (
        !error && (
          <Center p="xl">
            <Loader />
          </Center>
        )
      )}
    </Stack>
  );
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t, language } = useI18n();
  if (entries.length === 0) return <Text c="dimmed">{t('audit.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped verticalSpacing="xs" data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('audit.column.seq')}</Table.Th>
            <Table.Th w={190}>{t('audit.column.time')}</Table.Th>
            <Table.Th>{t('audit.column.actor')}</Table.Th>
            <Table.Th>{t('audit.column.action')}</Table.Th>
            <Table.Th>{t('audit.column.target')}</Table.Th>
            <Table.Th>{t('audit.column.summary')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.seq}>
              <Table.Td>{entry.seq}</Table.Td>
              <Table.Td>{formatDateTime(entry.at, language)}</Table.Td>
              <Table.Td>{entry.actorName}</Table.Td>
              <Table.Td>{translatedOrRaw(t, `audit.action.${entry.action}`, entry.action)}</Table.Td>
              {/* Target ids are mostly opaque UUIDs (the summary names the target), so they only show on hover. */}
              <Table.Td
                title={entry.targetId ?? undefined}>{translatedOrRaw(t, `audit.target.${entry.targetType}`, entry.targetType)}</Table.Td
              >
              <Table.Td>{entry.summary}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Action and target names come from the backend; newer ones than this dictionary knows are shown as they are. */
function translatedOrRaw(t: Translate, key: string, raw: string): string {
  return isMessageKey(key) ? t(key) : raw;
}

function ChainVerification() {
  const { t } = useI18n();
  const { command } = useSession();
  const [verifying, setVerifying] = useState(false);
  const [result, setResult] = useState<Verification | null>(null);

  async function verify() {
    setVerifying(true);
    try {
      setResult(await command('audit.verify', {}));
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setVerifying(false);
    }
  }

  return (
    <Stack gap="sm">
      <Group>
        <Button
          leftSection={<IconShieldCheck size={16} />}
          variant="default"
          onClick={() => void verify()}
          loading={verifying}
          data-testid="audit-verify"
        >
          {t('audit.verify')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('audit.verify_help')}
        </Text>
      </Group>
      {result && <VerificationResult result={result} />}
    </Stack>
  );
}

function VerificationResult({ result }: { result: Verification }) {
  const { t } = useI18n();
  if (result.ok) {
    return (
      <Alert color="green" icon={<IconShieldCheck />} data-testid="audit-verify-result">
        {t('audit.verify_ok', { count: result.checked })}
      </Alert>
    );
  }
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title={t('audit.verify_broken_title')} data-testid="audit-verify-result">
      {result.firstBroken
        ? t('audit.verify_broken', { seq: result.firstBroken.seq, reason: t(`audit.reason.${result.firstBroken.reason}`) })
        : t('audit.verify_failed', { count: result.checked })}
    </Alert>
  );
}
