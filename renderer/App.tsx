import { Button, Center, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { api } from './api.js';
import { storedLanguage, useI18n } from './i18n.js';
import { SessionProvider, type SessionEnd } from './session.js';
import { EntryScreen } from './components/EntryScreen.js';
import { ErrorAlert } from './components/ErrorAlert.js';
import { Login } from './pages/login/Login.js';
import { LockScreen } from './pages/login/LockScreen.js';
import type { Session, User } from '../shared/contract.js';
import type { ApiError } from '../shared/errors.js';
import type { Language } from '../shared/i18n/index.js';

// The workspace (editor, tables, every area) and the one-time wizard load after the first screen,
// so the sign-in screen does not wait for code it does not use.
const loadWorkspace = () => import('./components/AppLayout.js');
const AppLayout = lazy(() => loadWorkspace().then((m) => ({ default: m.AppLayout })));
const SetupWizard = lazy(() => import('./pages/setup/SetupWizard.js').then((m) => ({ default: m.SetupWizard })));

function Loading() {
  return (
    <Center mih="100vh">
      <Loader />
    </Center>
  );
}

const whenLoaded = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

type Screen =
  | { name: 'starting' }
  | { name: 'unavailable'; error: ApiError }
  | { name: 'setup' }
  | { name: 'signIn' }
  /** `user` is null when the app starts on a session that was already locked: the backend will not say whose it is. */
  | { name: 'locked'; user: User | null }
  | { name: 'workspace'; user: User };

interface Opening {
  screen: Screen;
  /** The unit's default language, for when neither a user nor this computer has chosen one. */
  defaultLanguage?: Language;
  /** Shown under the title on the sign-in screen. */
  unitName?: string | null;
}

/** Where the app opens: setup on first run, else the workspace if this tab's session is still good. */
async function openingScreen(): Promise<Opening> {
  const status = await api.call('setup.status', {});
  if (!status.ok) return { screen: { name: 'unavailable', error: status.error } };
  const { needsSetup, defaultLanguage, unitName } = status.value;
  if (needsSetup) return { screen: { name: 'setup' }, defaultLanguage };
  if (api.sessionId) {
    const me = await api.call('auth.me', {});
    if (me.ok) return { screen: { name: 'workspace', user: me.value } };
    if (me.error.code === 'auth.session_locked') return { screen: { name: 'locked', user: null }, defaultLanguage, unitName };
    api.setSession(null);
  }
  return { screen: { name: 'signIn' }, defaultLanguage, unitName };
}

// Asked while React mounts rather than after its first render: the first screen waits on this answer.
let launchOpening: Promise<Opening> | null = openingScreen();

/** Runs `task` once the browser is idle, so it does not compete with painting the screen just shown. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(task, 200);
    return () => clearTimeout(timer);
  }
  const id = requestIdleCallback(task, { timeout: 1000 });
  return () => cancelIdleCallback(id);
}

export function App() {
  const { setLanguage } = useI18n();
  const [screen, setScreen] = useState<Screen>({ name: 'starting' });
  const [unitName, setUnitName] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const enterWorkspace = useCallback(
    (user: User) => {
      setLanguage(user.language);
      setScreen({ name: 'workspace', user });
    },
    [setLanguage],
  );

  useEffect(() => {
    let current = true;
    const pending = launchOpening ?? openingScreen();
    launchOpening = null;
    void pending.then(({ screen: opening, defaultLanguage, unitName: name }) => {
      if (!current) return;
      if (opening.name === 'workspace') {
        enterWorkspace(opening.user);
        return;
      }
      if (defaultLanguage && !storedLanguage()) setLanguage(defaultLanguage, { remember: false });
      if (name !== undefined) setUnitName(name);
      setScreen(opening);
    });
    return () => {
      current = false;
    };
  }, [attempt, enterWorkspace, setLanguage]);

  // Fetch the workspace while the user types their password, once the sign-in screen is painted.
  const waitingForPassword = screen.name === 'signIn' || screen.name === 'locked';
  useEffect(() => (waitingForPassword ? whenIdle(() => void loadWorkspace()) : undefined), [waitingForPassword]);

  const signedIn = useCallback(
    (session: Session) => {
      api.setSession(session.sessionId);
      enterWorkspace(session.user);
    },
    [enterWorkspace],
  );

  const endSession = useCallback((end: SessionEnd) => {
    // Messages about the workspace must not stay readable over the lock or sign-in screen.
    notifications.clean();
    if (end === 'signedOut') {
      api.setSession(null);
      // Open again, as at launch: the unit's name or language may have changed while signed in.
      setScreen({ name: 'starting' });
      setAttempt((n) => n + 1);
      return;
    }
    setScreen((current) => ({ name: 'locked', user: 'user' in current ? current.user : null }));
  }, []);

  const updateUser = useCallback((user: User) => setScreen({ name: 'workspace', user }), []);

  switch (screen.name) {
    case 'starting':
      return <Loading />;
    case 'unavailable':
      return (
        <Unavailable
          error={screen.error}
          onRetry={() => {
            setScreen({ name: 'starting' });
            setAttempt((n) => n + 1);
          }}
        />
      );
    case 'setup':
      return whenLoaded(<SetupWizard onComplete={signedIn} />);
    case 'signIn':
      return <Login unitName={unitName} onSignedIn={signedIn} />;
    case 'locked':
      return <LockScreen user={screen.user} onUnlocked={enterWorkspace} onSignedOut={() => endSession('signedOut')} />;
    case 'workspace':
      return (
        <SessionProvider user={screen.user} onUserChange={updateUser} onEnd={endSession}>
          {whenLoaded(<AppLayout />)}
        </SessionProvider>
      );
  }
}

/** The backend could not be reached or refused us (bad token, damaged database): say why and offer a retry. */
function Unavailable({ error, onRetry }: { error: ApiError; onRetry(): void }) {
  const { t } = useI18n();
  return (
    <EntryScreen>
      <ErrorAlert error={error} />
      <Button onClick={onRetry}>{t('common.retry')}</Button>
    </EntryScreen>
  );
}
