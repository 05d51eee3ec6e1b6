import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts', 'tests/**/*.int.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'tests/**/*.int.test.ts'],
          globalSetup: ['src/server/testing/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // each file starts its own embedded database; two at a time fit two cores
          maxWorkers: 2,
          // after the unit tests, before the browser journeys (projects with their own maxWorkers need their own group)
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 90_000,
          // expect.poll waits for a state (a row gone after an archive, a value after a save); its
          // default of 1 s is a quiet machine's, and a loaded two-core CI machine needs longer
          expect: { poll: { timeout: 30_000, interval: 100 } },
          hookTimeout: 120_000,
          // one Chromium at a time on two cores
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
