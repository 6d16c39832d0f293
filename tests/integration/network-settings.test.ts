import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeBackend, tempDir, type TestBackend } from '../support/backend.js';
import { makeTestCertificates, startRecordingProxy, type RecordingProxy, type TestCertificates } from '../support/network.js';
import { startWordPress, type WordPressServer } from '../support/wordpress-server.js';
import { startReferenceSite, type ReferenceSite } from '../../electron/reference-site/site.js';
import { configuredClient } from '../../electron/core/services/site-settings.js';

const APP_PASSWORD = 'abcd efgh ijkl mnop qrst uvwx';
const TOKEN = 'site-token-for-network-tests';
let certs: TestCertificates;
let t: TestBackend;
let admin: string;
let proxy: RecordingProxy;
let https: WordPressServer;

beforeAll(() => {
  certs = makeTestCertificates(30);
});

beforeEach(async () => {
  t = makeBackend();
  // The certificates are made now, by the real clock; the app's clock starts from the same moment.
  t.clock.advanceMinutes((Date.now() - t.clock.now().getTime()) / 60_000);
  admin = await t.setup();
  proxy = await startRecordingProxy();
  https = await startWordPress({
    users: [{ id: 2, username: 'gongkai', applicationPassword: APP_PASSWORD, role: 'editor' }],
    categories: [{ id: 7, name: '政府文件', slug: 'zfwj', parent: 0 }],
    tls: { key: certs.serverKey, cert: certs.serverCert },
  });
});
afterEach(async () => {
  await Promise.all([proxy.close(), https.close()]);
  t.close();
});

const useWordPress = () => t.ok('publishing.configure', { siteUrl: https.url, target: 'wordpress', username: 'gongkai', token: APP_PASSWORD }, admin);

