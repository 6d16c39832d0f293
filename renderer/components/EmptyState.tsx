import { EmptyState as MantineEmptyState } from '@mantine/core';
import { useI18n } from '../i18n.js';
import type { Icon } from '@tabler/icons-react';
import type { MessageKey } from '../../shared/i18n/index.js';

interface EmptyStateProps {
  icon: Icon;
  title: MessageKey;
  description: MessageKey;
}

/** An area whose features come in a later version: says so plainly rather than showing sample data. */
export function EmptyState({ icon: AreaIcon, title, description }: EmptyStateProps) {
  const { t } = useI18n();
  return (
    <MantineEmptyState
      data-testid="empty-state"
      mt="xl"
      variant="light"
      icon={<AreaIcon />}
      title={t(title)}
      description={
        <>
          {t(description)}
          <br />
          {t('empty.coming_later')}
        </>
      }
    />
  );
}
