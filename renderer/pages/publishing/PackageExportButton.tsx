import { Button, Tooltip } from '@mantine/core';
import { IconPackageExport } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { notifyFailure, notifySuccess } from '../../failures.js';
import { downloadBase64 } from '../../files.js';

/** Exports the offline package: what waits in the queue, as a .zip to carry to a website on another network. */
export function PackageExportButton() {
  const { t } = useI18n();
  const { command } = useSession();
  const [busy, setBusy] = useState(false);

  async function exportPackage() {
    setBusy(true);
    try {
      const result = await command('publishing.exportPackage', {});
      downloadBase64(result.fileName, 'application/zip', result.dataBase64);
      notifySuccess(t('publishing.exported', { items: result.items, withdrawals: result.withdrawals, attachments: result.attachments }));
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Tooltip label={t('publishing.export_package_help')} multiline w={360}>
      <Button variant="default" leftSection={<IconPackageExport size={16} />} loading={busy} onClick={() => void exportPackage()} data-testid="publishing-export-package">
        {t('publishing.export_package')}
      </Button>
    </Tooltip>
  );
}
