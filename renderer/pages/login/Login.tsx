import { Button, Group, Stack, TextInput } from '@mantine/core';
import { unwrap } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { useForm } from '../../hooks/useForm.js';
import { EntryScreen } from '../../components/EntryScreen.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { PasswordField } from '../../components/PasswordField.js';
import { passwordEnteredProblem, requiredProblem } from '../../validation.js';
import type { Session } from '../../../shared/contract.js';

export function Login({ unitName, onSignedIn }: { unitName: string | null; onSignedIn(session: Session): void }) {
  const { t, language, setLanguage } = useI18n();
  const form = useForm({ username: '', password: '' }, (values) => ({
    username: requiredProblem(values.username),
    password: passwordEnteredProblem(values.password),
  }));

  const signIn = form.onSubmit(async ({ username, password }) => {
    onSignedIn(await unwrap('auth.login', { username: username.trim(), password }));
  });

  return (
    <EntryScreen subtitle={unitName}>
      <form onSubmit={signIn} data-testid="login-form">
        <Stack gap="md">
          <TextInput
            label={t('login.username')}
            autoComplete="username"
            autoFocus
            maxLength={64}
            data-testid="login-username"
            {...form.field('username')}
          />
          <PasswordField
            label={t('login.password')}
            autoComplete="current-password"
            maxLength={256}
            data-testid="login-password"
            {...form.field('password')}
          />
          <ErrorAlert error={form.failure} />
          <Button type="submit" fullWidth loading={form.submitting} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
      <Group justify="center">
        <LanguageSwitch value={language} onChange={setLanguage} />
      </Group>
    </EntryScreen>
  );
}
