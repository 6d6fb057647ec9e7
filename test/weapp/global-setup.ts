/**
 * Before the mini-program tests: client/dist/weapp built from the current sources — reused as it is
 * when no source changed since (scripts/client-build.mjs, the same rule as H5's), so a run that
 * touched only the server does not wait for a build.
 */
import { ensureClientBuild } from '../../scripts/client-build.mjs'

export function setup() {
  ensureClientBuild('weapp', { log: (message) => console.log(`[weapp] ${message}`) })
}
