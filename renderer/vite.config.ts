import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

const here = fileURLToPath(new URL('.', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  root: here,
  // Relative asset URLs so the same build loads from file:// inside Electron and from http:// in a browser.
  base: './',
  plugins: [
    react(),
    // The browser build's offline reload (issue 6): a Workbox service worker (dist/renderer/sw.js)
    // precaches every built file, so the app shell opens without network and the data comes from
    // IndexedDB. Registered by src/serviceWorkerRegister.ts, over http(s) only: never under
    // Electron's file://. It caches nothing at run time, so the sync API (another origin, or any
    // path below) always goes to the network.
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: false,
      filename: 'sw.js',
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff,woff2,ttf,json}'],
        // every area's chunk, ExcelJS (~1 MB) included: an area opened offline must have its code
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        // a navigation to any page of the app's origin answers with the cached shell (hash routes)…
        navigateFallback: 'index.html',
        // …except the sync server's paths, should it ever be served from the same origin
        navigateFallbackDenylist: [/^\/v1\//, /^\/openapi\.json$/, /^\/(healthz|readyz)$/],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        // a new build takes over at once: the shell and its chunks always come from one build
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
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
