/**
 * The children's routes in the authorization matrix (test/authz-matrix.test.ts spreads this in).
 * Files live in village V; "own" is V, "parent" its township, "sibling" the neighbouring village.
 * Reads of a file answer 404 to every role without a view of it (the brief: "everyone else 404");
 * writes answer 403 to roles that may never do them, 404 outside the region. Registering, the
 * hand-over and transfer requests act for "my village", so a director bound to a township gets 403.
 */
import { ROLES, type Role } from '@qstx/shared'
import { fileFromRow } from '../../server/src/modules/children/file'
import type { TestContext } from './build-app'
import { childBody, testIdNumber } from './children'
import { pairWithCaller } from './pairings'

const V = '450225101201'
const ELSEWHERE = '450225102201'
type Expected = number | readonly [own: number, parent: number, sibling: number]
interface Case {
  request: (ctx: { t: TestContext; token?: string }) => Promise<{ url: string; payload?: object }>
  anonymous: number
  noRole: number
  roles: Record<Role, Expected>
}

const all = (status: Expected) => Object.fromEntries(ROLES.map((r) => [r, status])) as Record<Role, Expected>
const only = (allowed: Partial<Record<Role, Expected>>, otherwise: Expected = 403) => ({ ...all(otherwise), ...allowed })
const scoped = (ok: number): Expected => [ok, ok, 404]
const KEEPERS = { child_director: scoped(200), supervisor: scoped(200), civil_affairs: scoped(200) }
const signedIn = { anonymous: 401, noRole: 403 }

let born = 0
export async function childIn(t: TestContext, villageCode = V) {
  // A girl of 10 born on one of June's days in turn: a birth date has only 500 girls' ID numbers.
  const birthDate = `2015-06-${String(1 + (born++ % 30)).padStart(2, '0')}`
  const idNumber = testIdNumber(birthDate, 'female')
  const child = await t.prisma.child.create({
    data: {
      villageCode, name: '矩阵童', displayName: '小童', gender: 'female', birthDate: new Date(`${birthDate}T00:00:00Z`), categories: ['left_behind'],
      idNumberEnc: t.keyring.encrypt(idNumber), idNumberIndex: t.keyring.blindIndex(idNumber), idNumberLast4: idNumber.slice(-4),
    },
    select: { id: true },
  })
  return { id: child.id, idNumber }
}

async function transferOf(t: TestContext, from: string, to: string) {
  const child = await childIn(t, from)
  return t.prisma.childTransfer.create({
    data: { childId: child.id, fromVillageCode: from, toVillageCode: to, reason: '迁入', requestedById: '00000000-0000-4000-8000-000000000001', requestedAt: t.clock.now() },
  })
}

export const CHILDREN_MATRIX: Record<string, Case> = {
  'GET /api/children': {
    request: async () => ({ url: '/api/children?category=left_behind' }),
    ...signedIn, roles: only({ child_director: 200, supervisor: 200, civil_affairs: 200, coordinator: 200 }),
  },
  'POST /api/children': {
    request: async () => ({ url: '/api/children', payload: childBody() }),
    ...signedIn, roles: only({ child_director: [201, 403, 201] }),
  },
  'GET /api/children/:id': {
    request: async ({ t }) => ({ url: `/api/children/${(await childIn(t)).id}` }),
    ...signedIn, roles: only({ ...KEEPERS, coordinator: scoped(200) }, 404),
  },
  'PATCH /api/children/:id': {
    request: async ({ t }) => ({ url: `/api/children/${(await childIn(t)).id}`, payload: { version: 1, nearWater: true } }),
    ...signedIn, roles: only({ child_director: scoped(200) }),
  },
  'POST /api/children/:id/reveal': {
    request: async ({ t }) => ({ url: `/api/children/${(await childIn(t)).id}/reveal`, payload: { field: 'idNumber' } }),
    ...signedIn, roles: only(KEEPERS, 404),
  },
  'GET /api/children/:id/card': {
    // Every caller is made the volunteer actively paired with the child: the card opens to the
    // volunteer role wherever it sits, and to no other role even then.
    request: async ({ t, token }) => {
      const child = await childIn(t)
      if (token) await pairWithCaller(t, token, child.id)
      return { url: `/api/children/${child.id}/card` }
    },
    ...signedIn, roles: only({ volunteer: 200 }, 404),
  },
  'GET /api/children/:id/history': {
    request: async ({ t }) => ({ url: `/api/children/${(await childIn(t)).id}/history` }),
    ...signedIn, roles: only(KEEPERS, 404),
  },
  'POST /api/children/:id/close': {
    request: async ({ t }) => ({ url: `/api/children/${(await childIn(t)).id}/close`, payload: { reason: 'moved_out' } }),
    ...signedIn, roles: only({ child_director: scoped(200) }),
  },
  'POST /api/children/:id/complete': {
    request: async ({ t }) => ({ url: `/api/children/${(await childIn(t)).id}/complete`, payload: { year: 2026 } }),
    ...signedIn, roles: only({ child_director: scoped(200) }),
  },
  'GET /api/children/:id/years': {
    request: async ({ t }) => ({ url: `/api/children/${(await childIn(t)).id}/years` }),
    ...signedIn, roles: only(KEEPERS, 404),
  },
  'GET /api/children/:id/years/:year': {
    request: async ({ t }) => {
      const { id } = await childIn(t)
      const file = fileFromRow(await t.prisma.child.findUniqueOrThrow({ where: { id }, include: { guardians: true } }))
      await t.prisma.childYearRecord.create({ data: { childId: id, year: 2025, villageCode: V, snapshot: JSON.parse(JSON.stringify(file)), completedAt: t.clock.now() } })
      return { url: `/api/children/${id}/years/2025` }
    },
    ...signedIn, roles: only(KEEPERS, 404),
  },
  'POST /api/children/handover': {
    request: async () => ({ url: '/api/children/handover', payload: { year: 2025 } }),
    ...signedIn, roles: only({ child_director: [200, 403, 200] }),
  },
  'GET /api/children/transfers': {
    request: async () => ({ url: '/api/children/transfers' }),
    ...signedIn, roles: only({ child_director: 200, supervisor: 200, civil_affairs: 200 }),
  },
  'POST /api/children/transfers': {
    // The child's file is in V: asking for it from V itself is a conflict, from the sibling a request.
    request: async ({ t }) => ({ url: '/api/children/transfers', payload: { idNumber: (await childIn(t)).idNumber, reason: '随父母迁入' } }),
    ...signedIn, roles: only({ child_director: [409, 403, 201] }),
  },
  'POST /api/children/transfers/:id/accept': {
    request: async ({ t }) => ({ url: `/api/children/transfers/${(await transferOf(t, V, ELSEWHERE)).id}/accept` }),
    ...signedIn, roles: only({ child_director: scoped(200) }),
  },
  'POST /api/children/transfers/:id/decline': {
    request: async ({ t }) => ({ url: `/api/children/transfers/${(await transferOf(t, V, ELSEWHERE)).id}/decline`, payload: { reason: '儿童仍在本村' } }),
    ...signedIn, roles: only({ child_director: scoped(200) }),
  },
  'POST /api/children/transfers/:id/cancel': {
    // The asking side is V here.
    request: async ({ t }) => ({ url: `/api/children/transfers/${(await transferOf(t, ELSEWHERE, V)).id}/cancel` }),
    ...signedIn, roles: only({ child_director: scoped(200) }),
  },
}
