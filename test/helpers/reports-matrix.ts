/**
 * Ledgers, exports, the annual report and the dashboards in the authorization matrix
 * (test/authz-matrix.test.ts spreads this in). Region-bound routes ask for village V explicitly:
 * "own" and "parent" reach it, "sibling" gets 404 — after the role check, so a role that may never
 * export gets 403 wherever it sits. A background export's status answers its owner only; its
 * download link is the credential itself (public, like a signed URL).
 */
import { randomBytes } from 'node:crypto'
import { ROLES, type Role } from '@qstx/shared'
import { hashToken } from '../../server/src/modules/exports/service'
import type { TestContext } from './build-app'
import { bearer } from './personas'

const V = '450225101201'
type Expected = number | readonly [own: number, parent: number, sibling: number]
interface Case {
  request: (ctx: { t: TestContext; token?: string }) => Promise<{ url: string; payload?: object }>
  anonymous: number
  noRole: number
  roles: Record<Role, Expected>
}
const all = (status: Expected) => Object.fromEntries(ROLES.map((r) => [r, status])) as Record<Role, Expected>
const only = (allowed: readonly Role[]) => ({ ...all(403), ...Object.fromEntries(allowed.map((r) => [r, [200, 200, 404] as const])) })
const signedIn = { anonymous: 401, noRole: 403 }
const DESK: Role[] = ['coordinator', 'supervisor', 'civil_affairs']
const LEDGER: Role[] = ['coordinator', 'child_director', 'supervisor', 'civil_affairs']

/** A finished background export, its file one sealed piece; returns the export and its link's token. */
async function readyExport(t: TestContext, userId: string) {
  const token = randomBytes(32).toString('base64url')
  const e = await t.prisma.export.create({
    data: {
      userId, role: 'civil_affairs', actorRegionCode: V, regionCode: V, kind: 'child_ledger', format: 'xlsx', params: { year: 2026, layout: 'table', view: 'full' },
      status: 'done', rows: 1, rowsDone: 1, fileName: 'ledger.xlsx', byteSize: 5, tokenHash: hashToken(token), tokenEnc: t.keyring.encrypt(token),
      expiresAt: new Date(t.clock.now().getTime() + 3_600_000), finishedAt: t.clock.now(),
    },
  })
  const sealed = t.keyring.sealBytes(Buffer.from('hello'))
  await t.prisma.exportChunk.create({ data: { exportId: e.id, seq: 0, data: new Uint8Array(sealed) } })
  return { id: e.id, token }
}

async function meOrStranger(t: TestContext, token: string | undefined): Promise<string> {
  if (token) {
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })
    if (me.statusCode === 200) return me.json().userId
  }
  return (await t.prisma.user.create({ data: { displayName: '导出人' } })).id
}

export const REPORTS_MATRIX: Record<string, Case> = {
  'GET /api/dashboard': { request: async () => ({ url: `/api/dashboard?regionCode=${V}` }), ...signedIn, roles: only(DESK) },
  'GET /api/reports/annual': { request: async () => ({ url: `/api/reports/annual?regionCode=${V}` }), ...signedIn, roles: only(DESK) },
  'GET /api/exports/child-ledger.xlsx': { request: async () => ({ url: `/api/exports/child-ledger.xlsx?regionCode=${V}&layout=table` }), ...signedIn, roles: only(LEDGER) },
  'GET /api/exports/child-ledger.pdf': { request: async () => ({ url: `/api/exports/child-ledger.pdf?regionCode=${V}` }), ...signedIn, roles: only(LEDGER) },
  'GET /api/exports/pairing-ledger.xlsx': { request: async () => ({ url: `/api/exports/pairing-ledger.xlsx?regionCode=${V}` }), ...signedIn, roles: only(LEDGER) },
  'GET /api/exports/annual-report.xlsx': { request: async () => ({ url: `/api/exports/annual-report.xlsx?regionCode=${V}` }), ...signedIn, roles: only(DESK) },
  // Status: the caller's own export, whatever their role (somebody else's is 404: see exports/background.test.ts).
  'GET /api/exports/:id': {
    request: async ({ t, token }) => ({ url: `/api/exports/${(await readyExport(t, await meOrStranger(t, token))).id}` }),
    anonymous: 401, noRole: 200, roles: all(200),
  },
  'GET /api/exports/download/:token': {
    request: async ({ t }) => ({ url: `/api/exports/download/${(await readyExport(t, (await t.prisma.user.create({ data: { displayName: '导出人' } })).id)).token}` }),
    anonymous: 200, noRole: 200, roles: all(200),
  },
}
