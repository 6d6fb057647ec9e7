/** What the global setup hands to test files through vitest's provide/inject. */
declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string
    templateDb: string
    /** The Chrome/Chromium the e2e specs drive (test/helpers/system-deps.ts). */
    chromiumPath: string
  }
}
export {}
