import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LEDGER_FIELDS, LEDGER_FOOTNOTE, LEDGER_LABELS, type Role } from '@qstx/shared'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { registerChild } from '../../../../test/helpers/children'
import { bearer, tokenFor } from '../../../../test/helpers/personas'
import { volunteerRow } from '../../../../test/helpers/volunteers'
import { allCellTexts, cellTexts, loadWorkbook, tableRow, valueRightOf } from '../../../../test/helpers/xlsx'
import { TABLE_SHEET } from './child-ledger-xlsx'

let t: TestContext
const VILLAGE = '450225101201' // 古顶村
const SIBLING = '450225101202'
const TOWNSHIP = '450225101000'
const COUNTY = '450225000000'
const as = (role: Role, regionCode: string) => tokenFor(t.app, { role, regionCode })
const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) })

let child: { id: string; idNumber: string }

beforeAll(async () => {
  t = await buildTestApp()
  // Late in the year, so the director has visited in every quarter.
  t.clock.set('2026-11-20T02:00:00Z')
  const file = await registerChild(t.app, VILLAGE, {
    name: '韦小花',
    assistance: [{ kind: 'dibao', yuanPerMonth: 300 }],
    educationAid: '学费减免',
    socialSupport: '爱心企业捐赠书包',
    careGiven: '送去学习用品和冬衣',
    otherNotes: '祖母腿脚不便，需重点关注',
    psychBehaviour: '性格内向',
  })
  child = { id: file.id, idNumber: (await t.keyring.decrypt((await t.prisma.child.findUniqueOrThrow({ where: { id: file.id } })).idNumberEnc!))! }
  const director = await as('child_director', VILLAGE)
  const visit = (body: object) => t.app.inject({ method: 'POST', url: `/api/children/${file.id}/visits`, headers: bearer(director), payload: body })
  for (const v of [
    { kind: 'home_visit', visitedOn: '2026-02-10', problems: '作业无人辅导', measures: '联系学校老师每周辅导' },
    { kind: 'contact', visitedOn: '2026-03-15', problems: '情绪低落', measures: '电话安抚并约定入户' },
    { kind: 'home_visit', visitedOn: '2026-05-20', problems: '房屋漏雨', measures: '报村委会维修' },
    { kind: 'home_visit', visitedOn: '2026-08-08', measures: '暑期防溺水教育' },
    { kind: 'home_visit', visitedOn: '2026-11-02', problems: '冬衣不足', measures: '联系爱心企业捐赠' },
  ]) expect((await visit(v)).statusCode).toBe(201)
  // The pairing block: an approved love mother, active since March.
  const volunteer = await volunteerRow(t, { status: 'approved', regionCode: TOWNSHIP, checksDone: true })
  await t.prisma.volunteer.update({ where: { id: volunteer.id }, data: { realName: '王秀兰', phoneEnc: t.keyring.encrypt('13911112222'), workUnit: '和睦镇妇联' } })
  const at = new Date('2026-03-02T02:00:00Z')
  await t.prisma.pairing.create({
    data: { childId: file.id, volunteerId: volunteer.id, villageCode: VILLAGE, state: 'active', proposedAt: at, approvedAt: at, startDate: new Date('2026-03-02T00:00:00Z'), stateChangedAt: at },
  })
})
afterAll(() => t.close())

