/**
 * Before any end-to-end spec: client/dist/h5 must be built from the current sources — the specs
 * drive the real H5 build served by the real server. Runs after test/helpers/global-setup.ts (the
 * database template) and test/helpers/system-deps.ts (the browser and the CJK font).
 */
import { ensureClientBuild } from '../../scripts/client-build.mjs'

export function setup() {
  ensureClientBuild('h5', { log: (message) => console.log(`[e2e] ${message}`) })
}
