import { defineConfig } from 'vitest/config'

// Tests run in a non-UTC zone that is not the product's (Asia/Shanghai), so code that silently
// depends on the machine's zone fails here instead of in a village at midnight.
process.env.TZ = 'America/Los_Angeles'

export default defineConfig({
  test: {
    env: { TZ: 'America/Los_Angeles', NODE_ENV: 'test' },
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // client/src/offline: the outbox's pure rules (no Taro in them).
          include: ['shared/src/**/*.test.ts', 'server/src/wechat/**/*.test.ts', 'server/src/lib/**/*.test.ts', 'client/src/offline/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'api',
          // Every file gets its own database cloned from a migrated template (test/helpers/build-app.ts).
          include: ['server/src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['server/src/wechat/**', 'server/src/lib/**', 'test/e2e/**', '**/node_modules/**'],
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.spec.ts'],
          globalSetup: ['test/helpers/global-setup.ts', 'test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
})
