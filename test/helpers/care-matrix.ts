/**
 * Issue #17's routes in the authorization matrix (test/authz-matrix.test.ts spreads this in):
 * entrusted care, staffing and training, care activities, psychological concerns. Records live in
 * village V; "own" is V, "parent" its township, "sibling" the neighbouring village. The role is
 * asked first (403 for any id), then the region (404, exactly like a missing id).
 */
import type { Role } from '@qstx/shared'
import type { TestContext } from './build-app'
import { childIn } from './children-matrix'
import { allRoles as all, type Expected, type MatrixCase as Case } from './matrix'
import { pairWithCaller } from './pairings'
import { volunteerRow } from './volunteers'

const V = '450225101201'
const scoped = (ok: number): Expected => [ok, ok, 404]
const only = (roles: readonly Role[], ok: number) => ({ anonymous: 401, noRole: 403, roles: { ...all(403), ...Object.fromEntries(roles.map((r) => [r, scoped(ok)])) } })
const KEEPERS: Role[] = ['child_director', 'supervisor', 'civil_affairs']
const RECORDERS: Role[] = ['coordinator', 'group_leader', 'child_director']
const READERS: Role[] = [...RECORDERS, 'supervisor', 'civil_affairs']
const PNG = '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1a0a80000000049454e44ae426082'

/** A child of V cared for by the grandmother, with a follow-up in the state given. */
async function carerChild(t: TestContext, followUp: 'notify_parents' | null) {
  const { id } = await childIn(t)
  await t.prisma.child.update({ where: { id }, data: { entrustedCarer: 'grandparents', entrustedCarerName: '梁阿婆', entrustedFollowUp: followUp } })
  return id
}
async function directorUser(t: TestContext) {
  const user = await t.prisma.user.create({ data: { displayName: '矩阵主任' } })
  await t.prisma.roleAssignment.create({ data: { userId: user.id, role: 'child_director', regionCode: V } })
  return user.id
}
async function activityIn(t: TestContext) {
  const recorder = await directorUser(t)
  return t.prisma.activity.create({
    data: { villageCode: V, heldOn: new Date('2026-03-01T00:00:00Z'), kind: 'children_home', title: '读书会', place: '儿童之家', organiser: '妇联', childrenReached: 5, recordedById: recorder, recordedRole: 'child_director', createdAt: t.clock.now() },
  })
}
async function concernIn(t: TestContext) {
  const { id } = await childIn(t)
  const by = await directorUser(t)
  return t.prisma.psychConcern.create({ data: { childId: id, signs: ['low_mood'], noticedOn: new Date('2026-03-01T00:00:00Z'), description: '情绪低落', recordedById: by, recordedRole: 'child_director', createdAt: t.clock.now() } })
}

export const CARE_MATRIX: Record<string, Case> = {
  'GET /api/children/:id/entrusted-care': { request: async ({ t }) => ({ url: `/api/children/${await carerChild(t, null)}/entrusted-care` }), ...only(KEEPERS, 200) },
  'POST /api/children/:id/entrusted-care/steps': {
    request: async ({ t }) => ({ url: `/api/children/${await carerChild(t, 'notify_parents')}/entrusted-care/steps`, payload: { type: 'parents_notified', on: '2026-03-02', note: '电话告知母亲' } }),
    ...only(['child_director'], 201),
  },
  'POST /api/children/:id/entrusted-care/carer': {
    request: async ({ t }) => ({ url: `/api/children/${await carerChild(t, null)}/entrusted-care/carer`, payload: { carer: 'relatives_friends', carerName: '韦二叔', since: '2026-03-01', note: '祖母住院' } }),
    ...only(['child_director'], 201),
  },
  'GET /api/staffing': { request: async () => ({ url: `/api/staffing?regionCode=${V}` }), ...only(KEEPERS, 200) },
  'POST /api/staffing/trainings': {
    request: async ({ t }) => ({ url: '/api/staffing/trainings', payload: { userIds: [await directorUser(t)], trainedOn: '2026-03-01', course: '业务培训', organiser: '县民政局', hours: 4 } }),
    ...only(['civil_affairs'], 201),
  },
  'GET /api/staffing/directors/:userId/trainings': { request: async ({ t }) => ({ url: `/api/staffing/directors/${await directorUser(t)}/trainings` }), ...only(KEEPERS, 200) },
  'PUT /api/children/:id/director': { request: async ({ t }) => ({ url: `/api/children/${(await childIn(t)).id}/director`, payload: { directorUserId: null } }), ...only(['child_director'], 200) },
  'POST /api/activities': {
    request: async () => ({ url: '/api/activities', payload: { villageCode: V, heldOn: '2026-03-01', kind: 'holiday', title: '寒假活动', place: '村委会', organiser: '团县委', childrenReached: 8 } }),
    ...only(RECORDERS, 201),
  },
  'GET /api/activities': { request: async () => ({ url: `/api/activities?regionCode=${V}` }), ...only(READERS, 200) },
  'GET /api/activities/volunteer-options': { request: async () => ({ url: `/api/activities/volunteer-options?villageCode=${V}` }), ...only(RECORDERS, 200) },
  'GET /api/activities/:id': { request: async ({ t }) => ({ url: `/api/activities/${(await activityIn(t)).id}` }), ...only(READERS, 200) },
  'POST /api/activities/:id/photos': {
    request: async ({ t }) => ({ url: `/api/activities/${(await activityIn(t)).id}/photos`, payload: { contentType: 'image/png', dataBase64: Buffer.from(PNG, 'hex').toString('base64'), noChildFaces: true } }),
    ...only(RECORDERS, 201),
  },
  'GET /api/activities/:id/photos/:photoId': {
    request: async ({ t }) => {
      const a = await activityIn(t)
      const p = await t.prisma.activityPhoto.create({ data: { activityId: a.id, contentType: 'image/png', data: new Uint8Array(Buffer.from(PNG, 'hex')), byteSize: 67, createdById: a.recordedById, createdAt: t.clock.now() } })
      return { url: `/api/activities/${a.id}/photos/${p.id}` }
    },
    ...only(READERS, 200),
  },
  'POST /api/activities/:id/services/:serviceId/decision': {
    request: async ({ t }) => {
      const a = await activityIn(t)
      const v = await volunteerRow(t, { status: 'approved', regionCode: '450225101000', checksDone: true })
      const s = await t.prisma.activityService.create({ data: { activityId: a.id, volunteerId: v.id, minutes: 60 } })
      return { url: `/api/activities/${a.id}/services/${s.id}/decision`, payload: { decision: 'confirm' } }
    },
    ...only(['child_director'], 200),
  },
  // A love parent reaches only the child they are actively paired with: every caller is made that parent.
  'POST /api/children/:id/concerns': {
    request: async ({ t, token }) => {
      const { id } = await childIn(t)
      if (token) await pairWithCaller(t, token, id)
      return { url: `/api/children/${id}/concerns`, payload: { signs: ['withdrawn'], noticedOn: '2026-03-01', description: '不愿意说话' } }
    },
    anonymous: 401, noRole: 403, roles: { ...all(403), child_director: scoped(201), volunteer: 201 },
  },
  'GET /api/children/:id/concerns': { request: async ({ t }) => ({ url: `/api/children/${(await childIn(t)).id}/concerns` }), ...only(KEEPERS, 200) },
  'POST /api/concerns/:id/events': {
    request: async ({ t }) => ({ url: `/api/concerns/${(await concernIn(t)).id}/events`, payload: { type: 'note', on: '2026-03-02', note: '电话回访' } }),
    ...only(['child_director'], 201),
  },
}
