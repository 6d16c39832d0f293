import { Button, FileButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconFileTypeDocx } from '@tabler/icons-react';
import { useRef, useState, type ComponentProps } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useWorkspace } from '../../workspace.js';
import { notifySuccess, toApiError } from '../../failures.js';
import { readAsBase64 } from '../../files.js';
import { defaultCategoryId } from '../../catalogue.js';
import { CategorySelect } from '../../components/CategorySelect.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import type { Category } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';

const DOCX_TYPES = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface ImportDocxDialogProps {
  opened: boolean;
  onClose(): void;
  categories: Category[];
}

/** A Word document becomes a new draft in the chosen category, and the editor opens on it. */
export function ImportDocxDialog({ opened, onClose, categories }: ImportDocxDialogProps) {
  const { t } = useI18n();
  const { command } = useSession();
  const { openEditor } = useWorkspace();
  const [categoryId, setCategoryId] = useState<string | null>(() => defaultCategoryId(categories));
  const [importing, setImporting] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const resetInput = useRef<() => void>(null);

  async function importFile(file: File | null) {
    if (!file || !categoryId) return;
    setFailure(null);
    setImporting(file.name);
    try {
      const dataBase64 = await readAsBase64(file);
      const edition = await command('items.importDocx', { categoryId, fileName: file.name, dataBase64 });
      notifySuccess(t('drafts.imported', { name: file.name }));
      onClose();
      openEditor({ kind: 'edition', editionId: edition.id });
    } catch (thrown) {
      setFailure(toApiError(thrown));
    } finally {
      setImporting(null);
      // The same file may be chosen again after a failure.
      resetInput.current?.();
    }
  }

  function close() {
    if (importing) return;
    setFailure(null);
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={t('drafts.import_title')} size="md">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('drafts.import_intro')}
        </Text>
        <CategorySelect
          label={t('catalogue.field.category')}
          categories={categories}
          value={categoryId}
          onChange={setCategoryId}
          activeOnly
          withAsterisk
          allowDeselect={false}
          data-testid="import-docx-category"
        />
        <ErrorAlert error={failure} />
        {importing && (
          <Text size="sm" data-testid="import-docx-progress">
            {t('drafts.importing', { name: importing })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={!!importing}>
            {t('common.cancel')}
          </Button>
          <FileButton
            onChange={(file) => void importFile(file)}
            accept={DOCX_TYPES}
            resetRef={resetInput}
            disabled={!categoryId || !!importing}
            inputProps={{ 'data-testid': 'import-docx-input' } as ComponentProps<'input'>}
          >
            {(props) => (
              <Button {...props} leftSection={<IconFileTypeDocx size={16} />} loading={!!importing} disabled={!categoryId} data-testid="import-docx-choose">
                {t('drafts.import_choose')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Stack>
    </Modal>
  );
}
