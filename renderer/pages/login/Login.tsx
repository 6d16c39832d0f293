import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { useForm } from '../../hooks/useForm.js';
import { EntryScreen } from '../../components/EntryScreen.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { PasswordField } from '../../components/PasswordField.js';
import { passwordEnteredProblem, requiredProblem } from '../../validation.js';
import type { Session } from '../../../shared/contract.js';

export function Login({ onSignedIn }: { onSignedIn(session: Session): void }) {
  const { t, language, setLanguage } = useI18n();
  const [unitName, setUnitName] = useState<string | null>(null);
  const form = useForm({ username: '', password: '' }, (values) => ({
    username: requiredProblem(values.username),
    password: passwordEnteredProblem(values.password),
  }));

  useEffect(() => {
    let current = true;
    void fetchUnitName().then((name) => current && setUnitName(name));
    return () => {
      current = false;
    };
  }, []);

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

/** The unit's name under the title; signing in works without it. */
async function fetchUnitName(): Promise<string | null> {
  const status = await api.call('setup.status', {});
  return status.ok ? status.value.unitName : null;
}
