import { ActionIcon, Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCalendarDue, IconFilePlus, IconLink, IconLinkOff } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../../i18n.js';
import { useSession } from '../../../session.js';
import { notifyFailure, notifySuccess } from '../../../failures.js';
import { StatusBadge } from '../../../components/StatusBadge.js';
import { DocumentPicker, type PickedDocument } from './DocumentPicker.js';
import type { PendingLink } from '../../../catalogue.js';
import type { Edition } from '../../../../shared/contract.js';

type LinkedItem = Edition['links']['documents'][number];

interface DocumentsPanelProps {
  /** The saved interpretation; null before its first save. */
  edition: Edition | null;
  /** Documents chosen before the first save, linked right after it. */
  pending: PendingLink[];
  onPendingChange(pending: PendingLink[]): void;
  canEdit: boolean;
  onEditionChange(edition: Edition): void;
  onOpen(editionId: string): void;
}

/** For an interpretation: the policy documents it interprets, how much of each it repeats, and linking more. */
export function LinkedDocumentsPanel({ edition, pending, onPendingChange, canEdit, onEditionChange, onOpen }: DocumentsPanelProps) {
  const { t } = useI18n();
  const { command } = useSession();
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const documents = edition?.links.documents ?? [];
  const copies = new Map((edition?.copyChecks ?? []).map((c) => [c.documentItemId, c]));
  const copied = (edition?.copyChecks ?? []).some((c) => c.tooSimilar);
  const count = documents.length + (edition ? 0 : pending.length);

  async function link(document: PickedDocument) {
    if (!edition) {
      if (!pending.some((p) => p.itemId === document.itemId)) onPendingChange([...pending, document]);
      setPicking(false);
      return;
    }
    setBusy(document.itemId);
    try {
      onEditionChange(await command('interpretations.link', { interpretationItemId: edition.itemId, documentItemId: document.itemId }));
      notifySuccess(t('interpretation.linked', { title: document.title || t('editor.untitled') }));
      setPicking(false);
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setBusy(null);
    }
  }

  async function unlink(document: { itemId: string; title: string }) {
    if (!edition) {
      onPendingChange(pending.filter((p) => p.itemId !== document.itemId));
      return;
    }
    setBusy(document.itemId);
    try {
      onEditionChange(await command('interpretations.unlink', { interpretationItemId: edition.itemId, documentItemId: document.itemId }));
      notifySuccess(t('interpretation.unlinked', { title: document.title || t('editor.untitled') }));
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setBusy(null);
    }
  }

  const exclude = [...documents.map((d) => d.itemId), ...pending.map((p) => p.itemId), ...(edition ? [edition.itemId] : [])];
  return (
    <Paper withBorder p="md" data-testid="linked-documents-panel">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Title order={4}>{t('interpretation.documents_title', { count })}</Title>
            <Text size="xs" c="dimmed">
              {t('interpretation.documents_help')}
            </Text>
          </Stack>
          {canEdit && (
            <Button variant="default" leftSection={<IconLink size={16} />} onClick={() => setPicking(true)} data-testid="link-document">
              {t('interpretation.link_document')}
            </Button>
          )}
        </Group>

        {count > 0 ? (
          <Table verticalSpacing={6} data-testid="linked-documents">
            <Table.Tbody>
              {documents.map((document) => (
                <LinkedRow
                  key={document.itemId}
                  item={document}
                  testId="linked-document"
                  onOpen={onOpen}
                  copy={copies.get(document.itemId)}
                  action={
                    canEdit && (
                      <UnlinkButton busy={busy === document.itemId} onClick={() => void unlink(document)} />
                    )
                  }
                />
              ))}
              {!edition &&
                pending.map((document) => (
                  <Table.Tr key={document.itemId} data-testid="pending-document" data-item-id={document.itemId}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {document.title || t('editor.untitled')}
                      </Text>
                    </Table.Td>
                    <Table.Td colSpan={2}>
                      <Badge variant="outline" color="gray" size="sm">
                        {t('interpretation.pending_link')}
                      </Badge>
                    </Table.Td>
                    <Table.Td w={48}>
                      {canEdit && <UnlinkButton busy={false} onClick={() => void unlink(document)} />}
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed" data-testid="linked-documents-empty">
            {t('interpretation.no_documents')}
          </Text>
        )}

        {copied && (
          <Alert color="orange" icon={<IconAlertTriangle />} p="sm" data-testid="copy-warning">
            {t('interpretation.copy_warning')}
          </Alert>
        )}
        {documents.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('interpretation.copy_help')}
          </Text>
        )}
      </Stack>
      <DocumentPicker opened={picking} onClose={() => setPicking(false)} exclude={exclude} onPick={(document) => void link(document)} busy={busy} />
    </Paper>
  );
}

interface InterpretationsPanelProps {
  edition: Edition | null;
  /** Officers may start an interpretation of any saved document, published ones included. */
  canCreate: boolean;
  creating: boolean;
  onCreate(): void;
  onOpen(editionId: string): void;
  /** A normative document must travel with its interpretation (the three-together rule). */
  normative: boolean;
}

/** For a document: the interpretations written for it, and starting a new one. */
export function LinkedInterpretationsPanel({ edition, canCreate, creating, onCreate, onOpen, normative }: InterpretationsPanelProps) {
  const { t } = useI18n();
  const interpretations = edition?.links.interpretations ?? [];
  return (
    <Paper withBorder p="md" data-testid="linked-interpretations-panel">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Title order={4}>{t('interpretation.interpretations_title', { count: interpretations.length })}</Title>
            <Text size="xs" c="dimmed">
              {normative ? t('interpretation.interpretations_help_normative') : t('interpretation.interpretations_help')}
            </Text>
          </Stack>
          {canCreate && (
            <Button
              variant="default"
              leftSection={<IconFilePlus size={16} />}
              onClick={onCreate}
              loading={creating}
              disabled={!edition}
              data-testid="new-interpretation"
            >
              {t('interpretation.create')}
            </Button>
          )}
        </Group>
        {interpretations.length > 0 ? (
          <Table verticalSpacing={6} data-testid="linked-interpretations">
            <Table.Tbody>
              {interpretations.map((interpretation) => (
                <LinkedRow key={interpretation.itemId} item={interpretation} testId="linked-interpretation" onOpen={onOpen} />
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed" data-testid="linked-interpretations-empty">
            {edition || !canCreate ? t('interpretation.no_interpretations') : t('interpretation.save_first')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

interface LinkedRowProps {
  item: LinkedItem;
  testId: string;
  onOpen(editionId: string): void;
  copy?: Edition['copyChecks'][number];
  action?: ReactNode;
}

function LinkedRow({ item, testId, onOpen, copy, action }: LinkedRowProps) {
  const { t } = useI18n();
  return (
    <Table.Tr data-testid={`${testId}-row`} data-item-id={item.itemId}>
      <Table.Td>
        <Stack gap={2}>
          <Anchor component="button" size="sm" fw={500} ta="left" onClick={() => onOpen(item.editionId)} data-testid={testId} data-edition-id={item.editionId}>
            {item.title || t('editor.untitled')}
          </Anchor>
          {copy && (
            <Text size="xs" c={copy.tooSimilar ? 'orange.8' : 'dimmed'} fw={copy.tooSimilar ? 600 : undefined} data-testid="copy-check" data-too-similar={copy.tooSimilar}>
              {t('interpretation.copy_share', { title: copy.title || t('editor.untitled'), percent: Math.round(copy.share * 100) })}
              {copy.tooSimilar && `${t('common.label_separator')}${t('interpretation.copy_too_similar')}`}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td w={96}>
        <StatusBadge status={item.status} />
      </Table.Td>
      <Table.Td w={150}>
        <Text size="sm" c={item.publishDate ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
          {item.publishDate ? t('interpretation.published_on', { date: item.publishDate }) : t('interpretation.not_published')}
        </Text>
      </Table.Td>
      {action !== undefined && <Table.Td w={48}>{action}</Table.Td>}
    </Table.Tr>
  );
}

function UnlinkButton({ busy, onClick }: { busy: boolean; onClick(): void }) {
  const { t } = useI18n();
  return (
    <Tooltip label={t('interpretation.unlink')}>
      <ActionIcon variant="subtle" color="red" aria-label={t('interpretation.unlink')} onClick={onClick} loading={busy} data-testid="unlink-document">
        <IconLinkOff size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

/** For an interpretation of a published document: when it must be released. */
export function InterpretationDueNotice({ due, workdays }: { due: Edition['interpretationDue']; workdays: number }) {
  const { t } = useI18n();
  if (!due) return null;
  return (
    <Alert
      color={due.provisional ? 'orange' : 'blue'}
      icon={<IconCalendarDue />}
      p="sm"
      data-testid="interpretation-due"
      data-due={due.date}
      data-provisional={due.provisional}
    >
      <Text size="sm" fw={600}>
        {t('interpretation.due', { date: due.date, workdays })}
      </Text>
      {due.provisional && <Text size="sm">{t('editor.due_provisional')}</Text>}
    </Alert>
  );
}
