import type { Db } from './db/connection.js';
import type { Role } from '../../shared/roles.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Who is acting: a signed-in user, or the CLI run by IT staff on this computer. */
export interface Actor {
  id: string | null;
  name: string;
  roles: readonly Role[];
}

export interface Logger {
  info(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (message, data) => console.log(`[gongkai] ${message}`, data ?? ''),
  error: (message, data) => console.error(`[gongkai] ${message}`, data ?? ''),
};

export interface RuntimeInfo {
  version: string;
  mode: 'electron' | 'browser';
  dataDir: string;
  databaseFile: string;
}

/** Desktop abilities only the Electron main process has (electron/platform); absent in browser mode. */
export interface Platform {
  /** Opens a file with the system's default application. */
  openFile(path: string): Promise<void>;
  /** Encrypts stored credentials with the OS keyring (Electron safeStorage, electron/platform/secrets.ts). */
  secrets?: SecretStore;
}

/**
 * How well stored credentials are protected: 'keyring' with a key the OS keeps (Keychain, DPAPI,
 * libsecret, KWallet); 'basic_text' when Electron falls back to a key built into it (Linux without
 * a keyring), which is obfuscation, not protection; 'unavailable' when it cannot encrypt at all.
 */
export type SecretProtection = 'keyring' | 'basic_text' | 'unavailable';

export interface SecretStore {
  protection(): SecretProtection;
  encrypt(plainText: string): Buffer;
  decrypt(encrypted: Buffer): string;
}

/** What every service receives. No globals: tests build one with a temp database and a fixed clock. */
export interface Ctx {
  db: Db;
  clock: Clock;
  actor: Actor | null;
  /** The caller's session id, for the auth services that act on the session itself. */
  sessionId: string | null;
  sessions: import('./sessions.js').SessionStore;
  runtime: RuntimeInfo;
  platform: Platform | null;
  log: Logger;
  /** Replaces the database with a checked backup file and reopens it, as this actor (the running backend only). */
  restoreFromBackup?: (file: string) => { keptAs: string | null };
}
