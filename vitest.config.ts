import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Whole-pipeline tests start worker threads that each load the language model (~2 s idle,
    // several times that on a loaded 2-core machine): generous limits keep them from flaking.
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
