import { randomBytes } from 'node:crypto';
import type { Clock } from './context.js';

interface Session {
  userId: string;
  lastSeen: number;
  locked: boolean;
}

export type SessionState = { userId: string; locked: boolean } | null;

/**
 * Signed-in sessions, held in memory by the main process: a restart signs everyone out. A session
 * idle for longer than the idle limit is locked, and only its user's password unlocks it.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    private readonly idleLimitMs: () => number,
  ) {}

  create(userId: string): string {
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { userId, lastSeen: this.clock.now().getTime(), locked: false });
    return id;
  }

  /** Looks a session up and, if it is in use and unlocked, marks it as seen now. */
  touch(id: string | null): SessionState {
    const session = id ? this.sessions.get(id) : undefined;
    if (!session) return null;
    const now = this.clock.now().getTime();
    if (!session.locked && now - session.lastSeen > this.idleLimitMs()) session.locked = true;
    if (!session.locked) session.lastSeen = now;
    return { userId: session.userId, locked: session.locked };
  }

  lock(id: string): void {
    const session = this.sessions.get(id);
    if (session) session.locked = true;
  }

  unlock(id: string): void {
    const session = this.sessions.get(id);
    if (session) {
      session.locked = false;
      session.lastSeen = this.clock.now().getTime();
    }
  }

  end(id: string): void {
    this.sessions.delete(id);
  }

  /** Ends every session of a user (but `keep`), e.g. when an administrator disables the account. */
  endAllFor(userId: string, keep: string | null = null): void {
    for (const [id, s] of this.sessions) if (s.userId === userId && id !== keep) this.sessions.delete(id);
  }
}
