import { Button, DataList, Group, Stack, Title } from '@mantine/core';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useForm } from '../../hooks/useForm.js';
import { notifySuccess } from '../../failures.js';
import { formatRoles } from '../../format.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PasswordField } from '../../components/PasswordField.js';
import { confirmationProblem, newPasswordProblem, passwordEnteredProblem } from '../../validation.js';

const EMPTY_CHANGE = { currentPassword: '', newPassword: '', confirmation: '' };

export function AccountTab() {
  const { t, language } = useI18n();
  const { user, command } = useSession();
  const form = useForm(EMPTY_CHANGE, (values) => ({
    currentPassword: passwordEnteredProblem(values.currentPassword),
    newPassword: newPasswordProblem(values.newPassword),
    confirmation: confirmationProblem(values.newPassword, values.confirmation),
  }));

  const changePassword = form.onSubmit(async ({ currentPassword, newPassword }) => {
    await command('auth.changePassword', { currentPassword, newPassword });
    form.reset();
    notifySuccess(t('account.password_changed'));
  });

  return (
    <Stack gap="xl" maw={560}>
      <DataList labelWidth={120}>
        <DataList.Item>
          <DataList.ItemLabel>{t('user.field.username')}</DataList.ItemLabel>
          <DataList.ItemValue>{user.username}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('user.field.displayName')}</DataList.ItemLabel>
          <DataList.ItemValue>{user.displayName}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('user.field.roles')}</DataList.ItemLabel>
          <DataList.ItemValue>{formatRoles(user.roles, t, language)}</DataList.ItemValue>
        </DataList.Item>
      </DataList>

      <form onSubmit={changePassword} data-testid="change-password-form">
        <Stack gap="sm">
          <Title order={4}>{t('account.change_password')}</Title>
          <PasswordField
            label={t('account.current_password')}
            autoComplete="current-password"
            maxLength={256}
            {...form.field('currentPassword')}
          />
          <PasswordField
            label={t('account.new_password')}
            description={t('user.field.password_help')}
            autoComplete="new-password"
            maxLength={128}
            {...form.field('newPassword')}
          />
          <PasswordField label={t('user.field.confirmation')} autoComplete="new-password" maxLength={128} {...form.field('confirmation')} />
          <ErrorAlert error={form.failure} />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('account.change_password')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
