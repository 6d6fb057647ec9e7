import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACCEPTANCE_VERSIONS } from '@qstx/shared'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { bearer, tokenFor } from '../../../../test/helpers/personas'
import { api, fullForm, idNumber, submittedVolunteer, wechatUser } from '../../../../test/helpers/volunteers'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const me = (token: string) => api(t, token)('GET', '/api/volunteers/me')
const draft = (token: string, payload: object) => api(t, token)('PUT', '/api/volunteers/me/draft', payload)

/** Approves an application directly through the vetting routes, as a county coordinator would. */
async function approve(volunteerId: string) {
  const coordinator = await tokenFor(t.app, { role: 'coordinator', regionCode: '450225000000' })
  const call = api(t, coordinator)
  await call('PATCH', `/api/vetting/applications/${volunteerId}/checks`, {
    identityVerified: true, identityVerifiedOn: '2026-02-20', criminalRecordResult: 'clear', criminalRecordCheckedOn: '2026-02-25',
    trainingCompletedOn: '2026-02-28', trainingCourse: '爱心家长岗前培训',
  })
  const res = await call('POST', `/api/vetting/applications/${volunteerId}/decision`, { decision: 'approve', reason: '材料齐全，核查通过' })
  expect(res.statusCode).toBe(200)
}

describe('PUT /api/volunteers/me/draft', () => {
  it('saves part of a sign-up for a person without any role and says what is still missing', async () => {
    const u = await wechatUser(t)
    const id = idNumber('19740312', 'female')
    const res = await draft(u.token, { realName: '王秀兰', idNumber: id, gender: 'female', phone: '13800138000' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ status: 'draft', realName: '王秀兰', idNumberMasked: `**************${id.slice(-4)}`, phoneMasked: '138****8000' })
    expect(body.missing).toEqual(['kind', 'workUnit', 'serviceRegionCode', 'skills', 'availability', 'contactModes', 'acceptances.privacy', 'acceptances.pledge', 'acceptances.criminal_record'])
    // Later the rest; fields already saved keep their value.
    const more = await draft(u.token, { kind: 'love_mother', serviceRegionCode: '450225101000', acceptances: { privacy: ACCEPTANCE_VERSIONS.privacy } })
    expect(more.json()).toMatchObject({ realName: '王秀兰', kind: 'love_mother', serviceRegionName: '和睦镇', acceptances: { privacy: { current: true }, pledge: null } })
    expect((await me(u.token)).json().missing).not.toContain('realName')
  })

  it('stores the ID number and phone encrypted, with a keyed blind index, and shows only masks', async () => {
    const u = await wechatUser(t)
    const id = idNumber('19800101', 'male')
    await draft(u.token, { idNumber: id, gender: 'male', phone: '13912340000' })
    const row = await t.prisma.volunteer.findUniqueOrThrow({ where: { userId: u.userId } })
    expect(JSON.stringify(row)).not.toContain(id)
    expect(JSON.stringify(row)).not.toContain('13912340000')
    expect(t.keyring.decrypt(row.idNumberEnc!)).toBe(id)
    expect(row.idNumberIndex).toBe(t.keyring.blindIndex(id))
    expect((await me(u.token)).body).not.toContain(id)
  })

  it('takes the phone number from a WeChat getPhoneNumber code, once', async () => {
    const u = await wechatUser(t)
    const { code } = t.fakeWechat.mintPhoneCode({ phoneNumber: '13800138000' })
    expect((await draft(u.token, { phoneCode: code })).json().phoneMasked).toBe('138****8000')
    const again = await draft(u.token, { phoneCode: code })
    expect(again.statusCode).toBe(400)
    expect(again.json().fields).toEqual({ phoneCode: '手机号授权已失效，请重新点击获取手机号' })
    const foreign = t.fakeWechat.mintPhoneCode({ phoneNumber: '91234567', countryCode: '852' })
    expect((await draft(u.token, { phoneCode: foreign.code })).json().fields.phoneCode).toMatch(/中国大陆手机号/)
  })

  it('refuses a bad checksum, an impossible birth date, a malformed phone and both phone forms at once', async () => {
    const u = await wechatUser(t)
    const good = idNumber()
    const badCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1')
    const res = await draft(u.token, { idNumber: badCheck, phone: '1234' })
    expect(res.statusCode).toBe(400)
    expect(res.json().fields).toMatchObject({ idNumber: '身份证号校验位不对，请核对每一位数字', phone: '请填写11位中国大陆手机号' })
    expect((await draft(u.token, { idNumber: '450225198002301234' })).json().fields.idNumber).toBe('身份证号中的出生日期不存在')
    expect((await draft(u.token, { phone: '13800138000', phoneCode: 'abc' })).json().fields.phone).toBe('手机号只需提供一种方式')
    // Nothing was saved by any of these.
    expect((await me(u.token)).statusCode).toBe(404)
  })

  it('refuses someone under 18 on today\'s date in China, and accepts them on their 18th birthday', async () => {
    const u = await wechatUser(t)
    // The test clock is 2026-03-02 10:00 in China.
    const minor = await draft(u.token, { idNumber: idNumber('20080303', 'female') })
    expect(minor.statusCode).toBe(400)
    expect(minor.json().fields).toEqual({ idNumber: '爱心家长须年满18周岁' })
    expect((await draft(u.token, { idNumber: idNumber('20080302', 'female') })).statusCode).toBe(200)
  })

  it('refuses a gender that does not match the ID number, and a service area that is not a county or township', async () => {
    const u = await wechatUser(t)
    const res = await draft(u.token, { idNumber: idNumber('19800101', 'male'), gender: 'female', serviceRegionCode: '450225101201' })
    expect(res.statusCode).toBe(400)
    expect(res.json().fields).toEqual({ gender: '性别与身份证号不一致，请核对', serviceRegionCode: '请选择服务的县（区）或乡镇（街道）' })
    expect((await draft(u.token, { serviceRegionCode: '459999000000' })).json().fields.serviceRegionCode).toBeDefined()
    // The ID on file counts too: a later gender that contradicts it is refused.
    await draft(u.token, { idNumber: idNumber('19800101', 'male') })
    expect((await draft(u.token, { gender: 'female' })).json().fields).toEqual({ gender: '性别与身份证号不一致，请核对' })
  })

  it('refuses an ID number someone else already signed up with, with its own code', async () => {
    const first = await wechatUser(t)
    const second = await wechatUser(t)
    const id = idNumber('19850505', 'female')
    expect((await draft(first.token, { idNumber: id })).statusCode).toBe(200)
    const clash = await draft(second.token, { idNumber: id.toLowerCase(), realName: '李四妹' })
    expect(clash.statusCode).toBe(409)
    expect(clash.json()).toMatchObject({ code: 'ID_NUMBER_TAKEN', fields: { idNumber: '该身份证号已经报过名' } })
    // Not even the empty draft the save would have started exists.
    expect((await me(second.token)).statusCode).toBe(404)
  })

  it('refuses an acceptance of an outdated text, and unknown fields', async () => {
    const u = await wechatUser(t)
    const stale = await draft(u.token, { acceptances: { pledge: '2020-01' } })
    expect(stale.json().fields['acceptances.pledge']).toBe('条款已更新，请重新阅读后同意')
    expect((await draft(u.token, { status: 'approved' })).statusCode).toBe(400)
  })

  it('answers 401 without a session', async () => {
    expect((await api(t, undefined)('PUT', '/api/volunteers/me/draft', {})).statusCode).toBe(401)
  })
})

