// vitest: tests live in tests/, one process per file; EDGEGRAD_WASM_BUILD=relaxed gives the test
// processes V8's relaxed-SIMD flag (Node 20 needs it; NODE_OPTIONS refuses it).
import { defineConfig } from 'vitest/config';

const relaxed = process.env.EDGEGRAD_WASM_BUILD === 'relaxed';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    execArgv: relaxed ? ['--experimental-wasm-relaxed-simd'] : [],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
