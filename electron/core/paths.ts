import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder name under the platform's per-user application data folder. */
export const APP_DIR_NAME = 'gongkai-desk';

/**
 * The per-user data folder, the same one Electron calls userData for this app, so the desktop
 * app, browser mode and the CLI all open the same database by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.GONGKAI_DATA_DIR) return env.GONGKAI_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}

/** The folder holding package.json: the repository in development, app.asar when packaged. */
export const appRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

export const appVersion: string = (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** The built renderer, served to the Electron window and to browser mode alike. */
export const rendererDir: string = join(appRoot, 'dist', 'renderer');

/** better-sqlite3 built for Electron's ABI by build/fetch-electron.mjs, for running unpackaged. */
export const electronSqliteBinding: string = join(appRoot, 'node_modules', '.gongkai-electron', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
