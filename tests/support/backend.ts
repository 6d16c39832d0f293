import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend, type Backend, type BackendOptions } from '../../electron/core/backend.js';
import type { Clock, Logger, Platform } from '../../electron/core/context.js';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/contract.js';
import type { ApiError } from '../../shared/errors.js';

/** A clock tests can move forward. */
export class TestClock implements Clock {
  constructor(private ms = Date.parse('2026-03-02T01:00:00Z')) {}
  now(): Date {
    return new Date(this.ms);
  }
  advanceMinutes(minutes: number): void {
    this.ms += minutes * 60_000;
  }
}

export const silentLog: Logger = { info: () => undefined, error: () => undefined };

export function tempDir(prefix = 'gongkai-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const ADMIN = { username: 'admin', displayName: '王管理', password: 'Admin12345' };
export const UNIT = {
  name: '雷州市人民政府办公室',
  code: '11441700007280420Y',
  parentName: '湛江市人民政府',
  websiteName: '雷州市人民政府门户网站',
  websiteUrl: 'http://www.leizhou.gov.cn',
};

export interface TestBackend {
  backend: Backend;
  clock: TestClock;
  dataDir: string;
  /** Calls through the gate and returns the value, failing the test on an error. */
  ok<K extends CommandName>(name: K, input: CommandInput<K>, session?: string | null): Promise<CommandOutput<K>>;
  /** Calls through the gate and returns the error, failing the test on success. */
  fails(name: string, input: unknown, session?: string | null): Promise<ApiError>;
  /** Completes first-run setup and returns the admin's session id. */
  setup(): Promise<string>;
  /** Creates a user with the given roles (as admin) and returns a session for them. */
  userWith(admin: string, username: string, roles: CommandInput<'users.create'>['roles']): Promise<{ id: string; session: string }>;
  close(): void;
}

export function makeBackend(dataDir = tempDir(), platform?: Platform, options: Pick<BackendOptions, 'dailyBackups'> = {}): TestBackend {
  const clock = new TestClock();
  const backend = openBackend({ dataDir, mode: platform ? 'electron' : 'browser', clock, log: silentLog, ...(platform ? { platform } : {}), ...options });
  const t: TestBackend = {
    backend,
    clock,
    dataDir,
    async ok(name, input, session = null) {
      const result = await backend.call(name, input, session);
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    async fails(name, input, session = null) {
      const result = await backend.call(name, input, session);
      if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
      return result.error;
    },
    async setup() {
      const { sessionId } = await t.ok('setup.complete', { unit: UNIT, admin: ADMIN, language: 'zh-CN' });
      return sessionId;
    },
    async userWith(admin, username, roles) {
      const user = await t.ok('users.create', { username, displayName: username, password: 'Passw0rd!', roles }, admin);
      const { sessionId } = await t.ok('auth.login', { username, password: 'Passw0rd!' });
      return { id: user.id, session: sessionId };
    },
    close() {
      backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}
