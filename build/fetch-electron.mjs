// postinstall: fetch the Electron binary where the internet is reachable, and build an
// Electron-ABI copy of better-sqlite3's native module for `npm start` (the Node build stays for
// the CLI, browser mode and tests). Without internet the install still succeeds and `npm start`
// runs in browser mode, so offline office networks and CI work. The electron package's own
// install script is turned off in package.json allowScripts; this script replaces it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
export const ELECTRON_SQLITE_DIR = join('node_modules', '.gongkai-electron', 'better-sqlite3');

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || process.env.CI) process.exit(0);
let installer;
try {
  installer = require.resolve('electron/install.js');
} catch {
  process.exit(0); // an install without devDependencies
}

function electronInstalled() {
  try {
    return existsSync(require('electron'));
  } catch {
    return false;
  }
}

const download = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
if (download.status !== 0 || !electronInstalled()) {
  console.log('Electron binary not available (no internet?): npm start will use browser mode.');
  process.exit(0);
}

const nodeGyp = process.env.npm_config_node_gyp;
const electronVersion = require('electron/package.json').version;
rmSync(ELECTRON_SQLITE_DIR, { recursive: true, force: true });
cpSync(dirname(require.resolve('better-sqlite3/package.json')), ELECTRON_SQLITE_DIR, { recursive: true });
const rebuild = nodeGyp
  ? spawnSync(
      process.execPath,
      [nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'],
      { cwd: ELECTRON_SQLITE_DIR, stdio: 'inherit', timeout: 900_000 },
    )
  : { status: 1 };
if (rebuild.status === 0) {
  console.log(`Electron ${electronVersion} installed: npm start opens the desktop window.`);
} else {
  rmSync(ELECTRON_SQLITE_DIR, { recursive: true, force: true });
  console.log('Electron is installed but better-sqlite3 could not be rebuilt for it: npm start will use browser mode.');
}
