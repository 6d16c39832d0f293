import { Badge, Group, Title } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { useI18n } from '../../i18n.js';
import type { MessageKey } from '../../../shared/i18n/index.js';

/** The heading of a dashboard deadline list: its icon and title, and how many wait in it. */
export function QueueHeading({ icon: HeadingIcon, color, title, total }: { icon: Icon; color: string; title: MessageKey; total: number }) {
  const { t } = useI18n();
  return (
    <Group gap="xs">
      <HeadingIcon size={20} color={`var(--mantine-color-${color}-6)`} />
      <Title order={4}>{t(title)}</Title>
      <Badge color={color} variant="light">
        {total}
      </Badge>
    </Group>
  );
}
