import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

const here = fileURLToPath(new URL('.', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  root: here,
  // Relative asset URLs so the same build loads from file:// inside Electron and from http:// in a browser.
  base: './',
  plugins: [react()],
  // The app version shown in a plain browser (renderer/src/platform/version.ts); Electron asks the main process.
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    // RENDERER_OUT_DIR lets parallel test runs build into their own folders.
    outDir: process.env.RENDERER_OUT_DIR ?? fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      output: {
        // zod decides at schema construction whether to compile parsers with eval. Its config
        // (renderer/src/zodConfig.ts: parse without eval, as the CSP requires) must run before any
        // schema is built, so it travels in zod's own chunk, which every schema chunk loads first.
        manualChunks(id: string) {
          if (id.includes('/node_modules/zod/') || id.endsWith('/renderer/src/zodConfig.ts')) return 'zod';
          return undefined;
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 5173 },
});
