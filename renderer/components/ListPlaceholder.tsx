import { Center, Loader, Text } from '@mantine/core';
import { ErrorAlert } from './ErrorAlert.js';
import type { ApiError } from '../../shared/errors.js';

/** What a list shows instead of its rows: the load's error, a spinner while it loads, else a note that it is empty. */
export function ListPlaceholder({ error, loading, emptyText, emptyTestId }: { error: ApiError | null; loading: boolean; emptyText: string; emptyTestId: string }) {
  if (error) return <ErrorAlert error={error} />;
  if (loading) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  return (
    <Center p="xl" data-testid={emptyTestId}>
      <Text c="dimmed">{emptyText}</Text>
    </Center>
  );
}
