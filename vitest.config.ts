// Unit and integration tests. `npm test` (scripts/test.ts) starts PostgreSQL and Temporal and
// passes DATABASE_URL, TEMPORAL_ADDRESS, WEFT_PYTHON ... through the process environment, which
// the forked workers inherit (vitest loads no .env file).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Same alias as tsconfig.json's "@/*" paths (vitest does not read tsconfig paths).
    alias: [{ find: /^@\//, replacement: fileURLToPath(new URL('./', import.meta.url)) }],
  },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', 'e2e/**', '.next/**', '.next-e2e/**', '.weft/**'],
    // Forks, not threads: the Temporal worker's native core and pg pools behave better per process.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
