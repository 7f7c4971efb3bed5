/** Replaced at build time by Vite (`define` in renderer/vite.config.ts) with package.json's version. */
declare const __APP_VERSION__: string | undefined;

/** The version the renderer was built as; '0.0.0-dev' where no build step ran (unit tests). */
export const BUILD_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';
