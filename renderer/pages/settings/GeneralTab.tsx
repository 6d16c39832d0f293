import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { notifyFailure } from '../../failures.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import type { Language } from '../../../shared/i18n/index.js';

export function GeneralTab() {
  const { t, language, setLanguage } = useI18n();
  const { command, updateUser } = useSession();
  const [saving, setSaving] = useState(false);

  /** The language belongs to the user, so it follows them to any computer they sign in on. */
  async function chooseLanguage(next: Language) {
    setSaving(true);
    try {
      const user = await command('auth.setLanguage', { language: next });
      updateUser(user);
      setLanguage(user.language);
    } catch (thrown) {
      notifyFailure(t, thrown);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack gap={6} maw={560}>
      <Text fw={500}>{t('settings.language')}</Text>
      <Text size="sm" c="dimmed">
        {t('settings.language_help')}
      </Text>
      <div>
        <LanguageSwitch value={language} onChange={(next) => void chooseLanguage(next)} disabled={saving} />
      </div>
    </Stack>
  );
}
