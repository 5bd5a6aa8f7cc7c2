import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Whole-pipeline tests start worker threads that each load the lexicons and the language
    // model (well under a second idle, several times that on a loaded 2-core machine), and the
    // eld model test evaluates eld's own databases (seconds): generous limits keep them from flaking.
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
