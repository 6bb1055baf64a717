import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts', 'papers/**/*.spec.ts', 'test/**/*.spec.ts', 'bench/**/*.spec.ts'],
    // Claim runs train networks; their own time budgets bound them, not vitest's default 5 s.
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
