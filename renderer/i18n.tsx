import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LANGUAGE, LANGUAGES, dictionaries, translator, type Language, type MessageKey, type Translate } from '../shared/i18n/index.js';

const STORAGE_KEY = 'gongkai.language';

/** The language last chosen or used on this computer, if any. */
export function storedLanguage(): Language | null {
  const value = localStorage.getItem(STORAGE_KEY);
  return LANGUAGES.find((language) => language === value) ?? null;
}

/** Dynamic keys (audit actions from the server) may have no translation; callers then show the raw name. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(dictionaries[DEFAULT_LANGUAGE], key);
}

interface SetLanguageOptions {
  /** false for a fallback (the unit's default) that should not override a later explicit choice. */
  remember?: boolean;
}

interface I18nValue {
  language: Language;
  t: Translate;
  setLanguage(language: Language, options?: SetLanguageOptions): void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => storedLanguage() ?? DEFAULT_LANGUAGE);
  const t = useMemo(() => translator(language), [language]);

  const setLanguage = useCallback((next: Language, { remember = true }: SetLanguageOptions = {}) => {
    if (remember) localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.name');
  }, [language, t]);

  const value = useMemo(() => ({ language, t, setLanguage }), [language, t, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside I18nProvider');
  return value;
}
