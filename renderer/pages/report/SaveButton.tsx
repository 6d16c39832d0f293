import { Button, Group } from '@mantine/core';
import { useI18n } from '../../i18n.js';

/** The save button at the foot of an annual-report section the user may edit. */
export function SaveButton({ saving, onSave, testId }: { saving: boolean; onSave(): Promise<void>; testId: string }) {
  const { t } = useI18n();
  return (
    <Group justify="flex-end">
      <Button variant="default" loading={saving} onClick={() => void onSave()} data-testid={testId}>
        {t('common.save')}
      </Button>
    </Group>
  );
}
