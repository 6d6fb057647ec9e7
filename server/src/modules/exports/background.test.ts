import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXPORT_DIRECT_MAX, type ExportJob } from '@qstx/shared'
import { BENCH_COUNTY, generateCounty } from '../../../../test/bench/fixtures/children'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { bearer, nextClientAddress, tokenFor } from '../../../../test/helpers/personas'
import { cellTexts, loadWorkbook, tableRow } from '../../../../test/helpers/xlsx'
import { TABLE_SHEET } from './child-ledger-xlsx'
import { purgeExports } from './jobs'

let t: TestContext
let civil: string
const CHILDREN = EXPORT_DIRECT_MAX + 100

beforeAll(async () => {
  t = await buildTestApp()
  // A county just over the direct-export limit (the bench's generator, made smaller).
  await generateCounty(t.prisma, t.keyring, { children: CHILDREN, townships: 2, villagesPerTownship: 3 })
  civil = await tokenFor(t.app, { role: 'civil_affairs', regionCode: BENCH_COUNTY })
}, 120_000)
afterAll(() => t.close())

const get = (token: string | undefined, url: string) => t.app.inject({ method: 'GET', url, headers: token ? bearer(token) : {}, remoteAddress: nextClientAddress() })

describe('a large export runs in the background', () => {
  let job: ExportJob

  it('answers 202 with the export to watch, and the same export when asked again', async () => {
    const res = await get(civil, '/api/exports/child-ledger.xlsx?year=2026')
    expect(res.statusCode).toBe(202)
    job = res.json()
    expect(job).toMatchObject({ kind: 'child_ledger', format: 'xlsx', status: 'queued', progress: 0, rows: CHILDREN, rowsDone: 0, download: null })
    expect(res.headers.location).toBe(`/api/exports/${job.id}`)
    expect((await get(civil, '/api/exports/child-ledger.xlsx?year=2026')).json().id).toBe(job.id)
    const audit = await t.prisma.auditLog.findMany({ where: { action: 'export.child_ledger' } })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ targetType: 'export', targetId: job.id })
  })

  it('refuses a person-per-sheet layout that large', async () => {
    const res = await get(civil, '/api/exports/child-ledger.xlsx?layout=both')
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toContain('请按乡镇或村导出')
  })

  it('shows its status to its owner only', async () => {
    const other = await tokenFor(t.app, { role: 'civil_affairs', regionCode: '450225000000' })
    expect((await get(other, `/api/exports/${job.id}`)).statusCode).toBe(404)
    expect((await get(undefined, `/api/exports/${job.id}`)).statusCode).toBe(401)
    expect((await get(civil, `/api/exports/${job.id}`)).json()).toMatchObject({ status: 'queued' })
  })

  it('makes the file in the worker, sealed at rest, and hands out a link that works without signing in', async () => {
    await t.runJobs()
    const done = (await get(civil, `/api/exports/${job.id}`)).json() as ExportJob
    expect(done).toMatchObject({ status: 'done', progress: 100, rows: CHILDREN, rowsDone: CHILDREN, error: null })
    expect(done.download!.url).toMatch(/^\/api\/exports\/download\/[A-Za-z0-9_-]{43}$/)
    expect(done.download!.expiresAt).toBe(new Date(t.clock.now().getTime() + 3_600_000).toISOString())

    const pieces = await t.prisma.exportChunk.findMany({ where: { exportId: job.id }, orderBy: { seq: 'asc' } })
    expect(pieces.length).toBeGreaterThan(0)
    expect(Buffer.from(pieces[0]!.data).subarray(0, 2).toString()).not.toBe('PK') // not a plain zip

    const file = await get(undefined, done.download!.url)
    expect(file.statusCode).toBe(200)
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('测压县'))
    const wb = await loadWorkbook(file.rawPayload)
    // Beyond EXPORT_SHEETS_MAX the workbook is the table alone.
    expect(wb.worksheets.map((s) => s.name)).toEqual([TABLE_SHEET])
    const sheet = wb.getWorksheet(TABLE_SHEET)!
    expect(sheet.rowCount).toBe(3 + CHILDREN + 1)
    expect(tableRow(sheet, 3, 4)['序号']).toBe('1')
    expect(tableRow(sheet, 3, 4)['身份证号']).toMatch(/^459901\d{11}[\dX]$/)
    expect(cellTexts(sheet).at(-1)).toBe('本表涉及个人信息，要妥善管理，严禁泄露。')

    const download = await t.prisma.auditLog.findFirstOrThrow({ where: { action: 'export.download' } })
    expect(download).toMatchObject({ targetType: 'export', targetId: job.id, actorRole: 'civil_affairs', regionCode: BENCH_COUNTY })
    expect(download.fieldsRevealed).toContain('idNumber')
    // Who the file held is on record with it, for a breach listing (modules/audit/affected.ts).
    const held = await t.prisma.auditSubject.groupBy({ by: ['subjectType'], where: { exportId: job.id }, _count: true })
    expect(held.find((h) => h.subjectType === 'child')?._count).toBe(CHILDREN)
  })

  it('lets the link and the file expire after an hour', async () => {
    const url = (await get(civil, `/api/exports/${job.id}`)).json().download.url as string
    t.clock.advance(61 * 60_000)
    civil = await tokenFor(t.app, { role: 'civil_affairs', regionCode: BENCH_COUNTY }) // the desk session idled out meanwhile
    expect((await get(civil, `/api/exports/${job.id}`)).json()).toMatchObject({ status: 'expired', download: null })
    expect((await get(undefined, url)).statusCode).toBe(404)
    expect(await purgeExports({ prisma: t.prisma, clock: t.clock, keyring: t.keyring })).toBe(1)
    expect(await t.prisma.exportChunk.count({ where: { exportId: job.id } })).toBe(0)
    expect((await t.prisma.export.findUniqueOrThrow({ where: { id: job.id } })).status).toBe('expired')
    expect((await get(undefined, '/api/exports/download/' + 'x'.repeat(43))).statusCode).toBe(404)
  })

  it('makes no file when its owner lost the role in the meantime', async () => {
    const res = await get(civil, '/api/exports/child-ledger.xlsx?year=2026')
    expect(res.statusCode).toBe(202)
    expect(res.json().id).not.toBe(job.id)
    await t.prisma.roleAssignment.updateMany({ where: { role: 'civil_affairs', regionCode: BENCH_COUNTY }, data: { revokedAt: t.clock.now() } })
    await t.runJobs()
    const row = await t.prisma.export.findUniqueOrThrow({ where: { id: res.json().id } })
    expect(row).toMatchObject({ status: 'failed', error: '导出人的角色已变更，文件未生成', tokenHash: null })
  })
})
