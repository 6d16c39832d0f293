import { Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useForm } from '../../hooks/useForm.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PasswordField } from '../../components/PasswordField.js';
import { newPasswordProblem, requiredProblem, rolesProblem, usernameProblem } from '../../validation.js';
import { ROLES, type Role } from '../../../shared/roles.js';
import type { User } from '../../../shared/contract.js';

interface RoleCheckboxesProps {
  value: Role[];
  onChange(roles: Role[]): void;
  error: string | undefined;
}

function RoleCheckboxes({ value, onChange, error }: RoleCheckboxesProps) {
  const { t } = useI18n();
  return (
    <Checkbox.Group
      label={t('user.field.roles')}
      withAsterisk
      value={value}
      onChange={onChange}
      error={error}
      data-testid="role-checkboxes"
    >
      <Stack gap="xs" mt="xs">
        {ROLES.map((role) => (
          <Checkbox
            key={role}
            value={role}
            data-testid={`role-${role}`}
            label={t(`role.${role}`)}
            description={t(`role.${role}.description`)}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function FormButtons({ submitLabel, busy, onCancel }: { submitLabel: string; busy: boolean; onCancel(): void }) {
  const { t } = useI18n();
  return (
    <Group justify="flex-end" mt="md">
      <Button variant="default" onClick={onCancel} disabled={busy}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy} data-testid="dialog-submit">
        {submitLabel}
      </Button>
    </Group>
  );
}

interface CreateUserFormProps {
  onCreated(user: User): void;
  onCancel(): void;
}

export function CreateUserForm({ onCreated, onCancel }: CreateUserFormProps) {
  const { t } = useI18n();
  const { command } = useSession();
  const form = useForm({ username: '', displayName: '', password: '', roles: ['officer'] as Role[] }, (values) => ({
    username: usernameProblem(values.username),
    displayName: requiredProblem(values.displayName),
    password: newPasswordProblem(values.password),
    roles: rolesProblem(values.roles),
  }));

  const create = form.onSubmit(async ({ username, displayName, password, roles }) => {
    onCreated(await command('users.create', { username: username.trim(), displayName: displayName.trim(), password, roles }));
  });

  return (
    <form onSubmit={create} data-testid="create-user-form">
      <Stack gap="sm">
        <TextInput
          label={t('user.field.username')}
          description={t('user.field.username_help')}
          withAsterisk
          maxLength={32}
          autoComplete="off"
          data-autofocus
          data-testid="user-username"
          {...form.field('username')}
        />
        <TextInput
          label={t('user.field.displayName')}
          withAsterisk
          maxLength={40}
          data-testid="user-display-name"
          {...form.field('displayName')}
        />
        <PasswordField
          label={t('users.initial_password')}
          description={t('user.field.password_help')}
          withAsterisk
          maxLength={128}
          autoComplete="new-password"
          data-testid="user-password"
          {...form.field('password')}
        />
        <RoleCheckboxes value={form.values.roles} onChange={(roles) => form.setValue('roles', roles)} error={form.error('roles')} />
        <ErrorAlert error={form.failure} />
        <FormButtons submitLabel={t('users.add')} busy={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

interface EditUserFormProps {
  user: User;
  onSaved(user: User): void;
  onCancel(): void;
}

export function EditUserForm({ user, onSaved, onCancel }: EditUserFormProps) {
  const { t } = useI18n();
  const { command } = useSession();
  const form = useForm({ displayName: user.displayName, roles: user.roles }, (values) => ({
    displayName: requiredProblem(values.displayName),
    roles: rolesProblem(values.roles),
  }));

  const save = form.onSubmit(async ({ displayName, roles }) => {
    onSaved(await command('users.update', { id: user.id, displayName: displayName.trim(), roles }));
  });

  return (
    <form onSubmit={save} data-testid="edit-user-form">
      <Stack gap="sm">
        <TextInput label={t('user.field.username')} value={user.username} readOnly variant="filled" />
        <TextInput
          label={t('user.field.displayName')}
          withAsterisk
          maxLength={40}
          data-autofocus
          data-testid="user-display-name"
          {...form.field('displayName')}
        />
        <RoleCheckboxes value={form.values.roles} onChange={(roles) => form.setValue('roles', roles)} error={form.error('roles')} />
        <ErrorAlert error={form.failure} />
        <FormButtons submitLabel={t('common.save')} busy={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

interface ResetPasswordFormProps {
  user: User;
  onReset(user: User): void;
  onCancel(): void;
}

export function ResetPasswordForm({ user, onReset, onCancel }: ResetPasswordFormProps) {
  const { t } = useI18n();
  const { command } = useSession();
  const form = useForm({ newPassword: '' }, (values) => ({ newPassword: newPasswordProblem(values.newPassword) }));

  const reset = form.onSubmit(async ({ newPassword }) => {
    onReset(await command('users.resetPassword', { id: user.id, newPassword }));
  });

  return (
    <form onSubmit={reset} data-testid="reset-password-form">
      <Stack gap="sm">
        <Text size="sm">{t('users.reset_password_intro', { name: user.displayName, username: user.username })}</Text>
        <PasswordField
          label={t('account.new_password')}
          description={t('user.field.password_help')}
          withAsterisk
          maxLength={128}
          autoComplete="new-password"
          data-autofocus
          data-testid="user-new-password"
          {...form.field('newPassword')}
        />
        <ErrorAlert error={form.failure} />
        <FormButtons submitLabel={t('users.reset_password')} busy={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
