import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Backend } from './core/backend.js';
import type { CallResult } from '../shared/contract.js';
import { isAppUrl } from './window-policy.js';

export const CALL_CHANNEL = 'gongkai:call';

/** Only the main frame of our own page may call the backend. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return Boolean(frame && frame.parent === null && isAppUrl(frame.url));
}

/**
 * The IPC gate: one handler for every command. It checks the sender here; the backend's `call`
 * then parses the input with the contract, checks the session and role, and runs the service.
 */
export function registerIpc(backend: Backend): void {
  ipcMain.handle(CALL_CHANNEL, async (event, payload: unknown): Promise<CallResult<unknown>> => {
    if (!trustedSender(event)) return { ok: false, error: { code: 'api.bad_origin' } };
    const { name, input, sessionId } = (payload ?? {}) as { name?: unknown; input?: unknown; sessionId?: unknown };
    if (typeof name !== 'string') return { ok: false, error: { code: 'api.unknown_command', params: { name: '' } } };
    return backend.call(name, input, typeof sessionId === 'string' ? sessionId : null);
  });
}
