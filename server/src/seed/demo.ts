/**
 * Seeds the demo on first start with an empty database: the regions of Guangxi and Shanxi, one real
 * county (融水苗族自治县) with staff of every role, approved volunteers of each kind, a youth-league
 * team, and generated children (faker zh_CN with a fixed seed, valid but fictitious ID numbers).
 * Personal data is encrypted exactly as real sign-ups are. One transaction: all or nothing.
 */
import { Faker, base, fakerZH_CN as faker, zh_CN } from '@faker-js/faker'
import { chinaDate, idNumberCheckChar, isStaffRole } from '@qstx/shared'
import type { Db, Tx } from '../db/prisma'
import type { Keyring } from '../lib/crypto'
import { loadRegions } from '../regions/load'
import { hashPassword } from '../modules/auth/service'
import { sealAddress } from '../modules/children/columns'
import { DEMO_PASSWORD, DEMO_PROVINCES, DEMO_TEAM, DEMO_VILLAGES, PERSONAS } from './personas'
import { fullFileExtras } from './child-files'
import { approvedDetails, recordApproval, seedVettingQueue } from './demo-volunteers'
import { seedPairings } from './demo-pairings'
import { seedCheckins } from './demo-checkins'
import { seedCare } from './demo-care'

const CHILDREN_PER_VILLAGE = 10
const INTERESTS = ['画画', '唱歌', '跳舞', '篮球', '跳绳', '看故事书', '下棋', '手工', '种花', '踢毽子']
const NEEDS = ['阅读指导', '学业辅导', '情感陪伴', '心理疏导', '生活照料', '安全教育', '运动游戏']

export async function isDatabaseEmpty(prisma: Db): Promise<boolean> {
  return (await prisma.user.count()) === 0
}

export async function seedDemo(prisma: Db, keyring: Keyring, log: (m: string) => void = () => {}): Promise<void> {
  if ((await prisma.region.count({ where: { level: 'province' } })) < DEMO_PROVINCES.length) {
    const n = await loadRegions(prisma, DEMO_PROVINCES)
    log(`loaded ${n} regions of 广西 and 山西`)
  }
  faker.seed(20260101)
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await prisma.$transaction(
    async (tx) => {
      const userIds = new Map<string, string>()
      for (const p of PERSONAS) {
        // Staff personas can also use the desk sign-in (username = persona key).
        const user = await tx.user.create({ data: { displayName: p.name, username: p.key, passwordHash: isStaffRole(p.role) ? passwordHash : null } })
        userIds.set(p.key, user.id)
      }
      const leaderId = userIds.get('demo.leader')!
      const team = await tx.team.create({
        data: { ...DEMO_TEAM, serviceRegionCode: PERSONAS.find((p) => p.key === 'demo.leader')!.regionCode, leaderUserId: leaderId },
      })
      for (const p of PERSONAS) {
        await tx.roleAssignment.create({
          data: { userId: userIds.get(p.key)!, role: p.role, regionCode: p.regionCode, teamId: p.role === 'group_leader' ? team.id : null },
        })
        if (p.volunteer) await createVolunteer(tx, keyring, userIds.get(p.key)!, p, p.volunteer.inTeam ? team.id : null)
      }
      for (const village of DEMO_VILLAGES) await createChildren(tx, keyring, village)
      // After the children, so the faker sequence that generates them stays as it was.
      await seedVettingQueue(tx, keyring, team.id)
      // The pairing ledger: one pairing in each state (demo-pairings.ts), 王阿姨's active with a 古顶村 child.
      await seedPairings(tx)
      // 王阿姨's check-ins: two confirmed by 李主任, one waiting in her queue (demo-checkins.ts).
      await seedCheckins(tx)
      // Issue #17: the near-water list, an overdue entrusted-care check, training, an activity (demo-care.ts).
      await seedCare(tx)
    },
    { timeout: 120_000 },
  )
  log(`seeded the demo county: ${PERSONAS.length} personas, ${DEMO_VILLAGES.length * CHILDREN_PER_VILLAGE} children`)
}

