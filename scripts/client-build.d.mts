// Types for scripts/client-build.mjs (imported by the e2e and weapp test set-ups).
export type Target = 'h5' | 'weapp'
export const ROOT: string
export const H5_DIR: string
export const WEAPP_DIR: string
export function buildStaleness(target: Target): string | null
export function ensureClientBuild(target: Target, options?: { log?: (message: string) => void }): { built: boolean }
