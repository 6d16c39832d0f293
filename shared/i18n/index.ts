import { zhCN, type MessageKey } from './zh-CN.js';
import { en } from './en.js';
import type { Language } from './languages.js';
import type { ApiError } from '../errors.js';

export type { MessageKey } from './zh-CN.js';
export { LANGUAGES, DEFAULT_LANGUAGE, type Language } from './languages.js';

export const dictionaries: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const dict = dictionaries[language];
  return (key, params) => {
    const template = dict[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** The message for an API error in the given language. */
export function errorMessage(t: Translate, error: ApiError): string {
  return t(`error.${error.code}` as MessageKey, error.params);
}
