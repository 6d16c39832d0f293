import { Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../i18n.js';
import { useSession } from '../session.js';
import { formatBytes } from '../format.js';
import { notifyFailure, toApiError } from '../failures.js';
import { downloadBase64 } from '../files.js';
import type { Edition } from '../../shared/contract.js';

type Attachment = Edition['attachments'][number];

/**
 * Opening an attachment: with the system's application in the desktop app; browser mode cannot
 * do that, so there the file is downloaded instead. Which one applies is the backend's answer.
 */
export function useAttachmentOpener() {
  const { t } = useI18n();
  const { command } = useSession();
  const [busyId, setBusyId] = useState<string | null>(null);

  async function open(attachmentId: string) {
    setBusyId(attachmentId);
    try {
      await command('attachments.open', { attachmentId }).catch(async (thrown: unknown) => {
        if (toApiError(thrown).code !== 'attachments.open_unavailable') throw thrown;
        const file = await command('attachments.read', { attachmentId });
        downloadBase64(file.name, file.mime, file.dataBase64);
      });
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setBusyId(null);
    }
  }

  return { busyId, open };
}

/** An attachment's name and size, as every attachment list shows them. */
export function AttachmentCells({ attachment, sizeWidth }: { attachment: Attachment; sizeWidth: number }) {
  const { language } = useI18n();
  return (
    <>
      <Table.Td>
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {attachment.name}
        </Text>
      </Table.Td>
      <Table.Td w={sizeWidth}>
        <Text size="sm" c="dimmed" ta="right">
          {formatBytes(attachment.size, language)}
        </Text>
      </Table.Td>
    </>
  );
}
