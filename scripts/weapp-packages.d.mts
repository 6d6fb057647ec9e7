// Types for scripts/weapp-packages.mjs (imported by test/weapp).
export const MB: number
export const WECHAT_PACKAGE_LIMIT: number
export const WECHAT_TOTAL_LIMIT: number
export const MAIN: string
export interface AppJson {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[]; independent?: boolean }>
  subpackages?: Array<{ root: string; pages: string[]; independent?: boolean }>
  [key: string]: unknown
}
export function readAppJson(distDir: string): AppJson
export function subpackagesOf(appJson: AppJson): Array<{ root: string; pages: string[]; independent?: boolean }>
export function packageSizes(distDir: string): Map<string, number>
