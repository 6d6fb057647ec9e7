// Types for scripts/h5-build.mjs (imported by test/e2e/global-setup.ts).
export const ROOT: string
export const H5_DIR: string
export function h5BuildStaleness(): string | null
export function ensureH5Build(options?: { log?: (message: string) => void }): { built: boolean }
