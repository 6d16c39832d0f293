import { Button, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiFailure, unwrap } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { useForm } from '../../hooks/useForm.js';
import { EntryScreen } from '../../components/EntryScreen.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PasswordField } from '../../components/PasswordField.js';
import { passwordEnteredProblem } from '../../validation.js';
import type { User } from '../../../shared/contract.js';

interface LockScreenProps {
  /** null when the app was reopened on an already locked session. */
  user: User | null;
  onUnlocked(user: User): void;
  onSignedOut(): void;
}

export function LockScreen({ user, onUnlocked, onSignedOut }: LockScreenProps) {
  const { t } = useI18n();
  const [switching, setSwitching] = useState(false);
  const form = useForm({ password: '' }, (values) => ({ password: passwordEnteredProblem(values.password) }));

  const unlock = form.onSubmit(async ({ password }) => {
    try {
      onUnlocked(await unwrap('auth.unlock', { password }));
    } catch (thrown) {
      // The session expired or was ended elsewhere: only signing in again helps.
      if (!(thrown instanceof ApiFailure && thrown.error.code === 'auth.required')) throw thrown;
      onSignedOut();
    }
  });

  async function switchUser() {
    setSwitching(true);
    try {
      await unwrap('auth.logout', {});
    } catch {
      // Forgetting the session locally is what matters here.
    }
    onSignedOut();
  }

  return (
    <EntryScreen>
      <form onSubmit={unlock} data-testid="lock-form">
        <Stack gap="md" align="stretch">
          <Stack gap={4} align="center">
            <IconLock size={40} stroke={1.5} />
            <Text fw={500}>{t('lock.title')}</Text>
            <Text size="sm" c="dimmed" ta="center">
              {user ? t('lock.message_user', { name: user.displayName }) : t('lock.message')}
            </Text>
          </Stack>
          <PasswordField
            label={t('lock.password')}
            autoComplete="current-password"
            autoFocus
            maxLength={256}
            data-testid="unlock-password"
            {...form.field('password')}
          />
          <ErrorAlert error={form.failure} />
          <Button type="submit" fullWidth loading={form.submitting} data-testid="unlock-submit">
            {t('lock.unlock')}
          </Button>
          <Button variant="subtle" fullWidth onClick={switchUser} data-testid="switch-user" loading={switching} disabled={form.submitting}>
            {t('lock.switch_user')}
          </Button>
        </Stack>
      </form>
    </EntryScreen>
  );
}
