import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '@qstx/shared'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { registerChild } from '../../../../test/helpers/children'
import { bearer, tokenFor } from '../../../../test/helpers/personas'
import { volunteerRow } from '../../../../test/helpers/volunteers'
import { allCellTexts, cellTexts, loadWorkbook, tableRow } from '../../../../test/helpers/xlsx'
import { PAIRING_LEDGER_SHEET, pairingLedgerHeaders } from './pairing-ledger'

let t: TestContext
const VILLAGE = '450225101201'
const SIBLING = '450225101202'
const TOWNSHIP = '450225101000'
const COUNTY = '450225000000'
const as = (role: Role, regionCode: string) => tokenFor(t.app, { role, regionCode })
const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) })
let idNumber: string

beforeAll(async () => {
  t = await buildTestApp()
  const paired = await registerChild(t.app, VILLAGE, { name: '韦结对', priorityReasons: ['orphan'] })
  const former = await registerChild(t.app, VILLAGE, { name: '韦曾结对' })
  idNumber = t.keyring.decrypt((await t.prisma.child.findUniqueOrThrow({ where: { id: paired.id } })).idNumberEnc!)
  const volunteer = await volunteerRow(t, { status: 'approved', regionCode: TOWNSHIP, checksDone: true })
  await t.prisma.volunteer.update({ where: { id: volunteer.id }, data: { realName: '王秀兰', kind: 'love_mother', phoneEnc: t.keyring.encrypt('13911112222'), workUnit: '和睦镇妇联' } })
  const approver = await t.prisma.user.create({ data: { displayName: '陈丽' } })
  const at = (d: string) => new Date(`${d}T02:00:00Z`)
  await t.prisma.pairing.create({
    data: {
      childId: paired.id, volunteerId: volunteer.id, villageCode: VILLAGE, state: 'active', proposedAt: at('2026-01-10'), approvedAt: at('2026-01-15'),
      approvedById: approver.id, startDate: new Date('2026-01-16T00:00:00Z'), stateChangedAt: at('2026-01-15'),
    },
  })
  await t.prisma.pairing.create({
    data: {
      childId: former.id, volunteerId: volunteer.id, villageCode: VILLAGE, state: 'ended', proposedAt: at('2025-05-01'), approvedAt: at('2025-05-03'),
      startDate: new Date('2025-05-04T00:00:00Z'), endedAt: at('2026-02-01'), endReason: 'volunteer_moved', endNote: '搬到县城居住', stateChangedAt: at('2026-02-01'),
    },
  })
})
afterAll(() => t.close())

describe('GET /api/exports/pairing-ledger.xlsx', () => {
  it('lists every pairing of the region with volunteer, unit, director, dates, status, visits and end reason', async () => {
    const res = await get(await as('civil_affairs', COUNTY), '/api/exports/pairing-ledger.xlsx')
    expect(res.statusCode).toBe(200)
    const sheet = (await loadWorkbook(res.rawPayload)).getWorksheet(PAIRING_LEDGER_SHEET)!
    expect(cellTexts(sheet)[0]).toMatch(/^融水苗族自治县牵手“童”行结对台账（截至2026-03-02）$/)
    expect(Object.keys(tableRow(sheet, 2, 3))).toEqual(pairingLedgerHeaders('full'))
    const [first, second] = [tableRow(sheet, 2, 3), tableRow(sheet, 2, 4)]
    expect(first).toMatchObject({
      序号: '1', '所属村（社区）': '古顶村委会', 儿童姓名: '韦曾结对', 状态: '已结束', 结束日期: '2026年2月1日', 结束原因: '志愿者迁离：搬到县城居住',
    })
    expect(second).toMatchObject({
      儿童姓名: '韦结对', 性别: '女', 年龄: '10', 身份证号: idNumber, 儿童类别: '农村留守儿童', 重点关爱情形: '孤儿',
      '监护人及电话': '父亲：韦大山 13800001111；母亲：梁秀英 13900002222',
      结对人员: '王秀兰', 志愿者类别: '爱心妈妈（巾帼志愿者）', 结对人员电话: '13911112222', '所在单位（团队）': '和睦镇妇联', 儿童主任姓名及电话: '测试儿童主任 07725123456',
      提出结对日期: '2026年1月10日', 批准日期: '2026年1月15日', 批准人: '陈丽', 结对开始日期: '2026年1月16日', 状态: '结对中', 结束原因: '',
      已确认走访次数: '0', '服务时长（小时，平台记录）': '0',
    })
    expect(cellTexts(sheet).at(-1)).toBe('本表涉及个人信息，要妥善管理，严禁泄露。')
  })

  it('gives a coordinator no ID number, address or guardian phone anywhere', async () => {
    const res = await get(await as('coordinator', COUNTY), '/api/exports/pairing-ledger.xlsx')
    const wb = await loadWorkbook(res.rawPayload)
    expect(Object.keys(tableRow(wb.getWorksheet(PAIRING_LEDGER_SHEET)!, 2, 3))).toEqual(pairingLedgerHeaders('working'))
    for (const text of allCellTexts(wb)) {
      expect(text.replace(/\D/g, '')).not.toContain(idNumber.slice(0, 17))
      expect(text).not.toContain('13800001111')
      expect(text).not.toContain('13900002222')
      expect(text).not.toContain('3组12号')
    }
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: 'export.pairing_ledger', actorRole: 'coordinator' } })
    expect(audit.fieldsRevealed).toEqual(['volunteerPhone'])
  })

  it('only reaches pairings inside the viewer\'s region; volunteers and group leaders get 403', async () => {
    const wb = await loadWorkbook((await get(await as('child_director', SIBLING), '/api/exports/pairing-ledger.xlsx')).rawPayload)
    expect(wb.getWorksheet(PAIRING_LEDGER_SHEET)!.rowCount).toBe(3) // title, header, footnote
    const year = await loadWorkbook((await get(await as('supervisor', TOWNSHIP), '/api/exports/pairing-ledger.xlsx?year=2025')).rawPayload)
    expect(tableRow(year.getWorksheet(PAIRING_LEDGER_SHEET)!, 2, 3)['儿童姓名']).toBe('韦曾结对')
    expect(year.getWorksheet(PAIRING_LEDGER_SHEET)!.rowCount).toBe(4)
    for (const role of ['volunteer', 'group_leader'] as const) {
      expect((await get(await as(role, VILLAGE), '/api/exports/pairing-ledger.xlsx')).statusCode).toBe(403)
    }
    expect((await get(await as('child_director', VILLAGE), `/api/exports/pairing-ledger.xlsx?regionCode=${COUNTY}`)).statusCode).toBe(404)
  })
})
