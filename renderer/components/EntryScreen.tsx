import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n.js';

interface EntryScreenProps {
  /** Shown under the app name, e.g. the unit's name. */
  subtitle?: string | null;
  width?: number;
  children: ReactNode;
}

/** The frame of the screens before the workspace: setup, sign-in and the lock screen. */
export function EntryScreen({ subtitle, width = 420, children }: EntryScreenProps) {
  const { t } = useI18n();
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-1)">
      <Paper w="100%" maw={width} p="xl" radius="md" shadow="sm" withBorder>
        <Stack gap="lg">
          <Stack gap={4} align="center">
            <Title order={2}>{t('app.name')}</Title>
            {subtitle && (
              <Text c="dimmed" data-testid="entry-subtitle">
                {subtitle}
              </Text>
            )}
          </Stack>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
