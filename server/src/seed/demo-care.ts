/**
 * Issue #17 in the demo: 古顶村 has a river ("a river nearby", JOURNEYS 李主任), so three of its
 * children are on the near-water list; one grandmother's care was last checked over a year ago
 * (the re-assessment is overdue on 李主任's calendar); 李主任 had this year's training and the
 * other directors' last one was last year; 陈姐 recorded a safety-knowledge visit to 古顶村 where
 * 王阿姨 served two hours, waiting for 李主任 to confirm. Run after seedCheckins.
 */
import { chinaDate } from '@qstx/shared'
import type { Tx } from '../db/prisma'
import { DEMO_VILLAGES } from './personas'

const DAY = 86_400_000
const daysAgo = (n: number) => new Date(`${chinaDate(new Date(Date.now() - n * DAY))}T00:00:00Z`)

export async function seedCare(tx: Tx): Promise<void> {
  const guding = DEMO_VILLAGES[0]!
  const kids = await tx.child.findMany({ where: { villageCode: guding }, orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { id: true, entrustedCarer: true } })
  for (const k of kids.slice(0, 3)) await tx.child.update({ where: { id: k.id }, data: { nearWater: true } })
  const cared = kids.find((k) => k.entrustedCarer === 'grandparents')
  if (cared) await tx.child.update({ where: { id: cared.id }, data: { entrustedAssessedOn: daysAgo(400) } })

  const user = (username: string) => tx.user.findUniqueOrThrow({ where: { username }, select: { id: true } })
  const [civil, coordinator, wang, li] = await Promise.all([user('demo.civil'), user('demo.coordinator'), user('demo.volunteer.wang'), user('demo.director.guding')])
  const directors = await tx.roleAssignment.findMany({ where: { role: 'child_director', regionCode: { in: [...DEMO_VILLAGES] } }, select: { userId: true, regionCode: true } })
  await tx.directorTraining.createMany({
    data: directors.map((d) => ({
      userId: d.userId, regionCode: d.regionCode, trainedOn: daysAgo(d.userId === li.id ? 30 : 400), course: '儿童主任业务能力培训', organiser: '融水县民政局', hours: 6,
      recordedById: civil.id, createdAt: new Date(),
    })),
  })

  const activity = await tx.activity.create({
    data: {
      villageCode: guding, heldOn: daysAgo(3), kind: 'safety_knowledge', title: '防溺水安全知识进村', place: '古顶村儿童之家', organiser: '融水县妇联',
      content: '讲解防溺水“六不准”，演示救生圈和救生杆的使用', childrenReached: 18, recordedById: coordinator.id, recordedRole: 'coordinator', createdAt: new Date(),
    },
  })
  const volunteer = await tx.volunteer.findUniqueOrThrow({ where: { userId: wang.id }, select: { id: true } })
  await tx.activityService.create({ data: { activityId: activity.id, volunteerId: volunteer.id, minutes: 120 } })
}
