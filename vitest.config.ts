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
          exclude: ['server/src/wechat/**', 'server/src/lib/**', 'test/e2e/**', 'test/weapp/**', '**/node_modules/**'],
          // system-deps: the CJK font the PDF export needs (installed where it can be).
          globalSetup: ['test/helpers/global-setup.ts', 'test/helpers/system-deps.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.spec.ts'],
          // system-deps: a Chrome/Chromium and the CJK font, installed with apt where they can be.
          globalSetup: ['test/helpers/global-setup.ts', 'test/helpers/system-deps.ts', 'test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          // The WeChat build (client/dist/weapp, rebuilt when stale) checked offline: app.json against
          // WeChat's rules, WXML/WXSS through WeChat's compilers, every page run in a sandbox.
          name: 'weapp',
          include: ['test/weapp/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts', 'test/weapp/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
})
