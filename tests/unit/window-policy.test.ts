import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl } from '../../electron/window-policy.js';

// The window options themselves are checked, in full, in electron-hardening.test.ts.
describe('the desktop window', () => {
  it.each([
    ['app://gongkai/index.html', true],
    ['app://gongkai/assets/x.js', true],
    ['app://gongkai.evil/index.html', false],
    ['app://evil/index.html', false],
    ['file:///etc/passwd', false],
    ['https://gongkai/', false],
    ['not a url', false],
  ])('treats %s as our own page: %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });

  it.each([
    ['https://www.gov.cn/zhengce/', null, true],
    ['https://www.leizhou.gov.cn/x', null, true],
    ['https://www.leizhou.gov.cn.evil.com/x', null, false],
    ['http://www.gov.cn/', null, false],
    ['https://user:pw@www.gov.cn/', null, false],
    ['https://example.org/', 'https://example.org', true],
    ['https://example.org.attacker.com/', 'https://example.org', false],
    ['javascript:alert(1)', null, false],
    ['file:///C:/Windows/system32/calc.exe', null, false],
  ])('opens %s outside the app: %s', (url, website, expected) => {
    expect(isSafeExternalUrl(url, website)).toBe(expected);
  });
});
