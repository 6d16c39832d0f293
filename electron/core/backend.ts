import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { openDatabase, storageError, type Db } from './db/connection.js';
import { acquireInstanceLock } from './db/instance-lock.js';
import { backupBeforeMigration, inspectBackup, restoreDatabase, startDailyBackups } from './db/backups.js';
import { startIntegrityWatch } from './db/integrity-watch.js';
import { consoleLogger, systemClock, type Actor, type Clock, type Ctx, type Logger, type Platform, type RuntimeInfo } from './context.js';
import { SessionStore } from './sessions.js';
import { services } from './services/index.js';
import { needsSetup } from './services/setup.js';
import { findUserById } from './db/users-repo.js';
import { contract, isCommandName, roleAllows, type CallResult, type CommandName } from '../../shared/contract.js';
import { AppError, type ApiError } from '../../shared/errors.js';
import { getSetting } from './db/settings-repo.js';
import { appVersion } from './paths.js';
import { seedCalendar } from './services/calendar.js';
import { mergeSearchSegments } from './search/edition-search.js';
import { startSyncLoop } from './sync/loop.js';
import { record } from './services/audit-trail.js';
import { attachDemoSite } from './sync/demo-site.js';

export const DATABASE_FILE = 'gongkai.db';
const DEFAULT_IDLE_MINUTES = 15;
/**
 * SQLite copies the WAL back into the database (a checkpoint) when the WAL passes a size, inside
 * whichever commit crossed it: a save that normally takes 2 ms then takes 15. We checkpoint when
 * the user pauses instead, and keep the automatic one only as a bound (about 80 MB of WAL). The
 * search index's merges move to the same pause (migration 011).
 */
const TIDY_AFTER_IDLE_MS = 2_000;
const WAL_SAFETY_PAGES = 20_000;

export interface BackendOptions {
  dataDir: string;
  mode: RuntimeInfo['mode'];
  /** better-sqlite3's native module built for the running runtime, when not the default one. */
  sqliteBinding?: string;
  platform?: Platform;
  /** Run the sync worker in the background (the app; not one-off CLI commands or tests). */
  sync?: boolean;
  clock?: Clock;
  log?: Logger;
  /** Daily backups into <dataDir>/backups (default on, the first a minute after start). */
  dailyBackups?: false | { firstCheckAfterMs: number };
  /** How long a write waits for another program's lock on the database file (default 5 s). */
  busyTimeoutMs?: number;
}

export interface Backend {
  readonly db: Db;
  readonly runtime: RuntimeInfo;
  readonly sessions: SessionStore;
  /** The one gate every transport goes through: parse, authenticate, authorise, run, translate errors. */
  call(name: string, input: unknown, sessionId: string | null): Promise<CallResult<unknown>>;
  /** A context for trusted local callers (the CLI), acting as the given actor. */
  context(actor: Actor | null): Ctx;
  close(): void;
}

/**
 * Restores a backup while the app is not running (`gongkai db restore`): holds the instance lock
 * so no app opens the database meanwhile. Works when the current database is too damaged to open.
 */
export function restoreWhileClosed(dataDir: string, file: string, now = new Date()): { keptAs: string | null } {
  const lock = acquireInstanceLock(dataDir);
  try {
    return restoreDatabase(dataDir, join(dataDir, DATABASE_FILE), file, now);
  } finally {
    lock.release();
  }
}

function failure(error: ApiError): CallResult<never> {
  return { ok: false, error };
}

