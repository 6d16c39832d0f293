import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconChecklist, IconSignature } from '@tabler/icons-react';
import type { Icon } from '@tabler/icons-react';
import { useI18n } from '../../i18n.js';
import { useWorkspace } from '../../workspace.js';
import type { Area } from '../../navigation.js';
import type { CommandOutput } from '../../../shared/contract.js';
import type { MessageKey } from '../../../shared/i18n/index.js';

type Queues = CommandOutput<'dashboard.summary'>['queues'];

const QUEUES: { key: keyof Queues; label: MessageKey; icon: Icon; area: Area; color: string }[] = [
  { key: 'awaitingReview', label: 'dashboard.queues.awaiting_review', icon: IconChecklist, area: 'review', color: 'blue' },
  { key: 'awaitingApproval', label: 'dashboard.queues.awaiting_approval', icon: IconSignature, area: 'publishing', color: 'teal' },
  { key: 'syncFailures', label: 'dashboard.queues.sync_failures', icon: IconAlertTriangle, area: 'publishing', color: 'red' },
];

/** How many editions wait for review and for sign-off, and how many publishing jobs stopped. */
export function WorkQueues({ queues }: { queues: Queues }) {
  const { t } = useI18n();
  const { goTo } = useWorkspace();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="dashboard-queues">
      {QUEUES.map(({ key, label, icon: QueueIcon, area, color }) => (
        <Paper key={key} withBorder p="md" data-testid={`queue-${key}`}>
          <Stack gap="xs">
            <Group gap="xs" wrap="nowrap">
              <QueueIcon size={20} color={`var(--mantine-color-${color}-6)`} />
              <Text fw={500} size="sm">
                {t(label)}
              </Text>
              <Badge color={queues[key] ? color : 'gray'} variant="light" ml="auto" data-testid={`queue-${key}-count`}>
                {queues[key]}
              </Badge>
            </Group>
            <Button variant="subtle" size="compact-sm" onClick={() => goTo(area)} disabled={queues[key] === 0}>
              {t('dashboard.queues.open')}
            </Button>
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
