import { join } from 'node:path';
import { openDatabase, type Db } from './db/connection.js';
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
import { startSyncLoop } from './sync/loop.js';

export const DATABASE_FILE = 'gongkai.db';
const DEFAULT_IDLE_MINUTES = 15;
/**
 * SQLite copies the WAL back into the database (a checkpoint) when the WAL passes a size, inside
 * whichever commit crossed it: a save that normally takes 2 ms then takes 15. We checkpoint when
 * the user pauses instead, and keep the automatic one only as a bound (about 80 MB of WAL).
 */
const CHECKPOINT_AFTER_IDLE_MS = 2_000;
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

function failure(error: ApiError): CallResult<never> {
  return { ok: false, error };
}

export function openBackend(options: BackendOptions): Backend {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? consoleLogger;
  const databaseFile = join(options.dataDir, DATABASE_FILE);
  const db = openDatabase(databaseFile, options.sqliteBinding);
  db.pragma(`wal_autocheckpoint = ${WAL_SAFETY_PAGES}`);
  seedCalendar(db, clock.now().toISOString());
  let checkpointTimer: NodeJS.Timeout | undefined;
  const checkpointWhenIdle = () => {
    clearTimeout(checkpointTimer);
    checkpointTimer = setTimeout(() => db.pragma('wal_checkpoint(PASSIVE)'), CHECKPOINT_AFTER_IDLE_MS);
    checkpointTimer.unref();
  };
  const runtime: RuntimeInfo = { version: appVersion, mode: options.mode, dataDir: options.dataDir, databaseFile };
  const sessions = new SessionStore(clock, () => (getSetting<number>(db, 'security.idleMinutes') ?? DEFAULT_IDLE_MINUTES) * 60_000);

  const platform = options.platform ?? null;
  const context = (actor: Actor | null, sessionId: string | null = null): Ctx => ({ db, clock, actor, sessionId, sessions, runtime, platform, log });

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
      checkpointWhenIdle();
      return { ok: true, value: spec.output.parse(value) };
    } catch (error) {
      if (error instanceof AppError) return failure(error.toApiError());
      log.error(`command ${name} failed`, error);
      return failure({ code: 'api.internal' });
    }
  }

  const stopSync = options.sync ? startSyncLoop(context(null), log) : () => undefined;
  const close = () => {
    stopSync();
    clearTimeout(checkpointTimer);
    db.close();
  };
  return { db, runtime, sessions, call, context, close };
}
