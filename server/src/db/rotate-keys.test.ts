import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/helpers/build-app'
import { ROOT_DIR } from '../config'
import { Keyring, parseDataKeys, randomKeySpec } from '../lib/crypto'
import { createPrisma, type Db } from './prisma'
import { ENCRYPTED_COLUMNS, rotateKeys } from './rotate-keys'

const K1 = randomKeySpec('k1')
const K2 = randomKeySpec('k2')
const K3 = randomKeySpec('k3')
const BLIND = randomBytes(32).toString('base64')
const ring = (...specs: string[]) => new Keyring(parseDataKeys(specs.join(',')), Buffer.from(BLIND))

let url: string
let prisma: Db
const PLAIN = { id: '450225201506019021', address: '古顶村3组12号', phones: ['13800001111', '13900002222'], volunteerPhone: '13700003333', volunteerId: '450225198001019997' }

beforeAll(async () => {
  url = await createTestDatabase()
  prisma = createPrisma(url, { max: 3 })
  const k1 = ring(K1)
  // Several children (more than one batch), a volunteer, and an archived yearly snapshot.
  for (let i = 0; i < 5; i++) {
    const child = await prisma.child.create({
      data: {
        villageCode: '450225101201', name: `韦${i}`, displayName: `小${i}`, gender: 'female', birthDate: new Date('2015-06-01'),
        idNumberEnc: k1.encrypt(PLAIN.id), idNumberIndex: k1.blindIndex(`${PLAIN.id}-${i}`), addressEnc: k1.encrypt(PLAIN.address), categories: ['left_behind'],
        guardians: { create: PLAIN.phones.map((p, ordinal) => ({ ordinal, relation: ordinal ? 'mother' : 'father', name: '家长', phoneEnc: k1.encrypt(p) })) },
      },
    })
    if (i === 0) {
      const snapshot = { id: child.id, idNumberEnc: k1.encrypt(PLAIN.id), addressEnc: k1.encrypt(PLAIN.address), guardians: [{ name: '家长', phoneEnc: k1.encrypt(PLAIN.phones[0]!) }] }
      await prisma.childYearRecord.create({ data: { childId: child.id, year: 2025, villageCode: child.villageCode, snapshot, archivedAt: new Date() } })
    }
  }
  const user = await prisma.user.create({ data: { displayName: '志愿者' } })
  await prisma.volunteer.create({
    data: { userId: user.id, realName: '王秀兰', gender: 'female', kind: 'love_mother', serviceRegionCode: '450225101000', phoneEnc: k1.encrypt(PLAIN.volunteerPhone), idNumberEnc: k1.encrypt(PLAIN.volunteerId) },
  })
})
afterAll(() => prisma.$disconnect())

/** Every sealed value in the database, with the key id it carries. */
async function sealedValues(): Promise<string[]> {
  const children = await prisma.child.findMany({ select: { idNumberEnc: true, addressEnc: true } })
  const guardians = await prisma.childGuardian.findMany({ select: { phoneEnc: true } })
  const volunteers = await prisma.volunteer.findMany({ select: { phoneEnc: true, idNumberEnc: true } })
  const snapshots = (await prisma.childYearRecord.findMany()).map((r) => r.snapshot as { idNumberEnc: string; addressEnc: string; guardians: Array<{ phoneEnc: string }> })
  return [
    ...children.flatMap((c) => [c.idNumberEnc!, c.addressEnc!]),
    ...guardians.map((g) => g.phoneEnc!),
    ...volunteers.flatMap((v) => [v.phoneEnc!, v.idNumberEnc!]),
    ...snapshots.flatMap((s) => [s.idNumberEnc, s.addressEnc, ...s.guardians.map((g) => g.phoneEnc)]),
  ]
}

describe('rotateKeys', () => {
  it('re-seals everything under the new key; with the old key removed everything still decrypts', async () => {
    const report = await rotateKeys(prisma, ring(K2, K1), { batchSize: 2 })
    expect(report).toEqual({
      'volunteers.phoneEnc': { rows: 1, values: 1 },
      'volunteers.idNumberEnc': { rows: 1, values: 1 },
      'children.idNumberEnc': { rows: 5, values: 5 },
      'children.addressEnc': { rows: 5, values: 5 },
      'child_guardians.phoneEnc': { rows: 10, values: 10 },
      'exports.tokenEnc': { rows: 0, values: 0 },
      'child_year_records.snapshot': { rows: 1, values: 3 },
    })
    const values = await sealedValues()
    expect(values).toHaveLength(5 * 2 + 10 + 2 + 3)
    expect(values.every((v) => v.startsWith('k2:'))).toBe(true)
    const onlyK2 = ring(K2)
    const plain = new Set(values.map((v) => onlyK2.decrypt(v)))
    expect(plain).toEqual(new Set([PLAIN.id, PLAIN.address, ...PLAIN.phones, PLAIN.volunteerPhone, PLAIN.volunteerId]))
    // The archived year is still archived: the rotation only re-sealed its snapshot.
    expect((await prisma.childYearRecord.findFirstOrThrow()).archivedAt).not.toBeNull()
  })

  it('is idempotent: a second run finds nothing to do', async () => {
    const report = await rotateKeys(prisma, ring(K2, K1))
    expect(Object.values(report).every((r) => r.values === 0)).toBe(true)
  })

  it('runs as `npm run keys:rotate` with DATA_KEYS from the environment', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'server/src/db/cli-rotate-keys.ts')], {
      cwd: ROOT_DIR,
      env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: url, DATA_KEYS: `${K3},${K2}`, BLIND_INDEX_KEY: BLIND, ROTATE_BATCH_SIZE: '3', LOG_LEVEL: 'silent' },
    })
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!)
    expect(summary.activeKeyId).toBe('k3')
    expect(summary.report['child_guardians.phoneEnc']).toEqual({ rows: 10, values: 10 })
    expect((await sealedValues()).every((v) => v.startsWith('k3:'))).toBe(true)
  })

  it('knows every sealed column: each `…Enc` column of the database is in ENCRYPTED_COLUMNS', async () => {
    const rows = await prisma.$queryRaw<Array<{ table: string; column: string }>>`
      SELECT table_name AS table, column_name AS column FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name LIKE '%Enc'`
    const listed = new Set(ENCRYPTED_COLUMNS.flatMap((t) => (t.columns ?? []).map((c) => `${t.table}.${c}`)))
    expect(rows.map((r) => `${r.table}.${r.column}`).filter((c) => !listed.has(c))).toEqual([])
  })
})
