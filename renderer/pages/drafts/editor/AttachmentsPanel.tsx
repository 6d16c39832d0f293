import { ActionIcon, Button, FileButton, Group, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconDownload, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useRef, useState, type ComponentProps } from 'react';
import { ApiFailure } from '../../../api.js';
import { useI18n } from '../../../i18n.js';
import { useSession } from '../../../session.js';
import { notifyFailure, notifySuccess, toApiError } from '../../../failures.js';
import { readAsBase64 } from '../../../files.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { AttachmentCells, useAttachmentOpener } from '../../../components/AttachmentCells.js';
import type { Edition } from '../../../../shared/contract.js';
import type { ApiError } from '../../../../shared/errors.js';

interface AttachmentsPanelProps {
  /** null while the draft has never been saved: attachments need an edition to belong to. */
  edition: Edition | null;
  canEdit: boolean;
  onChange(edition: Edition): void;
  /** The largest file the backend accepts. */
  maxMb: number;
}

/** The files published with an edition (the signed PDF, annexes, forms). */
export function AttachmentsPanel({ edition, canEdit, onChange, maxMb }: AttachmentsPanelProps) {
  const { t } = useI18n();
  const { command } = useSession();
  const { busyId: opening, open } = useAttachmentOpener();
  const [adding, setAdding] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const resetInput = useRef<() => void>(null);

  async function add(files: File[]) {
    if (!edition) return;
    setFailure(null);
    let current = edition;
    try {
      for (const file of files) {
        // The backend checks the same limits; checking here spares sending a file it will refuse.
        if (file.size === 0) throw new ApiFailure({ code: 'attachments.empty' });
        if (file.size > maxMb * 1024 * 1024) throw new ApiFailure({ code: 'attachments.too_large', params: { maxMb } });
        setAdding(file.name);
        const dataBase64 = await readAsBase64(file);
        current = await command('attachments.add', { editionId: current.id, fileName: file.name, dataBase64 });
        onChange(current);
      }
      if (files.length) notifySuccess(t('attachments.added', { count: files.length }));
    } catch (thrown) {
      setFailure(toApiError(thrown));
    } finally {
      setAdding(null);
      resetInput.current?.();
    }
  }

  async function remove(attachmentId: string, name: string) {
    if (!edition) return;
    setRemoving(attachmentId);
    try {
      onChange(await command('attachments.remove', { editionId: edition.id, attachmentId }));
      notifySuccess(t('attachments.removed', { name }));
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setRemoving(null);
    }
  }

  const attachments = edition?.attachments ?? [];
  return (
    <Paper withBorder p="md" data-testid="attachments-panel">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Stack gap={2}>
            <Title order={4}>{t('attachments.title', { count: attachments.length })}</Title>
            <Text size="xs" c="dimmed">
              {edition ? t('attachments.limit', { maxMb }) : t('attachments.save_first')}
            </Text>
          </Stack>
          {canEdit && (
            <FileButton
              onChange={(files) => void add(files)}
              multiple
              disabled={!edition || !!adding}
              resetRef={resetInput}
              inputProps={{ 'data-testid': 'attachment-input' } as ComponentProps<'input'>}
            >
              {(props) => (
                <Button
                  {...props}
                  variant="default"
                  leftSection={<IconPaperclip size={16} />}
                  disabled={!edition}
                  loading={!!adding}
                  data-testid="attachment-add"
                >
                  {t('attachments.add')}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {adding && (
          <Text size="sm" c="dimmed">
            {t('attachments.adding', { name: adding })}
          </Text>
        )}
        <ErrorAlert error={failure} />
        {attachments.length > 0 ? (
          <Table verticalSpacing={6} data-testid="attachments-table">
            <Table.Tbody>
              {attachments.map((attachment) => (
                <Table.Tr key={attachment.id} data-testid="attachment-row" data-name={attachment.name}>
                  <AttachmentCells attachment={attachment} sizeWidth={110} />
                  <Table.Td w={90}>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Tooltip label={t('attachments.download')}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('attachments.download')}
                          onClick={() => void open(attachment.id)}
                          loading={opening === attachment.id}
                          data-testid="attachment-download"
                        >
                          <IconDownload size={16} />
                        </ActionIcon>
                      </Tooltip>
                      {canEdit && (
                        <Tooltip label={t('attachments.remove')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('attachments.remove')}
                            onClick={() => void remove(attachment.id, attachment.name)}
                            disabled={removing === attachment.id}
                            data-testid="attachment-remove"
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          edition && (
            <Text size="sm" c="dimmed">
              {t('attachments.none')}
            </Text>
          )
        )}
      </Stack>
    </Paper>
  );
}
