import { Button, Loader, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { downloadBase64 } from '../../files.js';
import { notifyFailure, notifySuccess } from '../../failures.js';
import type { LetterKind } from '../../../shared/contract.js';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The letters (gaozhishu) a request's record can fill, as a menu; choosing one downloads the .docx
 * (the desktop app shows its save dialog). Only the handling officers see it: letters name the
 * applicant in full.
 */
export function LetterButton({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const { command, user } = useSession();
  const [kinds, setKinds] = useState<LetterKind[] | null>(null);
  const [busy, setBusy] = useState(false);
  if (!user.roles.includes('officer')) return null;

  // Asked on each opening: the record (outcome, notices) may have changed since.
  async function loadKinds() {
    setKinds(null);
    try {
      setKinds((await command('letters.kinds', { requestId })).kinds);
    } catch (thrown) {
      setKinds([]);
      notifyFailure(t, thrown);
    }
  }

  async function generate(kind: LetterKind) {
    setBusy(true);
    try {
      const { fileName, dataBase64 } = await command('requests.letter', { requestId, kind });
      downloadBase64(fileName, DOCX_MIME, dataBase64);
      notifySuccess(t('letters.generated', { name: fileName }));
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Menu position="bottom-end" onOpen={() => void loadKinds()}>
      <Menu.Target>
        <Button variant="default" leftSection={<IconFileText size={16} />} rightSection={<IconChevronDown size={14} />} loading={busy} data-testid="letter-button">
          {t('letters.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown data-testid="letter-menu">
        {kinds === null ? (
          <Loader size="xs" m="xs" />
        ) : kinds.length === 0 ? (
          <Text size="sm" p="xs" maw={320} data-testid="letter-none">
            {t('letters.none')}
          </Text>
        ) : (
          kinds.map((kind) => (
            <Menu.Item key={kind} onClick={() => void generate(kind)} data-testid={`letter-${kind}`}>
              {t(`letters.kind.${kind}`)}
            </Menu.Item>
          ))
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
