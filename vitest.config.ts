import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Unit tests sit beside their code; cross-process integration tests (LibreOffice, HTTP, PostgreSQL) in tests/.
    include: ['{shared,renderer,electron,server,scripts,tests}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'dist/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
