import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dictionaries, translator } from '../../shared/i18n/index.js';
import { zhCN } from '../../shared/i18n/zh-CN.js';
import { ERROR_CODES } from '../../shared/errors.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the dictionaries', () => {
  it('have the same keys and the same placeholders in every language', () => {
    const keys = Object.keys(zhCN).sort();
    for (const dict of Object.values(dictionaries)) {
      expect(Object.keys(dict).sort()).toEqual(keys);
      for (const key of keys) expect([key, placeholders(dict[key as keyof typeof zhCN])]).toEqual([key, placeholders(zhCN[key as keyof typeof zhCN])]);
    }
  });

  it('translate every error code', () => {
    for (const code of ERROR_CODES) expect(Object.keys(zhCN)).toContain(`error.${code}`);
  });

  it('have no empty messages', () => {
    for (const dict of Object.values(dictionaries)) expect(Object.entries(dict).filter(([, v]) => !v.trim())).toEqual([]);
  });

  it('fill parameters', () => {
    expect(translator('zh-CN')('error.auth.account_locked', { minutes: 15 })).toContain('15 分钟');
    expect(translator('en')('error.users.username_taken', { username: 'li' })).toBe('The user name "li" is already taken.');
  });
});

describe('the renderer', () => {
  it('has no Chinese text outside the dictionaries', () => {
    const offenders = sourceFiles('renderer').filter((file) => /[\u3400-\u9fff]/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
