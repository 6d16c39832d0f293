// The renderer's only bridge: one function. Sandboxed preloads must be CommonJS, hence .cts.
import electron = require('electron');

electron.contextBridge.exposeInMainWorld('gongkai', {
  call: (name: string, input: unknown, sessionId: string | null) => electron.ipcRenderer.invoke('gongkai:call', { name, input, sessionId }),
});
