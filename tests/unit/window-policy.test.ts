import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl, windowOptions } from '../../electron/window-policy.js';

describe('the desktop window', () => {
  it('is isolated, sandboxed and without Node in the page', () => {
    const { webPreferences } = windowOptions('/app/preload.cjs', 'x');
    expect(webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

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
