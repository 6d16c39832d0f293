import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once and served by either transport: Electron's app:// protocol or the
// browser-mode server. Relative asset paths keep both working.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