describe('POST /api/volunteers/me/submit', () => {
  it('names every missing field of an empty draft', async () => {
    const u = await wechatUser(t)
    await draft(u.token, {})
    const res = await api(t, u.token)('POST', '/api/volunteers/me/submit')
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('VOLUNTEER_INCOMPLETE')
    expect(Object.keys(res.json().fields)).toEqual([
      'realName', 'phone', 'idNumber', 'gender', 'kind', 'workUnit', 'serviceRegionCode', 'skills', 'availability', 'contactModes',
      'acceptances.privacy', 'acceptances.pledge', 'acceptances.criminal_record',
    ])
    expect(res.json().fields.phone).toBe('请提供手机号')
  })

  it('submits a complete application once; afterwards the draft route refuses', async () => {
    const u = await wechatUser(t)
    await draft(u.token, fullForm({ kind: 'individual', workUnit: undefined }))
    const res = await api(t, u.token)('POST', '/api/volunteers/me/submit')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'submitted', missing: [] })
    expect(res.json().submittedAt).toBe(t.clock.now().toISOString())
    expect((await api(t, u.token)('POST', '/api/volunteers/me/submit')).json().code).toBe('VOLUNTEER_NOT_EDITABLE')
    expect((await draft(u.token, { realName: '王秀芳' })).statusCode).toBe(409)
    const events = await t.prisma.volunteerEvent.findMany({ where: { volunteerId: res.json().id } })
    expect(events.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([['submit', 'draft', 'submitted']])
  })

  it('answers 404 with its own code to someone who never started', async () => {
    const u = await wechatUser(t)
    const res = await api(t, u.token)('POST', '/api/volunteers/me/submit')
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('VOLUNTEER_PROFILE_MISSING')
  })
})

