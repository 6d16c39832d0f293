/**
 * The renderer's only door to the backend: one typed client over either transport.
 * - Electron: the preload script exposes `window.gongkai.call` (IPC).
 * - Browser mode: POST /api/call/<name> on the same 127.0.0.1 origin, with the per-launch token.
 */
import type { CallResult, CommandInput, CommandName, CommandOutput } from '../shared/contract.js';
import type { ApiError } from '../shared/errors.js';

interface Bridge {
  call(name: string, input: unknown, sessionId: string | null): Promise<CallResult<unknown>>;
}

declare global {
  interface Window {
    gongkai?: Bridge;
  }
}

const TOKEN_KEY = 'gongkai.launchToken';
const SESSION_KEY = 'gongkai.session';

/** Browser mode: the launch token arrives once in the URL; keep it for this tab and drop it from the address bar. */
function launchToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const token = window.gongkai ? null : launchToken();

async function httpCall(name: string, input: unknown, sessionId: string | null): Promise<CallResult<unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers['x-gongkai-token'] = token;
  if (sessionId) headers['x-gongkai-session'] = sessionId;
  try {
    const response = await fetch(`/api/call/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(input ?? {}),
    });
    return (await response.json()) as CallResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'api.internal' } };
  }
}

export const api = {
  get sessionId(): string | null {
    return sessionStorage.getItem(SESSION_KEY);
  },
  setSession(sessionId: string | null): void {
    if (sessionId) sessionStorage.setItem(SESSION_KEY, sessionId);
    else sessionStorage.removeItem(SESSION_KEY);
  },
  async call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CallResult<CommandOutput<K>>> {
    const transport = window.gongkai ? window.gongkai.call.bind(window.gongkai) : httpCall;
    return (await transport(name, input, this.sessionId)) as CallResult<CommandOutput<K>>;
  },
};

/** Thrown by `unwrap` so that UI code can use try/catch and show the translated error. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.code);
  }
}

export async function unwrap<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> {
  const result = await api.call(name, input);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
}
