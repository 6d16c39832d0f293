import { SegmentedControl } from '@mantine/core';
import { useI18n } from '../i18n.js';
import { LANGUAGES, type Language } from '../../shared/i18n/index.js';

interface LanguageSwitchProps {
  value: Language;
  onChange(language: Language): void;
  disabled?: boolean;
}

/** Each language is named in itself, so anyone can find their own. */
export function LanguageSwitch({ value, onChange, disabled }: LanguageSwitchProps) {
  const { t } = useI18n();
  return (
    <SegmentedControl
      data-testid="language-switch"
      aria-label={t('language.label')}
      value={value}
      onChange={onChange}
      disabled={disabled}
      data={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
    />
  );
}
