/**
 * Opening browser mode without showing its token to other users of the PC: a command line is
 * readable by every local account (ps, /proc/<pid>/cmdline), and the browser keeps the address it
 * was started with there. So the browser is given a file only this user can read, which forwards
 * to the address with the token.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LAUNCH_FILE = 'open-browser-mode.html';

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Writes the forwarding page (mode 0600, rewritten each launch) and returns its path. */
export function writeLaunchFile(dir: string, url: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, LAUNCH_FILE);
  const target = escapeAttribute(url);
  writeFileSync(file, `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${target}"><title>Gongkai Desk</title><a href="${target}">Gongkai Desk</a>\n`, { mode: 0o600 });
  // writeFileSync keeps the mode of a file that already exists.
  chmodSync(file, 0o600);
  return file;
}
