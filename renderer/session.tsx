import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { unwrap } from './api.js';
import { toApiError } from './failures.js';
import type { CommandInput, CommandName, CommandOutput, Unit, User } from '../shared/contract.js';
import type { ErrorCode } from '../shared/errors.js';

/** Calls a backend command and throws ApiFailure on error, like `unwrap`. */
export type Command = <K extends CommandName>(name: K, input: CommandInput<K>) => Promise<CommandOutput<K>>;

/** How a signed-in session leaves the workspace: the screen locks (the same user returns) or the user is signed out. */
export type SessionEnd = 'locked' | 'signedOut';

function sessionEndFor(code: ErrorCode): SessionEnd | null {
  if (code === 'auth.session_locked') return 'locked';
  if (code === 'auth.required') return 'signedOut';
  return null;
}

interface SessionValue {
  user: User;
  isAdmin: boolean;
  /** null until `unit.get` answers. */
  unit: Unit | null;
  updateUser(user: User): void;
  updateUnit(unit: Unit): void;
  /** Like `unwrap`, but a locked or expired session also takes the app to the lock or sign-in screen. */
  command: Command;
  lock(): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

interface SessionProviderProps {
  user: User;
  onUserChange(user: User): void;
  onEnd(end: SessionEnd): void;
  children: ReactNode;
}

export function SessionProvider({ user, onUserChange, onEnd, children }: SessionProviderProps) {
  const [unit, setUnit] = useState<Unit | null>(null);

  const command = useCallback<Command>(
    async (name, input) => {
      try {
        return await unwrap(name, input);
      } catch (thrown) {
        const end = sessionEndFor(toApiError(thrown).code);
        if (end) onEnd(end);
        throw thrown;
      }
    },
    [onEnd],
  );

  const lock = useCallback(async () => {
    try {
      await unwrap('auth.lock', {});
      onEnd('locked');
    } catch (thrown) {
      // Lock the screen even if the server could not be told; unlocking checks the password there anyway.
      onEnd(sessionEndFor(toApiError(thrown).code) ?? 'locked');
    }
  }, [onEnd]);

  const signOut = useCallback(async () => {
    try {
      await unwrap('auth.logout', {});
    } catch {
      // The session is forgotten locally either way; the server expires it on its own.
    }
    onEnd('signedOut');
  }, [onEnd]);

  useEffect(() => {
    let current = true;
    command('unit.get', {}).then(
      (loaded) => current && setUnit(loaded),
      () => undefined, // the header then simply omits the unit name
    );
    return () => {
      current = false;
    };
  }, [command]);

  const value = useMemo<SessionValue>(
    () => ({
      user,
      isAdmin: user.roles.includes('admin'),
      unit,
      updateUser: onUserChange,
      updateUnit: setUnit,
      command,
      lock,
      signOut,
    }),
    [user, unit, onUserChange, command, lock, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}
