import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useWorkspace } from '../../workspace.js';
import { defaultCategoryId } from '../../catalogue.js';
import { CategorySelect } from '../../components/CategorySelect.js';
import type { Category } from '../../../shared/contract.js';

interface NewDraftDialogProps {
  opened: boolean;
  onClose(): void;
  categories: Category[];
}

/** A new draft starts with its category, which decides where on the website it will appear. */
export function NewDraftDialog({ opened, onClose, categories }: NewDraftDialogProps) {
  const { t } = useI18n();
  const { openEditor } = useWorkspace();
  const [categoryId, setCategoryId] = useState<string | null>(() => defaultCategoryId(categories));

  return (
    <Modal opened={opened} onClose={onClose} title={t('drafts.new_title')} size="md">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('drafts.new_intro')}
        </Text>
        <CategorySelect
          label={t('catalogue.field.category')}
          categories={categories}
          value={categoryId}
          onChange={setCategoryId}
          activeOnly
          withAsterisk
          allowDeselect={false}
          data-testid="new-draft-category"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!categoryId}
            onClick={() => {
              if (!categoryId) return;
              onClose();
              openEditor({ kind: 'new', categoryId });
            }}
            data-testid="new-draft-start"
          >
            {t('drafts.new_start')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
