/**
 * Before any end-to-end spec: Debian's Chromium must be installed (Playwright's own browser
 * downloads cannot work here), and client/dist/h5 must be built from the current sources — the
 * specs drive the real H5 build served by the real server. Runs after test/helpers/global-setup.ts
 * (the database template).
 */
import { existsSync } from 'node:fs'
import { ensureH5Build } from '../../scripts/h5-build.mjs'

export const CHROMIUM = '/usr/bin/chromium'

export function setup() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `end-to-end tests need Debian's Chromium at ${CHROMIUM} and CJK fonts: apt-get install -y chromium fonts-noto-cjk`,
    )
  }
  ensureH5Build({ log: (message) => console.log(`[e2e] ${message}`) })
}