export function openBackend(options: BackendOptions): Backend {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? consoleLogger;
  const databaseFile = join(options.dataDir, DATABASE_FILE);
  const lock = acquireInstanceLock(options.dataDir, options.sqliteBinding);
  const open = (): Db => {
    const opened = openDatabase(databaseFile, {
      ...(options.sqliteBinding ? { nativeBinding: options.sqliteBinding } : {}),
      ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
      beforeMigrate: (d, from) => {
        // Seconds per GB, before the first screen: say what the wait is.
        log.info(`backing up the database before upgrading it (${Math.round(statSync(databaseFile).size / 2 ** 20)} MB)`);
        backupBeforeMigration(d, options.dataDir, from, clock.now());
      },
    });
    try {
      opened.pragma(`wal_autocheckpoint = ${WAL_SAFETY_PAGES}`);
      seedCalendar(opened, clock.now().toISOString());
      return opened;
    } catch (error) {
      opened.close();
      throw storageError(error) ?? error;
    }
  };
  let db: Db;
  try {
    db = open();
  } catch (error) {
    lock.release();
    throw error;
  }
  let idleTimer: NodeJS.Timeout | undefined;
  const tidyWhenIdle = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      try {
        mergeSearchSegments(db);
        db.pragma('wal_checkpoint(PASSIVE)');
      } catch (error) {
        // Both are redone at the next pause; a full disk or a closed file is reported by the next call.
        log.error('idle maintenance failed', error);
      }
    }, TIDY_AFTER_IDLE_MS);
    idleTimer.unref();
  };
  const runtime: RuntimeInfo = { version: appVersion, mode: options.mode, dataDir: options.dataDir, databaseFile };
  const sessions = new SessionStore(clock, () => (getSetting<number>(db, 'security.idleMinutes') ?? DEFAULT_IDLE_MINUTES) * 60_000);

  const platform = options.platform ?? null;
  const context = (actor: Actor | null, sessionId: string | null = null): Ctx => ({ db, clock, actor, sessionId, sessions, runtime, platform, log, restoreFromBackup: (file) => restoreFromBackup(file, actor) });

  /** Resolves the caller, or the error that stops the call before any service runs. */
  function authorise(name: CommandName, sessionId: string | null): { actor: Actor | null } | { error: ApiError } {
    const access = contract[name].access;
    if (access !== 'public' && needsSetup(context(null))) return { error: { code: 'setup.required' } };
    if (access === 'public') return { actor: null };
    const session = sessions.touch(sessionId);
    if (!session) return { error: { code: 'auth.required' } };
    const user = findUserById(db, session.userId);
    if (!user || user.disabled) {
      sessions.end(sessionId!);
      return { error: { code: 'auth.required' } };
    }
    if (session.locked && access !== 'session') return { error: { code: 'auth.session_locked' } };
    if (!roleAllows(access, user.roles)) return { error: { code: 'auth.forbidden', params: { roles: (access as string[]).join(', ') } } };
    return { actor: { id: user.id, name: user.username, roles: user.roles } };
  }

  async function call(name: string, input: unknown, sessionId: string | null): Promise<CallResult<unknown>> {
    if (!isCommandName(name)) return failure({ code: 'api.unknown_command', params: { name: String(name).slice(0, 64) } });
    const spec = contract[name];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(input)'))].join(', ');
      return failure({ code: 'api.invalid_input', params: { fields } });
    }
    const auth = authorise(name, sessionId);
    if ('error' in auth) return failure(auth.error);
    try {
      const service = services[name] as (ctx: Ctx, input: unknown) => unknown;
      const value = await service(context(auth.actor, sessionId), parsed.data);
      tidyWhenIdle();
      return { ok: true, value: spec.output.parse(value) };
    } catch (error) {
      if (error instanceof AppError) return failure(error.toApiError());
      log.error(`command ${name} failed`, error);
      return failure(storageError(error)?.toApiError() ?? { code: 'api.internal' });
    }
  }

  /** Work that runs beside the calls, on the database open now: restarted after a restore. */
  const startBackground = () => {
    const stopSync = options.sync ? startSyncLoop(context(null), log) : () => undefined;
    const stopDemoSite = attachDemoSite(context(null), { sqliteBinding: options.sqliteBinding, resume: Boolean(options.sync) });
    const file = { file: databaseFile, ...(options.sqliteBinding ? { nativeBinding: options.sqliteBinding } : {}) };
    const stopBackups = options.dailyBackups === false ? () => undefined : startDailyBackups(file, options.dataDir, clock, log, options.dailyBackups?.firstCheckAfterMs);
    const stopIntegrityWatch = startIntegrityWatch({ db, clock, log, ...file });
    return () => {
      stopSync();
      void stopDemoSite();
      stopBackups();
      stopIntegrityWatch();
      clearTimeout(idleTimer);
    };
  };
  let stopBackground = startBackground();

  /**
   * Replaces the database with a checked backup, keeping the current one as a pre-restore backup,
   * and carries on with the restored data (migrated, if it is older). Work still in flight on the
   * old connection fails harmlessly against the closed handle; sessions stay, and each call
   * checks its user against the restored data.
   */
  function restoreFromBackup(candidate: string, actor: Actor | null): { keptAs: string | null } {
    inspectBackup(candidate);
    stopBackground();
    db.close();
    let result: { keptAs: string | null };
    try {
      result = restoreDatabase(options.dataDir, databaseFile, candidate, clock.now());
    } finally {
      db = open();
      stopBackground = startBackground();
    }
    const ctx = context(actor);
    db.transaction(() => record(ctx, 'system.restore', { type: 'database', id: null }, `${basename(candidate)}; previous kept as ${result.keptAs ? basename(result.keptAs) : '-'}`))();
    return result;
  }

  const close = () => {
    stopBackground();
    db.close();
    lock.release();
  };
  return {
    get db() {
      return db;
    },
    runtime,
    sessions,
    call,
    context,
    close,
  };
}
