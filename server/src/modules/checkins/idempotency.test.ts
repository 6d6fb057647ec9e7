/**
 * Offline first: a phone retries a check-in until it gets an answer. The same Idempotency-Key with
 * the same body answers the first response again; with another body 422; while the first is still
 * running 409; a refusal frees the key; a claim whose holder died is taken over after its lease,
 * and a slow holder cannot complete after a takeover. 50 concurrent duplicates make one check-in.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { activePairing, checkinBody, postCheckin } from '../../../../test/helpers/checkins'
import { pairableVolunteer } from '../../../../test/helpers/pairings'
import { IDEMPOTENCY_LEASE_MS, deleteExpiredKeys, requestHash, withIdempotency } from '../../lib/idempotency'
import { poolOf } from '../../db/prisma'
import { CHECKIN_ROUTE } from './record'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

describe('POST /api/checkins with an Idempotency-Key', () => {
  it('answers a retry with the same key and body exactly as the first time, without a second check-in', async () => {
    const { pairingId, volunteer } = await activePairing(t)
    const key = randomUUID()
    const body = checkinBody(t, pairingId)
    const first = await postCheckin(t, volunteer.token, body, key)
    expect(first.statusCode).toBe(201)
    expect(first.headers['idempotent-replayed']).toBeUndefined()
    // Days later, back in signal: the phone sends it again.
    t.clock.advance(3 * 86_400_000)
    const again = await postCheckin(t, volunteer.token, body, key)
    expect(again.statusCode).toBe(201)
    expect(again.json()).toEqual(first.json())
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(await t.prisma.checkin.count({ where: { pairingId } })).toBe(1)
  })

  it('refuses the same key with a different body (422)', async () => {
    const { pairingId, volunteer } = await activePairing(t)
    const key = randomUUID()
    expect((await postCheckin(t, volunteer.token, checkinBody(t, pairingId), key)).statusCode).toBe(201)
    const changed = await postCheckin(t, volunteer.token, checkinBody(t, pairingId, { durationMinutes: 60 }), key)
    expect(changed.statusCode).toBe(422)
    expect(changed.json().code).toBe('IDEMPOTENCY_KEY_REUSED')
  })

  it("keeps keys per person: another volunteer's same key is their own", async () => {
    const a = await activePairing(t)
    const b = await activePairing(t)
    const key = randomUUID()
    expect((await postCheckin(t, a.volunteer.token, checkinBody(t, a.pairingId), key)).statusCode).toBe(201)
    expect((await postCheckin(t, b.volunteer.token, checkinBody(t, b.pairingId), key)).statusCode).toBe(201)
  })

  it('frees the key when the request is refused, so the retry runs again', async () => {
    const { pairingId, volunteer } = await activePairing(t)
    await t.prisma.pairing.update({ where: { id: pairingId }, data: { state: 'paused' } })
    const key = randomUUID()
    const body = checkinBody(t, pairingId)
    expect((await postCheckin(t, volunteer.token, body, key)).statusCode).toBe(409)
    await t.prisma.pairing.update({ where: { id: pairingId }, data: { state: 'active' } })
    expect((await postCheckin(t, volunteer.token, body, key)).statusCode).toBe(201)
  })

  it('answers 409 while the first is in flight, and takes over a claim whose holder died once its lease is over', async () => {
    const { pairingId, volunteer } = await activePairing(t)
    const key = randomUUID()
    const body = checkinBody(t, pairingId)
    // A claim as a process that died mid-request leaves it: in progress, no check-in, no response.
    const hash = requestHash(CHECKIN_ROUTE, { ...body, worried: false })
    await t.prisma.idempotencyKey.create({ data: { userId: volunteer.userId, key, requestHash: hash, claimToken: randomUUID(), claimedAt: t.clock.now(), createdAt: t.clock.now() } })
    const busy = await postCheckin(t, volunteer.token, body, key)
    expect(busy.statusCode).toBe(409)
    expect(busy.json()).toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS', message: '这条记录正在提交中，请稍后再试' })
    t.clock.advance(IDEMPOTENCY_LEASE_MS)
    const retried = await postCheckin(t, volunteer.token, body, key)
    expect(retried.statusCode).toBe(201)
    expect(await t.prisma.checkin.count({ where: { pairingId } })).toBe(1)
  })

  it('turns a storm of 50 concurrent duplicates into exactly one check-in', async () => {
    const { pairingId, volunteer } = await activePairing(t)
    const key = randomUUID()
    const body = checkinBody(t, pairingId)
    const answers = await Promise.all(Array.from({ length: 50 }, () => postCheckin(t, volunteer.token, body, key)))
    const created = answers.filter((a) => a.statusCode === 201)
    const busy = answers.filter((a) => a.statusCode === 409)
    expect(created.length + busy.length).toBe(50)
    expect(created.length).toBeGreaterThanOrEqual(1)
    expect(new Set(created.map((a) => a.body)).size).toBe(1)
    for (const b of busy) expect(b.json().code).toBe('IDEMPOTENCY_IN_PROGRESS')
    expect(await t.prisma.checkin.count({ where: { pairingId } })).toBe(1)
    const after = await postCheckin(t, volunteer.token, body, key)
    expect(after.statusCode).toBe(201)
    expect(after.body).toBe(created[0]!.body)
  })
})

describe('withIdempotency (lib/idempotency.ts)', () => {
  const input = (userId: string, key: string) => ({ userId, key, requestHash: 'a'.repeat(64), now: t.clock.now() })
  const insertMark = (tx: Parameters<Parameters<typeof t.prisma.$transaction>[0]>[0], subject: string) =>
    tx.$executeRaw`INSERT INTO reminders_sent (kind, "subjectId", "dueKey", "sentAt") VALUES ('test', ${subject}::uuid, 'x', now())`

  it('lets a slow holder whose claim was taken over roll back instead of completing twice', async () => {
    const { userId } = await pairableVolunteer(t)
    const key = randomUUID()
    const slowSubject = randomUUID()
    const fastSubject = randomUUID()
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    let claimed!: () => void
    const started = new Promise<void>((r) => (claimed = r))
    const slow = withIdempotency(poolOf(t.prisma), input(userId, key), async (claim) => {
      claimed()
      await gate
      return t.prisma.$transaction(async (tx) => {
        await insertMark(tx, slowSubject)
        await claim.complete(tx, { status: 201, body: { who: 'slow' } })
        return { status: 201, body: { who: 'slow' } }
      })
    })
    await started
    t.clock.advance(IDEMPOTENCY_LEASE_MS)
    const fast = await withIdempotency(poolOf(t.prisma), input(userId, key), async (claim) =>
      t.prisma.$transaction(async (tx) => {
        await insertMark(tx, fastSubject)
        await claim.complete(tx, { status: 201, body: { who: 'fast' } })
        return { status: 201, body: { who: 'fast' } }
      }))
    expect(fast.body).toEqual({ who: 'fast' })
    release()
    await expect(slow).rejects.toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' })
    expect(await t.prisma.reminderSent.count({ where: { subjectId: { in: [slowSubject, fastSubject] } } })).toBe(1)
    const replay = await withIdempotency(poolOf(t.prisma), input(userId, key), async () => ({ status: 500, body: null }))
    expect(replay).toEqual({ status: 201, body: { who: 'fast' }, replayed: true })
  })

  it('deletes keys older than 8 days and keeps younger ones', async () => {
    const { userId } = await pairableVolunteer(t)
    const [old, young] = [randomUUID(), randomUUID()]
    const done = async (key: string) => withIdempotency(poolOf(t.prisma), input(userId, key), async (claim) =>
      t.prisma.$transaction(async (tx) => (await claim.complete(tx, { status: 201, body: {} }), { status: 201, body: {} })))
    await done(old)
    t.clock.advance(2 * 86_400_000)
    await done(young)
    t.clock.advance(6 * 86_400_000 + 1)
    expect(await deleteExpiredKeys(t.prisma, t.clock.now())).toBeGreaterThanOrEqual(1)
    const left = await t.prisma.idempotencyKey.findMany({ where: { userId }, select: { key: true } })
    expect(left.map((k) => k.key)).toEqual([young])
  })
})
