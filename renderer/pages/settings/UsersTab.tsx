import { Badge, Button, Center, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useQuery } from '../../hooks/useQuery.js';
import { notifyFailure, notifySuccess } from '../../failures.js';
import { formatDateTime, inRoleOrder } from '../../format.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { CreateUserForm, EditUserForm, ResetPasswordForm } from './UserForms.js';
import type { User } from '../../../shared/contract.js';
import type { MessageKey } from '../../../shared/i18n/index.js';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'resetPassword'; user: User };

const DIALOG_TITLES: Record<Dialog['kind'], MessageKey> = {
  create: 'users.create_title',
  edit: 'users.edit_title',
  resetPassword: 'users.reset_password_title',
};

export function UsersTab() {
  const { t } = useI18n();
  const { user: me, updateUser } = useSession();
  const users = useQuery('users.list');
  // The dialog outlives `opened` so its content stays put during the closing transition.
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [opened, { open, close }] = useDisclosure(false);

  function show(next: Dialog) {
    setDialog(next);
    open();
  }

  /** What a dialog does once its change is saved: close, refresh the table and say what happened to whom. */
  function finish(message: MessageKey) {
    return (user: User) => {
      // Administrators edit their own account here too; keep the header and footer in step.
      if (user.id === me.id) updateUser(user);
      close();
      users.reload();
      notifySuccess(t(message, { name: user.displayName }));
    };
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {t('users.intro')}
        </Text>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => show({ kind: 'create' })} data-testid="add-user">
          {t('users.add')}
        </Button>
      </Group>

      <ErrorAlert error={users.error} />
      {users.data ? (
        <UsersTable
          users={users.data}
          onEdit={(user) => show({ kind: 'edit', user })}
          onResetPassword={(user) => show({ kind: 'resetPassword', user })}
          onChanged={users.reload}
        />
      ) : (
        !users.error && (
          <Center p="xl">
            <Loader />
          </Center>
        )
      )}

      <Modal
        opened={opened}
        onClose={close}
        onExitTransitionEnd={() => setDialog(null)}
        title={dialog && t(DIALOG_TITLES[dialog.kind])}
        size="md"
      >
        {dialog?.kind === 'create' && <CreateUserForm onCreated={finish('users.created')} onCancel={close} />}
        {dialog?.kind === 'edit' && <EditUserForm user={dialog.user} onSaved={finish('users.saved')} onCancel={close} />}
        {dialog?.kind === 'resetPassword' && (
          <ResetPasswordForm user={dialog.user} onReset={finish('users.password_reset')} onCancel={close} />
        )}
      </Modal>
    </Stack>
  );
}

interface UsersTableProps {
  users: User[];
  onEdit(user: User): void;
  onResetPassword(user: User): void;
  onChanged(): void;
}

function UsersTable({ users, onEdit, onResetPassword, onChanged }: UsersTableProps) {
  const { t, language } = useI18n();
  const { user: me, command } = useSession();
  const [togglingId, setTogglingId] = useState<string | null>(null);

  async function toggleDisabled(user: User) {
    setTogglingId(user.id);
    try {
      const updated = await command('users.setDisabled', { id: user.id, disabled: !user.disabled });
      notifySuccess(t(updated.disabled ? 'users.disabled_done' : 'users.enabled_done', { name: updated.displayName }));
      onChanged();
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setTogglingId(null);
    }
  }

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('user.field.username')}</Table.Th>
            <Table.Th>{t('user.field.displayName')}</Table.Th>
            <Table.Th>{t('user.field.roles')}</Table.Th>
            <Table.Th>{t('users.column.status')}</Table.Th>
            <Table.Th>{t('users.column.last_login')}</Table.Th>
            <Table.Th>{t('users.column.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} data-testid={`user-row-${user.username}`}>
              <Table.Td>{user.username}</Table.Td>
              <Table.Td>
                {user.displayName}
                {user.id === me.id && (
                  <Text span c="dimmed" size="sm" ml={6}>
                    {t('users.you')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {inRoleOrder(user.roles).map((role) => (
                    <Badge key={role} variant="light" color={role === 'admin' ? 'grape' : 'blue'}>
                      {t(`role.${role}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <UserStatus user={user} />
              </Table.Td>
              <Table.Td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, language) : t('users.never_signed_in')}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="xs" variant="subtle" onClick={() => onEdit(user)}>
                    {t('common.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color={user.disabled ? 'green' : 'red'}
                    loading={togglingId === user.id}
                    onClick={() => void toggleDisabled(user)}
                  >
                    {t(user.disabled ? 'users.enable' : 'users.disable')}
                  </Button>
                  <Button size="xs" variant="subtle" onClick={() => onResetPassword(user)}>
                    {t('users.reset_password')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Status as of this rendering: a lockout simply lapses when its time has passed. */
function lockedUntil(user: User): string | null {
  return user.lockedUntil && Date.parse(user.lockedUntil) > Date.now() ? user.lockedUntil : null;
}

function UserStatus({ user }: { user: User }) {
  const { t, language } = useI18n();
  if (user.disabled) return <Badge color="gray">{t('users.status.disabled')}</Badge>;
  const until = lockedUntil(user);
  if (until) return <Badge color="orange">{t('users.status.locked_until', { time: formatDateTime(until, language) })}</Badge>;
  return <Badge color="green" variant="light">{t('users.status.enabled')}</Badge>;
}