async function createVolunteer(tx: Tx, keyring: Keyring, userId: string, p: (typeof PERSONAS)[number], teamId: string | null) {
  const v = p.volunteer!
  const idNumber = fakeIdNumber('450225', faker.date.birthdate({ min: 25, max: 60, mode: 'age' }), v.gender)
  const created = await tx.volunteer.create({
    data: {
      userId,
      realName: p.name,
      gender: v.gender,
      kind: v.kind,
      status: 'approved',
      phoneEnc: keyring.encrypt(fakeMobile()),
      idNumberEnc: keyring.encrypt(idNumber),
      idNumberIndex: keyring.blindIndex(idNumber),
      idNumberLast4: idNumber.slice(-4),
      workUnit: v.workUnit,
      serviceRegionCode: p.regionCode,
      skills: v.skills,
      capacity: v.capacity,
      teamId,
      ...approvedDetails(v, teamId !== null),
    },
  })
  await recordApproval(tx, created.id)
}

/**
 * The rest of each file (guardians, consent, risk, flags…) comes from a second generator with its
 * own seed, so the main faker sequence — which later seeds depend on — is the same as before.
 */
const fileFaker = new Faker({ locale: [zh_CN, base] })
fileFaker.seed(20260102)

async function createChildren(tx: Tx, keyring: Keyring, villageCode: string) {
  const village = await tx.region.findUniqueOrThrow({ where: { code: villageCode } })
  const villageName = village.name.replace(/村委会|社区居委会/, '村')
  const directorName = PERSONAS.find((p) => p.role === 'child_director' && p.regionCode === villageCode)?.name ?? '儿童主任'
  for (let i = 0; i < CHILDREN_PER_VILLAGE; i++) {
    const gender = faker.helpers.arrayElement(['male', 'female'] as const)
    const birth = faker.date.birthdate({ min: 4, max: 15, mode: 'age' })
    const given = faker.person.firstName(gender)
    const name = faker.person.lastName() + given
    const idNumber = fakeIdNumber('450225', birth, gender)
    const categories = faker.helpers.weightedArrayElement([
      { weight: 6, value: ['left_behind'] as const },
      { weight: 2, value: ['in_difficulty'] as const },
      { weight: 2, value: ['left_behind', 'in_difficulty'] as const },
    ])
    const birthDate = new Date(Date.UTC(birth.getFullYear(), birth.getMonth(), birth.getDate()))
    const today = chinaDate(new Date())
    const extras = fullFileExtras(fileFaker, { gender, birthDate: birthDate.toISOString().slice(0, 10), surname: name.slice(0, name.length - given.length), categories, directorName, today }, keyring)
    await tx.child.create({
      data: {
        ...extras.columns,
        guardians: { create: extras.guardians },
        villageCode,
        name,
        displayName: given.length > 1 ? given : `小${given}`,
        gender,
        ethnicity: faker.helpers.weightedArrayElement([
          { weight: 5, value: '苗族' },
          { weight: 2, value: '侗族' },
          { weight: 2, value: '汉族' },
          { weight: 1, value: '瑶族' },
        ]),
        birthDate,
        idNumberEnc: keyring.encrypt(idNumber),
        idNumberIndex: keyring.blindIndex(idNumber),
        idNumberLast4: idNumber.slice(-4),
        ...sealAddress(keyring, `广西融水苗族自治县${villageName}${faker.number.int({ min: 1, max: 12 })}组${faker.number.int({ min: 1, max: 60 })}号`),
        hukouType: 'rural',
        categories: [...categories],
        interests: faker.helpers.arrayElements(INTERESTS, { min: 1, max: 3 }),
        needs: faker.helpers.arrayElements(NEEDS, { min: 1, max: 2 }),
      },
    })
  }
}

/** A checksum-valid ID number in the 9xx sequence range, which real registration does not hand out. */
export function fakeIdNumber(region6: string, birth: Date, gender: 'male' | 'female'): string {
  const ymd = `${birth.getFullYear()}${String(birth.getMonth() + 1).padStart(2, '0')}${String(birth.getDate()).padStart(2, '0')}`
  const seq = 900 + faker.number.int({ min: 0, max: 49 }) * 2 + (gender === 'male' ? 1 : 0)
  const first17 = `${region6}${ymd}${String(seq).padStart(3, '0')}`
  return first17 + idNumberCheckChar(first17)
}

function fakeMobile(): string {
  return `1${faker.helpers.arrayElement(['38', '39', '58', '77', '86', '89'])}${faker.string.numeric(8)}`
}
