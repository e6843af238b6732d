import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI suites spawn the built bin; give a cold machine room.
    testTimeout: 30_000,
  },
});
