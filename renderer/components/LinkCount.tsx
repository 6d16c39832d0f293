import { Badge, Tooltip } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { useI18n } from '../i18n.js';
import { INTERPRETATION_CATEGORY } from '../catalogue.js';

/** How many interpretations a document has (or documents an interpretation explains), for lists. */
export function LinkCount({ count, categoryId }: { count: number; categoryId: string }) {
  const { t } = useI18n();
  if (count <= 0) return null;
  const label = t(categoryId === INTERPRETATION_CATEGORY ? 'links.documents' : 'links.interpretations', { count });
  return (
    <Tooltip label={label} withinPortal>
      <Badge
        variant="light"
        color="grape"
        size="sm"
        radius="sm"
        leftSection={<IconLink size={12} />}
        aria-label={label}
        style={{ flexShrink: 0, textTransform: 'none' }}
        data-testid="link-count"
        data-count={count}
      >
        {count}
      </Badge>
    </Tooltip>
  );
}