describe('website network settings', () => {
  it('refuses a site whose certificate is signed by an unknown CA until that CA is added, then connects', async () => {
    await useWordPress();
    const refused = await t.fails('publishing.testConnection', {}, admin);
    expect(refused.code).toBe('publishing.connection_certificate');
    expect(String(refused.params?.detail)).toContain('UNABLE_TO_VERIFY_LEAF_SIGNATURE');

    const saved = await t.ok('publishing.setNetwork', { proxyUrl: '', noProxy: '', caPem: certs.caPem }, admin);
    expect(saved.certificates).toHaveLength(1);
    expect(saved.certificates[0]!.subject).toContain('CN=Gongkai Test Root CA');
    expect(Date.parse(saved.certificates[0]!.validTo) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect(await t.ok('publishing.testConnection', {}, admin)).toEqual({ columns: [{ id: '7', name: '政府文件', parentId: null }] });

    // The extra CA is added to the system roots, not instead of them, and can be removed again.
    await t.ok('publishing.setNetwork', { proxyUrl: '', noProxy: '', removeCa: true }, admin);
    expect((await t.fails('publishing.testConnection', {}, admin)).code).toBe('publishing.connection_certificate');
  });

  it('validates a certificate before saving it and keeps the saved one on a bad upload', async () => {
    await t.ok('publishing.setNetwork', { proxyUrl: '', noProxy: '', caPem: certs.caPem }, admin);
    expect(await t.fails('publishing.setNetwork', { proxyUrl: '', noProxy: '', caPem: 'not a certificate' }, admin)).toEqual({ code: 'publishing.ca_invalid' });
    const damaged = certs.caPem.replace(/\n[A-Za-z0-9+/]{20}/, '\n' + 'A'.repeat(20));
    expect((await t.fails('publishing.setNetwork', { proxyUrl: '', noProxy: '', caPem: damaged }, admin)).code).toBe('publishing.ca_invalid');
    // Two days on, a certificate valid for one day has expired (idle sessions lock meanwhile: sign in again).
    t.clock.advanceMinutes(60 * 24 * 2);
    const { sessionId } = await t.ok('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const expired = await t.fails('publishing.setNetwork', { proxyUrl: '', noProxy: '', caPem: makeTestCertificates(1).caPem }, sessionId);
    expect(expired).toMatchObject({ code: 'publishing.ca_expired', params: { subject: expect.stringContaining('Gongkai Test Root CA') } });
    expect((await t.ok('publishing.network', {}, sessionId)).certificates[0]!.subject).toContain('Gongkai Test Root CA');
  });

  it('sends every request through the proxy, tunnelling https, except the hosts listed to bypass it', async () => {
    await useWordPress();
    const saved = await t.ok('publishing.setNetwork', { proxyUrl: proxy.url.replace('http://', 'http://officer:s3cret@'), noProxy: '', caPem: certs.caPem }, admin);
    // The password is never shown, and sending the masked address back keeps it.
    expect(saved.proxyUrl).toBe(proxy.url.replace('http://', 'http://officer:***@'));
    await t.ok('publishing.setNetwork', { proxyUrl: saved.proxyUrl, noProxy: '', caPem: null }, admin);
    expect(JSON.stringify(t.backend.db.prepare("SELECT value FROM settings WHERE key = 'publishing.network'").get())).toContain('s3cret');

    await t.ok('publishing.testConnection', {}, admin);
    const port = new URL(https.url).port;
    expect(proxy.seen).toContain(`CONNECT 127.0.0.1:${port}`);
    expect(https.requests).toContain('GET /wp-json/wp/v2/users/me?context=edit');

    proxy.seen.length = 0;
    await t.ok('publishing.setNetwork', { proxyUrl: saved.proxyUrl, noProxy: 'localhost, 127.0.0.1', caPem: null }, admin);
    await t.ok('publishing.testConnection', {}, admin);
    expect(proxy.seen).toEqual([]);

    // The sync worker's client is built from the same settings.
    await t.ok('publishing.setNetwork', { proxyUrl: saved.proxyUrl, noProxy: '', caPem: null }, admin);
    expect((await configuredClient(t.backend.context(null))!.hasAttachment('ab'.repeat(32))).status).toBe(404);
    expect(proxy.seen).toEqual([`CONNECT 127.0.0.1:${port}`]);
    expect(https.requests.at(-1)).toBe(`GET /wp-json/wp/v2/media?slug=gk-file-${'ab'.repeat(32)}`);
  });

  it('sends the publishing API through the proxy too, and reports a proxy that is down', async () => {
    const site: ReferenceSite = await startReferenceSite({ dataDir: tempDir('gongkai-site-'), token: TOKEN, onError: () => undefined });
    try {
      await t.ok('publishing.configure', { siteUrl: site.url, token: TOKEN }, admin);
      await t.ok('publishing.setNetwork', { proxyUrl: proxy.url, noProxy: '', caPem: null }, admin);
      const { columns } = await t.ok('publishing.testConnection', {}, admin);
      expect(columns.length).toBeGreaterThan(0);
      expect(proxy.seen.some((line) => line === `CONNECT 127.0.0.1:${site.port}` || line.startsWith(`GET ${site.url}/api/v1/columns`))).toBe(true);

      await proxy.close();
      const down = await t.fails('publishing.testConnection', {}, admin);
      expect(down.code).toBe('publishing.connection_failed');
      expect(String(down.params?.detail)).toContain('ECONNREFUSED');
    } finally {
      await site.close();
    }
  });

  it('accepts only https website addresses (http for this computer) and http(s) proxies, with translated reasons', async () => {
    const configure = (siteUrl: string) => t.backend.call('publishing.configure', { siteUrl, token: TOKEN }, admin);
    expect(await configure('http://www.leizhou.gov.cn/api')).toEqual({ ok: false, error: { code: 'publishing.url_insecure' } });
    expect(await configure('ftp://www.leizhou.gov.cn')).toEqual({ ok: false, error: { code: 'publishing.url_invalid' } });
    expect(await configure('https://user:pw@www.leizhou.gov.cn')).toEqual({ ok: false, error: { code: 'publishing.url_invalid' } });
    expect((await configure('https://www.leizhou.gov.cn/api')).ok).toBe(true);
    expect((await configure('http://127.0.0.1:8080')).ok).toBe(true);
    expect(await t.fails('publishing.configure', { siteUrl: 'https://www.leizhou.gov.cn', target: 'wordpress', token: APP_PASSWORD }, admin)).toEqual({ code: 'publishing.username_required' });
    expect(await t.fails('publishing.setNetwork', { proxyUrl: 'socks5://127.0.0.1:1080', noProxy: '' }, admin)).toEqual({ code: 'publishing.proxy_invalid' });
    expect(await t.fails('publishing.setNetwork', { proxyUrl: 'proxy.example.gov.cn:8080', noProxy: '' }, admin)).toEqual({ code: 'publishing.proxy_invalid' });
  });
});
