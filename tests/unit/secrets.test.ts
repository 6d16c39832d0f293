import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { protectionOf, safeStorageSecrets, type SafeStorageApi } from '../../electron/platform/secrets.js';
import { makeBackend, type TestBackend } from '../support/backend.js';
import { startWordPress } from '../support/wordpress-server.js';
import { configuredClient } from '../../electron/core/services/site-settings.js';

/**
 * Electron's safeStorage cannot run here (no Electron binary), so this object implements its
 * interface: real AES-GCM with a key held in memory, as the OS keyring would hold it, and the
 * Linux backend name Electron would report.
 */
function fakeSafeStorage(backend: ReturnType<SafeStorageApi['getSelectedStorageBackend']>, available = true): SafeStorageApi {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString(plainText) {
      if (!available) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(3, 15));
      decipher.setAuthTag(encrypted.subarray(15, 31));
      return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8');
    },
  };
}

describe('what safeStorage protects', () => {
  it.each([
    [true, 'linux', 'gnome_libsecret', 'keyring'],
    [true, 'linux', 'kwallet6', 'keyring'],
    [true, 'linux', 'basic_text', 'basic_text'],
    [true, 'linux', 'unknown', 'basic_text'],
    [false, 'linux', 'gnome_libsecret', 'unavailable'],
    [true, 'win32', null, 'keyring'],
    [true, 'darwin', null, 'keyring'],
    [false, 'darwin', null, 'unavailable'],
  ] as const)('available %s on %s with backend %s: %s', (available, platform, backend, expected) => {
    expect(protectionOf(available, platform, backend)).toBe(expected);
  });

  it('asks for the Linux backend only on Linux', () => {
    const storage = fakeSafeStorage('basic_text');
    expect(safeStorageSecrets(storage, 'linux').protection()).toBe('basic_text');
    expect(safeStorageSecrets({ ...storage, getSelectedStorageBackend: () => { throw new Error('linux only'); } }, 'win32').protection()).toBe('keyring');
  });
});

describe('where the website credential is stored', () => {
  let t: TestBackend;
  afterEach(() => t.close());

  const files = (backend: TestBackend) => readdirSync(join(backend.dataDir, 'secrets')).sort();
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('browser mode and the CLI: a file only this user can read, in a folder only this user can open', async () => {
    t = makeBackend();
    const admin = await t.setup();
    const saved = await t.ok('publishing.configure', { siteUrl: 'https://www.leizhou.gov.cn/api', token: 'plain-token-0123456789' }, admin);
    expect(saved).toMatchObject({ tokenSet: true, storage: 'file', target: 'publishing_api' });
    expect(files(t)).toEqual(['site-token']);
    expect(mode(join(t.dataDir, 'secrets'))).toBe(0o700);
    expect(mode(join(t.dataDir, 'secrets', 'site-token'))).toBe(0o600);
    expect(JSON.stringify(t.backend.db.prepare('SELECT * FROM settings').all())).not.toContain('plain-token');
  });

  it('desktop app with a keyring: encrypted with safeStorage, never as text on disk', async () => {
    t = makeBackend(undefined, { openFile: async () => undefined, secrets: safeStorageSecrets(fakeSafeStorage('gnome_libsecret'), 'linux') });
    const admin = await t.setup();
    // A token saved earlier in browser mode is replaced, not left behind.
    mkdirSync(join(t.dataDir, 'secrets'), { recursive: true });
    writeFileSync(join(t.dataDir, 'secrets', 'site-token'), 'old-browser-token');
    const saved = await t.ok('publishing.configure', { siteUrl: 'https://www.leizhou.gov.cn/api', token: 'keyring-token-0123456789' }, admin);
    expect(saved).toMatchObject({ tokenSet: true, storage: 'keyring' });
    expect(files(t)).toEqual(['site-token.enc']);
    expect(readFileSync(join(t.dataDir, 'secrets', 'site-token.enc')).toString('latin1')).not.toContain('keyring-token');
    expect(mode(join(t.dataDir, 'secrets', 'site-token.enc'))).toBe(0o600);
    expect(configuredClient(t.backend.context(null))).not.toBeNull();
  });

  it('desktop app on Linux without a keyring (basic_text): refuses until the user confirms, then stores', async () => {
    const wp = await startWordPress({ users: [{ id: 2, username: 'gongkai', applicationPassword: 'abcd efgh ijkl mnop qrst uvwx', role: 'editor' }], categories: [{ id: 7, name: '政府文件', slug: 'zfwj', parent: 0 }] });
    try {
      t = makeBackend(undefined, { openFile: async () => undefined, secrets: safeStorageSecrets(fakeSafeStorage('basic_text'), 'linux') });
      const admin = await t.setup();
      expect((await t.ok('publishing.settings', {}, admin)).storage).toBe('weak');
      const input = { siteUrl: wp.url, target: 'wordpress' as const, username: 'gongkai', token: 'abcd efgh ijkl mnop qrst uvwx' };
      expect(await t.fails('publishing.configure', input, admin)).toEqual({ code: 'publishing.weak_storage_unconfirmed' });
      expect(() => files(t)).toThrow();
      expect(await t.ok('publishing.configure', { ...input, allowWeakStorage: true }, admin)).toMatchObject({ tokenSet: true, storage: 'weak', target: 'wordpress', username: 'gongkai' });
      expect(files(t)).toEqual(['site-token.enc']);
      // The stored application password works: the connection test signs in with it.
      expect((await t.ok('publishing.testConnection', {}, admin)).columns).toEqual([{ id: '7', name: '政府文件', parentId: null }]);
    } finally {
      await wp.close();
    }
  });

  it('a credential the desktop app encrypted is not readable in browser mode on the same data', async () => {
    t = makeBackend(undefined, { openFile: async () => undefined, secrets: safeStorageSecrets(fakeSafeStorage('kwallet5'), 'linux') });
    const admin = await t.setup();
    await t.ok('publishing.configure', { siteUrl: 'https://www.leizhou.gov.cn/api', token: 'keyring-token-0123456789' }, admin);
    const browser = { ...t.backend.context(null), platform: null };
    expect(configuredClient(browser)).toBeNull();
  });
});
