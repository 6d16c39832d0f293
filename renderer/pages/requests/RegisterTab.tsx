import { Button, Center, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import type { ApiError } from '../../../shared/errors.js';

/** The dialog that records a new entry of a register (editing null) or changes one. */
export interface RecordDialog<T> {
  editing: T | null;
  opened: boolean;
  show(record: T | null): void;
  close(): void;
}

export function useRecordDialog<T>(): RecordDialog<T> {
  const [editing, setEditing] = useState<T | null>(null);
  const [opened, { open, close }] = useDisclosure(false);
  const show = useCallback(
    (record: T | null) => {
      setEditing(record);
      open();
    },
    [open],
  );
  return { editing, opened, show, close };
}

/** Officers and administrators keep the registers; everyone else reads them. */
export function useCanEditRegisters(): boolean {
  const { user } = useSession();
  return user.roles.includes('officer') || user.roles.includes('admin');
}

interface RegisterTabProps {
  intro: string;
  /** Shown beside the intro, before the add button (e.g. a setting of the register). */
  extra?: ReactNode;
  /** The add button; null when the user may not add. */
  add: { label: string; icon: ReactNode; testId: string; onClick(): void } | null;
  error: ApiError | null;
  /** The register's table, or null while it loads. */
  table: ReactNode | null;
  dialogTitle: string;
  dialog: Pick<RecordDialog<unknown>, 'opened' | 'close'>;
  /** The form inside the dialog, rendered only while the dialog is open. */
  form(): ReactNode;
}

/** A register tab (appeals, complaints): intro and actions, the table once loaded, and the record form in a dialog. */
export function RegisterTab({ intro, extra, add, error, table, dialogTitle, dialog, form }: RegisterTabProps) {
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text c="dimmed" size="sm" maw={640}>
          {intro}
        </Text>
        <Group align="flex-end">
          {extra}
          {add && (
            <Button leftSection={add.icon} onClick={add.onClick} data-testid={add.testId}>
              {add.label}
            </Button>
          )}
        </Group>
      </Group>
      <ErrorAlert error={error} />
      {table ??
        (!error && (
          <Center p="xl">
            <Loader />
          </Center>
        ))}
      <Modal opened={dialog.opened} onClose={dialog.close} title={dialogTitle} size="lg">
        {dialog.opened && form()}
      </Modal>
    </Stack>
  );
}

/** Cancel and save, at the foot of a register's record form. */
export function RecordFormButtons({ submitting, onCancel, submitTestId }: { submitting: boolean; onCancel(): void; submitTestId: string }) {
  const { t } = useI18n();
  return (
    <Group justify="flex-end" mt="md">
      <Button variant="default" onClick={onCancel} disabled={submitting}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={submitting} data-testid={submitTestId}>
        {t('common.save')}
      </Button>
    </Group>
  );
}

export type PickOption = { value: string; label: string };

/**
 * Choices for a searchable Select: loaded once by `load`, with `chosen` (the record's current
 * choice) put first when the loaded ones miss it. A failed load leaves the field usable without
 * suggestions; saving reports real problems.
 */
export function usePickOptions(load: () => Promise<PickOption[]>, chosen: PickOption | null): PickOption[] {
  const [options, setOptions] = useState<PickOption[]>([]);
  useEffect(() => {
    let live = true;
    load().then(
      (found) => {
        if (!live) return;
        setOptions(chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [load, chosen]);
  return options;
}
