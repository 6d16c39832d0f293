import type { SafeStorage } from 'electron';
import type { SecretProtection, SecretStore } from '../core/context.js';

/** The part of Electron's safeStorage the app uses (tests pass an object with the same methods). */
export type SafeStorageApi = Pick<SafeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'>;

/**
 * What safeStorage's state means for a stored credential. getSelectedStorageBackend exists only on
 * Linux: 'basic_text' is Electron's hard-coded key, and 'unknown' (asked before `ready`) cannot be
 * trusted either.
 */
export function protectionOf(available: boolean, platform: NodeJS.Platform, backend: string | null): SecretProtection {
  if (!available) return 'unavailable';
  if (platform === 'linux' && (backend === 'basic_text' || backend === 'unknown' || backend === null)) return 'basic_text';
  return 'keyring';
}

export function safeStorageSecrets(safeStorage: SafeStorageApi, platform: NodeJS.Platform = process.platform): SecretStore {
  return {
    protection: () => protectionOf(safeStorage.isEncryptionAvailable(), platform, platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null),
    encrypt: (plainText) => safeStorage.encryptString(plainText),
    decrypt: (encrypted) => safeStorage.decryptString(encrypted),
  };
}
