import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts', 'tests/**/*.int.test.ts'],
          // a timeout catches a hang, not slowness: the property tests are CPU-bound (one generates
          // 2 MB cells) and took 6.5 s on a loaded 2-core machine against 2.3 s on a quiet one
          testTimeout: 30_000,
        },
      },
      {
        test: {
          // the web app's components in a DOM (happy-dom) with Testing Library; the network is stubbed (src/web/testing)
          name: 'components',
          include: ['src/web/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['src/web/testing/setup.ts'],
          // a keystroke re-renders antd's grid in React's development build (~0.1–0.3 s on a loaded
          // machine): a bound for a test that types a few dozen keys, never a wait
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts'],
          globalSetup: ['src/server/testing/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // each file starts its own embedded database; two at a time fit two cores
          maxWorkers: 2,
          // after the unit tests, before the process tests and the browser journeys (projects with
          // their own maxWorkers need their own group)
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          // kedu serve, kedu import … as real processes (crash, lock, shutdown, two servers, jobs):
          // a test starts up to three servers one after another, about 8 s each on a quiet machine
          // and over 60 s each on one at load average 13–18, so the bound (a hang's, not
          // slowness's) is ten minutes; their own waits are for states
          name: 'process',
          include: ['tests/**/*.int.test.ts'],
          globalSetup: ['src/server/testing/global-setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          maxWorkers: 2,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 180_000,
          // expect.poll waits for a state (a row gone after an archive, a value after a save); its
          // default of 1 s is a quiet machine's, and a loaded two-core CI machine needs longer
          // (30 s ran out once on a machine also running other work)
          expect: { poll: { timeout: 60_000, interval: 100 } },
          hookTimeout: 120_000,
          // one Chromium at a time on two cores
          fileParallelism: false,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
