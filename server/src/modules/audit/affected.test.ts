/**
 * The breach listing names exactly the children and volunteers whose data an account or an address
 * saw, from known views made through the API: a file read and a reveal, a pairing's details (child
 * and volunteer), a village ledger export (everyone in it, as recorded when it was made), another
 * director's read from another address, and an export from before exports recorded their people.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT_DIR } from '../../config'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { activePairing } from '../../../../test/helpers/checkins'
import { registerChild } from '../../../../test/helpers/children'
import { SIBLING, VILLAGE } from '../../../../test/helpers/pairings'
import { bearer, tokenFor } from '../../../../test/helpers/personas'
import { loadWorkbook } from '../../../../test/helpers/xlsx'
import { affectedBy, type Access } from './affected'
import { people } from './affected-files'

const run = promisify(execFile)
const HOSTILE_IP = '203.0.113.7'
let t: TestContext
let directorA: { token: string; userId: string }
let c1: string, c2: string, c4: string
let pairing: Awaited<ReturnType<typeof activePairing>>
let t0: Date

const meOf = async (token: string) => (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).json().userId as string
const get = (token: string, url: string, remoteAddress = '10.9.9.9') => t.app.inject({ method: 'GET', url, headers: bearer(token), remoteAddress })
// Staff sessions idle out after 30 minutes: the views are 20 minutes apart.
const later = () => t.clock.advance(20 * 60_000)
const names = (accesses: Access[]) => people(accesses).map((p) => `${p.subjectType}:${p.name}`).sort()

beforeAll(async () => {
  t = await buildTestApp()
  c1 = (await registerChild(t.app, VILLAGE, { name: '韦一' })).id
  c2 = (await registerChild(t.app, VILLAGE, { name: '韦二' })).id
  c4 = (await registerChild(t.app, SIBLING, { name: '覃四' })).id
  pairing = await activePairing(t)
  const token = await tokenFor(t.app, { role: 'child_director', regionCode: VILLAGE })
  directorA = { token, userId: await meOf(token) }
  t0 = t.clock.now()
  expect((await get(token, `/api/children/${c1}`)).statusCode).toBe(200)
  expect((await t.app.inject({ method: 'POST', url: `/api/children/${c1}/reveal`, headers: bearer(token), payload: { field: 'address' }, remoteAddress: '10.9.9.9' })).statusCode).toBe(200)
  later()
  expect((await get(token, `/api/pairings/${pairing.pairingId}`)).statusCode).toBe(200)
  later()
  expect((await get(token, `/api/exports/child-ledger.xlsx?regionCode=${VILLAGE}`)).statusCode).toBe(200)
  later()
  const directorB = await tokenFor(t.app, { role: 'child_director', regionCode: SIBLING })
  expect((await get(directorB, `/api/children/${c4}`, HOSTILE_IP)).statusCode).toBe(200)
}, 120_000)
afterAll(() => t.close())

describe('npm run audit:affected', () => {
  it("lists everyone an account's sessions saw: the file it read, the pairing's child and volunteer, everyone in its export", async () => {
    const accesses = await affectedBy(t.prisma, { accounts: [directorA.userId], ips: [] })
    const c3 = (await t.prisma.child.findUniqueOrThrow({ where: { id: pairing.childId } })).name
    const volunteer = (await t.prisma.volunteer.findUniqueOrThrow({ where: { id: pairing.volunteer.volunteerId } })).realName
    expect(names(accesses)).toEqual([`child:${c3}`, 'child:韦一', 'child:韦二', `volunteer:${volunteer}`].sort())
    const first = people(accesses).find((p) => p.subjectId === c1)!
    expect(first).toMatchObject({ times: 3, what: ['查看完整档案', '显示完整信息', '导出个人信息台账'], basis: 'recorded', regionName: '古顶村委会' })
    expect(first.fields).toEqual(expect.arrayContaining(['address', 'idNumber', 'guardianPhone']))
    expect(people(accesses).find((p) => p.subjectType === 'volunteer')!.what).toEqual(['查看结对详情', '导出个人信息台账'])
    expect(accesses.every((a) => a.actorUserId === directorA.userId)).toBe(true)
  })

  it('keeps to the time window', async () => {
    const accesses = await affectedBy(t.prisma, { accounts: [directorA.userId], ips: [], from: t0, to: new Date(t0.getTime() + 10 * 60_000) })
    expect(accesses.map((a) => [a.name, a.what])).toEqual([['韦一', '查看完整档案'], ['韦一', '显示完整信息']])
  })

  it('lists what was seen from an address, whoever was signed in', async () => {
    const accesses = await affectedBy(t.prisma, { accounts: [], ips: [HOSTILE_IP] })
    expect(accesses.map((a) => [a.subjectId, a.what, a.ip])).toEqual([[c4, '查看完整档案', HOSTILE_IP]])
  })

  it('derives, and says so, who an export held when it was made before exports recorded their people', async () => {
    const civil = await t.prisma.user.create({ data: { displayName: '旧导出人' } })
    await t.prisma.auditLog.create({
      data: { at: t.clock.now(), actorUserId: civil.id, actorRole: 'civil_affairs', action: 'export.child_ledger', result: 'success', targetType: 'region', targetId: `${SIBLING}:2026`, fieldsRevealed: ['idNumber'] },
    })
    const accesses = await affectedBy(t.prisma, { accounts: [civil.id], ips: [] })
    expect(accesses.map((a) => [a.subjectId, a.basis])).toEqual([[c4, 'derived']])
  })

  it('writes the listing as XLSX and CSV for notification, and audits that it was made', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'qstx-affected-'))
    try {
      const env = { PATH: process.env.PATH!, HOME: os.tmpdir(), NODE_ENV: 'test', DATABASE_URL: t.databaseUrl }
      const cli = path.join(ROOT_DIR, 'server/src/modules/audit/cli-affected.ts')
      const { stdout } = await run(path.join(ROOT_DIR, 'node_modules/.bin/tsx'), [cli, '--account', directorA.userId, '--to', '2026-03-02', '--out', out], { env })
      expect(stdout).toContain('3 children and 1 volunteers in 8 accesses')
      const files = readdirSync(out).sort()
      expect(files).toEqual([expect.stringMatching(/^affected-\d{14}\.csv$/), expect.stringMatching(/^affected-\d{14}\.xlsx$/)])
      for (const f of files) expect(statSync(path.join(out, f)).mode & 0o777).toBe(0o600)

      const wb = await loadWorkbook(readFileSync(path.join(out, files[1]!)))
      const summary = wb.getWorksheet('受影响人员')!
      expect(summary.getRow(1).values).toContain('涉及敏感字段')
      const line = summary.getRows(2, summary.rowCount - 1)!.map((r) => r.values as unknown[]).find((v) => v.includes('韦一'))!
      expect(line).toEqual(expect.arrayContaining(['儿童', '古顶村委会', VILLAGE, c1, 3, '查看完整档案、显示完整信息、导出个人信息台账', '审计记录']))
      expect(wb.getWorksheet('访问明细')!.rowCount).toBe(9)

      const csv = readFileSync(path.join(out, files[0]!), 'utf8')
      expect(csv.startsWith('\uFEFF时间,账号,账号名称')).toBe(true)
      const rows = csv.trim().split('\r\n')
      expect(rows).toHaveLength(9)
      expect(rows.find((r) => r.includes('显示完整信息'))).toMatch(/^2026-03-02 10:00:00,.*,儿童主任,10\.9\.9\.9,显示完整信息,住址,儿童,韦一,古顶村委会,/)
      const listed = await t.prisma.auditLog.findFirst({ where: { action: 'audit.affected_listing' } })
      expect(listed).toMatchObject({ targetId: `account=${directorA.userId}`, actorUserId: null })
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  }, 60_000)

  it('refuses to run without an account or an address, and names a bad time', async () => {
    const cli = path.join(ROOT_DIR, 'server/src/modules/audit/cli-affected.ts')
    const env = { PATH: process.env.PATH!, HOME: os.tmpdir(), NODE_ENV: 'test', DATABASE_URL: t.databaseUrl }
    const fail = (args: string[]) => run(path.join(ROOT_DIR, 'node_modules/.bin/tsx'), [cli, ...args], { env }).then(() => '', (e: { stderr: string }) => e.stderr)
    expect(await fail([])).toMatch(/usage: npm run audit:affected -- --account/)
    expect(await fail(['--ip', HOSTILE_IP, '--from', 'yesterday'])).toContain('--from must be a date (2026-03-01) or a time')
    expect(await fail(['--account', 'nobody-here'])).toContain('no account "nobody-here"')
  }, 60_000)
})