describe('GET /api/exports/child-ledger.xlsx', () => {
  it('gives county civil affairs the official form, one sheet per child, with every label, the pairing block and the Q1–Q4 visits', async () => {
    const res = await get(await as('civil_affairs', COUNTY), '/api/exports/child-ledger.xlsx?year=2026')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('2026年农村留守儿童和困境儿童个人信息台账-融水苗族自治县.xlsx')}`)
    expect(res.headers['cache-control']).toBe('no-store')
    const wb = await loadWorkbook(res.rawPayload)
    expect(wb.worksheets.map((s) => s.name)).toEqual([TABLE_SHEET, '1 韦小花'])

    const form = wb.getWorksheet('1 韦小花')!
    const texts = cellTexts(form)
    expect(texts[0]).toBe('2026年农村留守儿童和困境儿童个人信息台账')
    for (const label of LEDGER_LABELS) expect(texts, label).toContain(label)
    expect(texts.at(-1)).toBe(LEDGER_FOOTNOTE)
    expect(form.headerFooter.oddFooter).toContain(LEDGER_FOOTNOTE)

    const v = (label: string, nth = 0) => valueRightOf(form, label, nth)
    expect(v('姓名')).toBe('韦小花')
    expect(v('性别')).toBe('□男  ■女')
    expect(v('民族')).toBe('苗族')
    expect(v('出生年月')).toBe('2015年6月1日')
    expect(v('身份证号')).toBe(child.idNumber)
    expect(v('家庭地址')).toBe('广西融水苗族自治县古顶村3组12号')
    expect(v('户籍类别')).toBe('■农村户籍  □城市户籍')
    expect(v('儿童类别')).toBe('■农村留守儿童  □困境儿童，具体类别：')
    expect(v('是否单亲家庭')).toBe('□是，单亲母亲/父亲家庭  ■否')
    expect(v('就学情况')).toBe('小学4年级（古顶小学）')
    expect(v('寄宿情况')).toBe('□寄宿生  ■非寄宿生')
    expect(v('监护情况')).toBe('由祖母照顾')
    expect(v('健康状况')).toMatch(/^■健康  □一般或较弱/)
    expect(v('日常心理和行为情况')).toBe('性格内向')
    expect(v('享受救助情况')).toBe('□孤儿  □事实无人抚养儿童  ■低保 300元/月  □特困 元/月  □残疾 元/月  □临时 元/月  □其他 元/月  □无')
    expect(v('教育救助情况')).toBe('学费减免')
    expect(v('监护人姓名及电话')).toBe('父亲：韦大山 13800001111  母亲：梁秀英 13900002222')
    expect(v('监护人健康状况')).toBe('■健康  □不健康，患病情况')
    expect(v('职业')).toBe('父亲：建筑工人；母亲：电子厂工人')
    expect(v('家庭收入人均（元/年）')).toBe('6000')
    expect(v('社会力量帮扶情况')).toBe('爱心企业捐赠书包')
    expect(v('留守儿童委托监护人情况')).toBe('■祖父母、外祖父母  □亲戚朋友  □无委托人照护')
    expect(v('委托照料原因情况')).toBe('■父母双方同时外出  □父母一方外出，另一方无监护能力  □父母双方无监护能力')
    expect(v('委托照料情况')).toBe('□较好  ■一般  □差')
    // 牵手“童”行: the love mother and her unit, the village's director and the work phone.
    expect(v('结对人员姓名及电话')).toBe('王秀兰 13911112222')
    expect(v('结对人员所在单位')).toBe('和睦镇妇联')
    expect(v('儿童主任姓名及电话')).toBe('测试儿童主任 07725123456')
    // Q1 had two visits: both listed, numbered alike in the three boxes.
    expect(v('一季度走访时间')).toBe('① 2026年2月10日（入户）\n② 2026年3月15日（联系）')
    expect(v('发现的问题', 0)).toBe('① 作业无人辅导\n② 情绪低落')
    expect(v('解决措施', 0)).toBe('① 联系学校老师每周辅导\n② 电话安抚并约定入户')
    expect(v('二季度走访时间')).toBe('2026年5月20日（入户）')
    expect(v('发现的问题', 1)).toBe('房屋漏雨')
    expect(v('三季度走访时间')).toBe('2026年8月8日（入户）')
    expect(v('发现的问题', 2)).toBe('')
    expect(v('解决措施', 2)).toBe('暑期防溺水教育')
    expect(v('四季度走访时间')).toBe('2026年11月2日（入户）')
    expect(v('解决措施', 3)).toBe('联系爱心企业捐赠')
    expect(v('关爱帮扶情况')).toBe('送去学习用品和冬衣')
    expect(v('其他说明情况')).toBe('祖母腿脚不便，需重点关注')
    expect(v('建档人签名')).toBe('测试儿童主任')
    expect(v('建档时间')).toBe('2026年11月20日')
  })

  it('puts one row per child in the table sheet, the form\'s labels as its columns', async () => {
    const res = await get(await as('supervisor', TOWNSHIP), '/api/exports/child-ledger.xlsx?layout=table')
    const wb = await loadWorkbook(res.rawPayload)
    expect(wb.worksheets.map((s) => s.name)).toEqual([TABLE_SHEET])
    const sheet = wb.getWorksheet(TABLE_SHEET)!
    const headers = cellTexts(sheet).slice(0, 400)
    for (const f of LEDGER_FIELDS) expect(headers, f.label).toContain(f.tableLabel ?? f.label)
    for (const section of ['儿童基本信息', '家庭信息', '牵手“童”行结对信息', '走访情况']) expect(headers).toContain(section)
    const row = tableRow(sheet, 3, 4)
    expect(row).toMatchObject({
      序号: '1', '所属村（社区）': '古顶村委会', 姓名: '韦小花', 性别: '女', 身份证号: child.idNumber, 户籍类别: '农村户籍', 儿童类别: '农村留守儿童',
      享受救助情况: '低保 300元/月', 结对人员姓名及电话: '王秀兰 13911112222', 一季度走访时间: '① 2026年2月10日（入户）\n② 2026年3月15日（联系）',
      四季度解决措施: '联系爱心企业捐赠', 档案版本: '当前档案',
    })
    expect(cellTexts(sheet).at(-1)).toBe(LEDGER_FOOTNOTE)
  })

  it('gives a coordinator the working fields only: no ID number, address or guardian anywhere in the file', async () => {
    const res = await get(await as('coordinator', COUNTY), '/api/exports/child-ledger.xlsx')
    expect(res.statusCode).toBe(200)
    const wb = await loadWorkbook(res.rawPayload)
    const texts = allCellTexts(wb)
    const digits = child.idNumber.slice(0, 17)
    for (const text of texts) {
      expect(text.replace(/\D/g, '')).not.toContain(digits)
      expect(text).not.toContain(child.idNumber.slice(-6))
      expect(text).not.toContain('13800001111')
      expect(text).not.toContain('3组12号')
    }
    const form = wb.getWorksheet('1 韦小花')!
    expect(valueRightOf(form, '身份证号')).toBe('—')
    expect(valueRightOf(form, '结对人员姓名及电话')).toBe('王秀兰 13911112222')
    const headers = Object.keys(tableRow(wb.getWorksheet(TABLE_SHEET)!, 3, 4))
    expect(headers).toEqual(['序号', '所属村（社区）', '姓名', '性别', '儿童类别', '结对人员姓名及电话', '结对人员所在单位', '儿童主任姓名及电话', '档案版本'])
    expect(headers).not.toContain('身份证号')
    expect(headers).toContain('结对人员姓名及电话')
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: 'export.child_ledger', actorRole: 'coordinator' } })
    expect(audit.fieldsRevealed).toEqual(['volunteerPhone'])
  })

  it('audits each export with the sensitive columns it holds', async () => {
    const rows = await t.prisma.auditLog.findMany({ where: { action: 'export.child_ledger', actorRole: 'civil_affairs' } })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ result: 'success', targetType: 'region', targetId: `${COUNTY}:2026`, regionCode: COUNTY })
    expect(rows[0]!.fieldsRevealed).toEqual(expect.arrayContaining(['idNumber', 'address', 'guardianPhone']))
  })

  it('refuses volunteers and group leaders (403) and regions outside the viewer\'s (404)', async () => {
    for (const role of ['volunteer', 'group_leader', 'admin'] as const) {
      expect((await get(await as(role, VILLAGE), '/api/exports/child-ledger.xlsx')).statusCode, role).toBe(403)
    }
    expect((await get(await as('child_director', SIBLING), `/api/exports/child-ledger.xlsx?regionCode=${VILLAGE}`)).statusCode).toBe(404)
    expect((await get(await as('child_director', VILLAGE), `/api/exports/child-ledger.xlsx?regionCode=${TOWNSHIP}`)).statusCode).toBe(404)
    expect((await get(await as('child_director', VILLAGE), '/api/exports/child-ledger.xlsx?year=2027')).statusCode).toBe(400)
  })

  it('limits exports to ten a minute per person', async () => {
    // Nobody else in this file exports as this person: the budget is theirs alone.
    const director = await as('supervisor', '450225102000')
    const codes: number[] = []
    for (let i = 0; i < 11; i++) codes.push((await get(director, '/api/exports/child-ledger.xlsx?layout=table')).statusCode)
    expect(codes).toEqual([...Array(10).fill(200), 429])
  })
})

describe('GET /api/exports/child-ledger.pdf', () => {
  it('prints one form per child with a CJK font, the footnote on every page', async () => {
    const res = await get(await as('child_director', VILLAGE), `/api/exports/child-ledger.pdf?childId=${child.id}`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('韦小花.pdf'))
    const pdf = res.rawPayload
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const text = pdf.toString('latin1')
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+(NotoSansCJKsc|NotoSerifCJKsc|WenQuanYi)/)
    expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(1)
  })

  it('answers 404 for a child outside the viewer\'s region', async () => {
    expect((await get(await as('child_director', '450225102201'), `/api/exports/child-ledger.pdf?childId=${child.id}`)).statusCode).toBe(404)
  })
})

describe('an archived year', () => {
  it('exports the snapshot as handed over, not the file as it is now', async () => {
    const director = await as('child_director', SIBLING)
    t.clock.set('2025-06-01T02:00:00Z')
    const old = await registerChild(t.app, SIBLING, { name: '覃往年', careGiven: '2025年送去学习用品' })
    t.clock.set('2026-01-15T02:00:00Z')
    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: bearer(director), payload })
    expect((await post(`/api/children/${old.id}/complete`, { year: 2025 })).statusCode).toBe(200)
    const live = await t.prisma.child.findUniqueOrThrow({ where: { id: old.id } })
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/children/${old.id}`, headers: bearer(director), payload: { version: live.version, careGiven: '2026年新的帮扶' } })
    expect(patched.statusCode).toBe(200)
    expect((await post('/api/children/handover', { year: 2025 })).statusCode).toBe(200)
    t.clock.set('2026-11-20T02:00:00Z')

    const res = await get(await as('supervisor', TOWNSHIP), `/api/exports/child-ledger.xlsx?year=2025&regionCode=${SIBLING}`)
    const wb = await loadWorkbook(res.rawPayload)
    const form = wb.getWorksheet('1 覃往年')!
    expect(cellTexts(form)[0]).toBe('2025年农村留守儿童和困境儿童个人信息台账')
    expect(valueRightOf(form, '关爱帮扶情况')).toBe('2025年送去学习用品')
    expect(cellTexts(form)).toContain('所属村（社区）：安塘村委会    本页为已移交乡镇的年度档案')
    expect(tableRow(wb.getWorksheet(TABLE_SHEET)!, 3, 4)['档案版本']).toBe('已移交的年度档案')
    // The live year shows the file as it is now.
    const now = await loadWorkbook((await get(await as('supervisor', TOWNSHIP), `/api/exports/child-ledger.xlsx?year=2026&regionCode=${SIBLING}`)).rawPayload)
    expect(valueRightOf(now.getWorksheet('1 覃往年')!, '关爱帮扶情况')).toBe('2026年新的帮扶')
  })
})
