/**
 * Every route string of the app lives here (app.config.ts builds app.json from it).
 *
 * Element ids for end-to-end tests (Taro's View renders `id` on H5 and weapp alike, so tests use
 * `#id` selectors; keep them stable):
 *   login   — #login-intro, #privacy-consent, #privacy-agree, #privacy-link,
 *             #personas-loading, #personas-error (text contains 无法连接服务器), #personas-retry,
 *             #persona-list, #login-error (sign-in failed), #persona-<key> (one card per persona from /api/dev/personas; characters
 *             outside [A-Za-z0-9_-] become '-', e.g. key demo.coordinator → #persona-demo-coordinator)
 *   home    — #home-greeting (contains the display name), #home-role, #home-region, #home-duties,
 *             #home-no-role (account without a role), #home-error, #home-retry
 *   me      — #me-name, #me-role, #me-region, #me-privacy-link, #logout-button
 *   privacy — #privacy-notice
 */

/** Subpackages by domain; each root is a folder under src/ (WeChat: ≤ 2 MB each). */
export const SUBPACKAGES = [{ root: 'packages/common', pages: ['pages/privacy/index'] }] as const

export const ROUTES = {
  login: '/pages/login/index',
  home: '/pages/home/index',
  me: '/pages/me/index',
  privacy: '/packages/common/pages/privacy/index',
} as const

export type Route = (typeof ROUTES)[keyof typeof ROUTES]
