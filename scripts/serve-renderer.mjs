// Serves the built renderer (dist/renderer) on 127.0.0.1 with Vite's preview server.
// Used by `npm start` where no Electron binary exists, and by the Playwright tests.
import { preview } from 'vite';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string', default: '5173' } } });
const server = await preview({
  configFile: new URL('../renderer/vite.config.ts', import.meta.url).pathname,
  build: process.env.RENDERER_OUT_DIR ? { outDir: process.env.RENDERER_OUT_DIR } : {},
  preview: { host: '127.0.0.1', port: Number(values.port), strictPort: true, open: false },
});
const url = `http://127.0.0.1:${values.port}/`;
console.log(`Hotline Office renderer: ${url}`);
// The build's service worker (renderer/vite.config.ts) precaches the app once the page has loaded.
console.log('Once opened, the page also reloads without network (its data stays in the browser).');
const stop = () => server.httpServer.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
