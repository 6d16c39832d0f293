import { shell } from 'electron';
import type { Platform } from '../core/context.js';

/** The desktop abilities the backend may use, backed by Electron's shell. */
export const electronPlatform: Platform = {
  async openFile(path) {
    const error = await shell.openPath(path);
    if (error) throw new Error(error);
  },
};
