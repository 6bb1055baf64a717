import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Tests run on the TypeScript sources: the package's `claimcheck-source` export condition maps
// 'claimcheck', 'claimcheck/arbitraries' and 'claimcheck/core' to src/ (Node's default is dist/).
const conditions = ['claimcheck-source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['src/**/*.spec.ts', 'papers/**/*.spec.ts', 'test/**/*.spec.ts', 'bench/**/*.spec.ts'],
    // Claim runs train networks; their own time budgets bound them, not vitest's default 5 s.
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