describe('PATCH /api/volunteers/me', () => {
  it('keeps an approved volunteer approved when availability changes', async () => {
    const v = await submittedVolunteer(t)
    await approve(v.volunteerId)
    const res = await api(t, v.token)('PATCH', '/api/volunteers/me', { availability: ['evenings'], availabilityNote: '' })
    expect(res.json()).toMatchObject({ status: 'approved', availability: ['evenings'], availabilityNote: '' })
  })

  it('sends an approved volunteer back to vetting when the real name changes: checks reset, role taken away, audited', async () => {
    const v = await submittedVolunteer(t)
    await approve(v.volunteerId)
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(v.token) })).json().activeRole.role).toBe('volunteer')
    const res = await api(t, v.token)('PATCH', '/api/volunteers/me', { realName: '王秀芳' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'submitted', realName: '王秀芳' })
    const row = await t.prisma.volunteer.findUniqueOrThrow({ where: { id: v.volunteerId } })
    expect(row).toMatchObject({ identityVerified: false, criminalRecordResult: null })
    expect(row.trainingCompletedOn).not.toBeNull()
    expect(await t.prisma.roleAssignment.count({ where: { userId: v.userId, role: 'volunteer', revokedAt: null } })).toBe(0)
    expect(await t.prisma.auditLog.count({ where: { action: 'volunteer.revet', targetId: v.volunteerId } })).toBe(1)
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(v.token) })).json().activeRole).toBeNull()
  })

  it('sends an approved volunteer back to vetting when the ID number changes', async () => {
    const v = await submittedVolunteer(t)
    await approve(v.volunteerId)
    const res = await api(t, v.token)('PATCH', '/api/volunteers/me', { idNumber: idNumber('19740312', 'female') })
    expect(res.json().status).toBe('submitted')
  })

  it('refuses to empty a required field of a submitted application, and saves nothing', async () => {
    const v = await submittedVolunteer(t)
    const res = await api(t, v.token)('PATCH', '/api/volunteers/me', { skills: [], capacity: 3 })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'VOLUNTEER_INCOMPLETE', fields: { skills: '请至少选择一项特长' } })
    expect((await me(v.token)).json().capacity).toBe(2)
  })

  it('answers 404 to someone without an application', async () => {
    const u = await wechatUser(t)
    expect((await api(t, u.token)('PATCH', '/api/volunteers/me', { capacity: 1 })).json().code).toBe('VOLUNTEER_PROFILE_MISSING')
  })
})

describe('POST /api/volunteers/me/withdraw', () => {
  it('withdraws an approved volunteer, takes the role away and keeps the whole history', async () => {
    const v = await submittedVolunteer(t)
    await approve(v.volunteerId)
    const res = await api(t, v.token)('POST', '/api/volunteers/me/withdraw', { reason: '工作调动到外地' })
    expect(res.statusCode).toBe(200)
    expect(res.json().status).toBe('withdrawn')
    expect(await t.prisma.roleAssignment.count({ where: { userId: v.userId, role: 'volunteer', revokedAt: null } })).toBe(0)
    const events = await t.prisma.volunteerEvent.findMany({ where: { volunteerId: v.volunteerId }, orderBy: { id: 'asc' } })
    expect(events.map((e) => e.type)).toEqual(['submit', 'checks', 'approve', 'withdraw'])
    expect(events.at(-1)).toMatchObject({ fromStatus: 'approved', toStatus: 'withdrawn', reason: '工作调动到外地', actorUserId: v.userId })
    expect(await t.prisma.volunteerAcceptance.count({ where: { volunteerId: v.volunteerId } })).toBe(3)
    // History cannot be rewritten.
    await expect(t.prisma.volunteerEvent.deleteMany({ where: { volunteerId: v.volunteerId } })).rejects.toThrow(/append-only/)
    const again = await api(t, v.token)('POST', '/api/volunteers/me/withdraw', { reason: '再次退出' })
    expect(again.statusCode).toBe(409)
    expect((await api(t, v.token)('PATCH', '/api/volunteers/me', { capacity: 1 })).json().code).toBe('VOLUNTEER_NOT_EDITABLE')
  })

  it('needs a reason', async () => {
    const v = await submittedVolunteer(t)
    const res = await api(t, v.token)('POST', '/api/volunteers/me/withdraw', { reason: '' })
    expect(res.statusCode).toBe(400)
    expect(res.json().fields.reason).toBe('请填写原因（至少2个字）')
  })
})
