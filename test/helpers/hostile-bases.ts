/**
 * Requests that succeed on the demo county, one or two per route whose input reaches PostgreSQL
 * (test/hostile-input.test.ts turns one of their values hostile). A schema alone cannot make them:
 * the right person, a record in that person's region, a checksum-valid ID number, a visit time the
 * pairing allows. Routes without a base here are still driven from their schema.
 */
import { randomUUID } from 'node:crypto'
import type { TestContext } from './build-app'
import { childBody } from './children'
import { bearer, tokenFor } from './personas'

export interface BaseRequest {
  persona: string
  path?: Record<string, string>
  query?: Record<string, string>
  headers?: Record<string, string>
  body?: unknown
}
export type Base = () => Promise<BaseRequest>

const V = '450225101201'
/** Each call the next one, round and round: runs stay reproducible from fast-check's seed alone. */
let turn = 0
const pick = <T>(xs: T[]): T => xs[turn++ % xs.length]!

export async function hostileBases(t: TestContext): Promise<Record<string, Base>> {
  // Records of the bases' own, made after the fuzz's id pools were read: the random runs (which may
  // close a child or end a pairing) cannot take them away from the bases.
  const wang = await t.prisma.volunteer.findFirstOrThrow({ where: { user: { username: 'demo.volunteer.wang' } } })
  const now = t.clock.now().getTime()
  const started = new Date(now - 30 * 86_400_000)
  const newChild = (i: number) => t.prisma.child.create({
    data: { villageCode: V, name: `测试儿童${i}`, displayName: `小${i}`, gender: 'female', birthDate: new Date('2016-04-01T00:00:00Z'), categories: ['left_behind'] },
  })
  const activePairing = async (i: number) => t.prisma.pairing.create({
    data: { childId: (await newChild(i)).id, volunteerId: wang.id, villageCode: V, state: 'active', proposedAt: started, approvedAt: started, startDate: started, stateChangedAt: started },
  })
  const children = await Promise.all(Array.from({ length: 20 }, (_, i) => newChild(i).then((c) => c.id)))
  const active = await Promise.all(Array.from({ length: 10 }, (_, i) => activePairing(100 + i).then((p) => p.id)))
  const wangPairing = await activePairing(200)
  const proposed = (await t.prisma.pairing.findMany({ where: { villageCode: V, state: 'proposed' }, select: { id: true } })).map((p) => p.id)
  // Check-ins waiting for the director, enough for every confirm and dispute run to find one still pending.
  const pending = await Promise.all(Array.from({ length: 40 }, (_, i) => t.prisma.checkin.create({
    data: {
      pairingId: wangPairing.id, volunteerId: wang.id, startedAt: new Date(now - (i + 2) * 3_600_000), durationMinutes: 30,
      contactMode: 'phone_video', serviceTypes: ['reading'], summary: '电话聊天', secCheck: 'not_applicable', createdAt: new Date(now - 3_600_000),
    },
    select: { id: true },
  }))).then((rows) => rows.map((r) => r.id))
  // A visit time the pairing allows: after its start, within the last two days.
  const earliest = now - 2 * 86_400_000
  const applicant = await t.prisma.volunteer.findFirstOrThrow({ where: { user: { username: 'demo.applicant.qin' } } })
  const reporter = await t.prisma.user.findFirstOrThrow({ where: { username: 'demo.volunteer.wang' } })
  const report = await t.prisma.safeguardingReport.create({
    data: { reporterUserId: reporter.id, regionCode: V, childName: '小雨', kind: 'neglect_guardianship', urgency: 'concern', seen: '无人照看', seenAt: t.clock.now() },
  })
  const coordinator = await tokenFor(t.app, 'demo.coordinator')
  const invitation = await t.app.inject({ method: 'POST', url: '/api/invitations', headers: bearer(coordinator), payload: { role: 'child_director', regionCode: V } })
  const visit = { kind: 'contact', visitedOn: '2026-03-01', problems: '孩子学习吃力', measures: '联系学校老师' }
  const director = 'demo.director.guding'

  return {
    'POST /api/safeguarding/reports': async () => ({
      persona: 'demo.volunteer.wang',
      body: { childName: '小雨', regionCode: V, kind: 'bullying', urgency: 'concern', seen: '在学校被高年级学生欺负', seenAt: '2026-03-01T08:00:00Z', place: '学校门口' },
    }),
    'POST /api/safeguarding/reports/{id}/events': async () => ({ persona: director, path: { id: report.id }, body: { type: 'note', note: '已电话联系监护人' } }),
    'PUT /api/volunteers/me/draft': async () => ({ persona: 'demo.applicant.draft', body: { realName: '梁晓东', workUnit: '融水县水利局', availabilityNote: '周末可以' } }),
    'PATCH /api/volunteers/me': async () => ({ persona: 'demo.volunteer.wang', body: { availabilityNote: '周末上午', workUnit: '和睦镇妇联' } }),
    'POST /api/volunteers/me/withdraw': async () => ({ persona: 'demo.applicant.info', body: { reason: '最近工作太忙' } }),
    'POST /api/invitations/': async () => ({ persona: 'demo.coordinator', body: { role: 'child_director', regionCode: V, note: '新任儿童主任' } }),
    'POST /api/children/{id}/visits': async () => ({ persona: director, path: { id: pick(children) }, body: visit }),
    'POST /api/children/{id}/close': async () => ({ persona: director, path: { id: pick(children) }, body: { reason: 'other', note: '随父母迁往外省' } }),
    'POST /api/children/': async () => ({ persona: director, body: childBody() }),
    'PATCH /api/children/{id}': async () => {
      const child = await t.prisma.child.findUniqueOrThrow({ where: { id: pick(children) }, select: { id: true, version: true } })
      return { persona: director, path: { id: child.id }, body: { version: child.version, otherNotes: '喜欢画画', careGiven: '每周电话联系' } }
    },
    'GET /api/children/': async () => ({ persona: director, query: { q: '韦' } }),
    'GET /api/audit/': async () => ({ persona: 'demo.civil', query: { from: '2026-01-01T00:00:00Z', to: '2026-03-02T00:00:00Z', action: 'child.view' } }),
    'POST /api/checkins/': async () => ({
      persona: 'demo.volunteer.wang',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        pairingId: wangPairing.id, startedAt: new Date(earliest + (turn++ % 2000) * 60_000).toISOString(),
        durationMinutes: 60, contactMode: 'home_visit', serviceTypes: ['reading'], summary: '一起读了绘本', childMood: '很开心',
      },
    }),
    'POST /api/checkins/{id}/dispute': async () => ({ persona: director, path: { id: pick(pending) }, body: { reason: '当天孩子不在家' } }),
    'POST /api/checkins/{id}/confirm': async () => ({ persona: director, path: { id: pick(pending) }, body: { note: '属实' } }),
    'POST /api/pairings/{id}/pause': async () => ({ persona: 'demo.coordinator', path: { id: pick(active) }, body: { reason: '志愿者外出务工', expectedResumeDate: new Date(now + 60 * 86_400_000).toISOString().slice(0, 10) } }),
    'POST /api/pairings/{id}/acknowledge': async () => ({ persona: director, path: { id: pick(proposed) }, body: { note: '已入户征得同意' } }),
    'PATCH /api/vetting/applications/{id}/checks': async () => ({
      persona: 'demo.coordinator', path: { id: applicant.id }, body: { trainingCourse: '岗前培训', interviewNote: '面谈良好', trainingCompletedOn: '2026-02-20' },
    }),
    'POST /api/teams/': async () => ({
      persona: 'demo.volunteer.workplace',
      body: { name: '医院爱心小队', type: 'workplace', parentOrganisation: '融水县人民医院', serviceRegionCode: '450225000000' },
    }),
    'POST /api/auth/password': async () => ({ persona: '', body: { username: 'demo.civil', password: 'qstx-demo-2026' } }),
    'POST /api/invitations/redeem': async () => ({ persona: 'demo.volunteer.youth', body: { code: invitation.json().code as string } }),
  }
}
