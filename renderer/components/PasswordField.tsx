import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useI18n } from '../i18n.js';

/** Mantine's PasswordInput with the show/hide button named in the user's language. */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useI18n();
  return <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('common.toggle_password') }} {...props} />;
}
