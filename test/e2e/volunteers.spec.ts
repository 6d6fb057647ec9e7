/**
 * Issue #5, done when: a volunteer signs up on a phone (a new WeChat user through the demo WeChat),
 * walking the wizard — a mistyped ID number is caught as she types, she leaves midway and finds her
 * draft when she comes back — and lands on her status page; a youth-league leader registers a team
 * and a member joins with its code on another phone and signs up; the county coordinator at her
 * desk approves one (after recording the three checks) and rejects the other with a reason; each
 * sees the outcome.
 */
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { ACCEPTANCE_TEXTS, idNumberCheckChar } from '@qstx/shared'
import { DEMO_PASSWORD } from '../../server/src/seed/personas'
import { acceptPrivacy, byId, deskSignIn, expectText, fill, screenshot, tap, useE2e } from './helpers'

const e2e = useE2e()

const HEMU = '450225101000'

// The coordinator's date pickers default to the browser's today; the server refuses check dates
// after its own today, so for this journey the server's clock is the real one too.
beforeAll(() => e2e.server.ctx.clock.set(new Date()))

/** Checksum-valid ID numbers, different on every run (the 3-digit sequence comes from the clock). */
const runSeq = Date.now() % 400
function idNumber(birth: string, sex: 'male' | 'female', n: number): string {
  const seq = ((runSeq + n) % 450) * 2 + (sex === 'male' ? 1 : 0)
  const first17 = `450225${birth}${String(seq).padStart(3, '0')}`
  return first17 + idNumberCheckChar(first17)
}
const wrongCheckChar = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0')

const WANG = { name: '王秀兰', id: idNumber('19740312', 'female', 1), phone: '13977100001' }
const MEMBER = { name: '韦小龙', id: idNumber('20000505', 'male', 2), phone: '13977100002' }
const TEAM = { name: '融水三中“童心港湾”志愿服务队', parent: '共青团融水苗族自治县委员会' }
const REJECT_REASON = '本期结对名额已满，欢迎明年再报名。'

/** Pages shared by the tests of this file, in the order the journey meets them. */
let wang: Page
let leader: Page
let member: Page

const url = (route: string) => new URL(route, e2e.url).toString()

/**
 * A screenshot once the page holding `id` has finished sliding in: Taro's H5 router animates each
 * new page from the right (300 ms), and a picture taken during that shows half a page or none.
 */
async function shot(page: Page, id: string, name: string) {
  const settled = () => byId(page, id).evaluate((el) => el.closest('.taro_page')?.getBoundingClientRect().left ?? 0)
  await expect.poll(settled).toBe(0)
  await screenshot(page, name)
}

async function next(page: Page, expectStep: number) {
  await tap(page, 'signup-next')
  await expectText(page, 'signup-progress', `第${expectStep}步，共11步`)
}

async function tick(page: Page, doc: 'privacy' | 'pledge' | 'criminal_record', step: number) {
  await expectText(page, `accept-${doc}`, ACCEPTANCE_TEXTS[doc].agree)
  await tap(page, `accept-${doc}`)
  await next(page, step)
}

/** From the first step to the status page, for a member whose kind and area the team already set. */
async function signUpMember(page: Page) {
  await expectText(page, 'signup-progress', '第1步，共11步')
  await tick(page, 'privacy', 2)
  await fill(page, 'signup-name', MEMBER.name)
  await fill(page, 'signup-id', MEMBER.id)
  await expectText(page, 'signup-id-ok', /2000年5月5日出生，男/)
  await next(page, 3)
  await fill(page, 'signup-phone', MEMBER.phone)
  await next(page, 4)
  // Joining a youth-league team made him a youth volunteer serving the team's county: already chosen.
  await expect.poll(() => byId(page, 'kind-youth').getAttribute('class')).toMatch(/choice__chip--selected/)
  await fill(page, 'signup-work-unit', '融水县第三中学')
  await next(page, 5)
  await expectText(page, 'area-picked', '融水苗族自治县')
  await next(page, 6)
  await tap(page, 'skill-study')
  await tap(page, 'skill-sport_play')
  await next(page, 7)
  await tap(page, 'slot-weekends')
  await next(page, 8)
  await tap(page, 'contact-group_activity')
  await next(page, 9)
  await tick(page, 'pledge', 10)
  await tick(page, 'criminal_record', 11)
  await tap(page, 'signup-submit')
  await page.waitForURL(/\/packages\/volunteer\/pages\/status\/index/)
  await expectText(page, 'status-label', '审核中')
}

describe('volunteers', () => {
  it('王阿姨 signs up step by step, leaves midway, finds her draft and submits', async () => {
    wang = await e2e.open('phone')
    await acceptPrivacy(wang)
    await tap(wang, 'wechat-demo-login')
    await wang.waitForURL(/\/pages\/home\/index/)
    await tap(wang, 'home-signup-link')
    await wang.waitForURL(/\/packages\/volunteer\/pages\/signup\/index/)

    // 1. The use of her data, agreed to explicitly before anything is asked.
    await expectText(wang, 'signup-progress', '第1步，共11步')
    await tap(wang, 'signup-next')
    await byId(wang, 'accept-privacy-error').waitFor()
    await tick(wang, 'privacy', 2)

    // 2. Name and ID number, checked as she types: a wrong check digit, then a minor, then right.
    await fill(wang, 'signup-name', WANG.name)
    await fill(wang, 'signup-id', WANG.id.slice(0, 10))
    await expect.poll(() => wang.locator('.field__hint', { hasText: '还差 8 位' }).count()).toBe(1)
    await fill(wang, 'signup-id', wrongCheckChar(WANG.id))
    await expectText(wang, 'signup-id-error', '身份证号校验位不对，请核对每一位数字')
    await shot(wang, 'signup-id-error', 'volunteer-signup-id-error-phone')
    const child = idNumber(`${new Date().getFullYear() - 12}0101`, 'female', 3)
    await fill(wang, 'signup-id', child)
    await expectText(wang, 'signup-id-error', '爱心家长须年满18周岁')
    await fill(wang, 'signup-id', WANG.id)
    await expectText(wang, 'signup-id-ok', /1974年3月12日出生，女/)
    expect(await byId(wang, 'signup-id-error').count()).toBe(0)
    await next(wang, 3)

    // 3–5. Phone (typed on H5), kind and work unit, the township picked from the county's list.
    await fill(wang, 'signup-phone', WANG.phone)
    await next(wang, 4)
    await tap(wang, 'kind-love_mother')
    await fill(wang, 'signup-work-unit', '和睦镇古顶村妇女小组')
    await next(wang, 5)
    await expectText(wang, 'area-current', '融水苗族自治县')
    await tap(wang, `area-${HEMU}`)
    await expectText(wang, 'area-picked', '和睦镇')
    await next(wang, 6)
    await expectText(wang, 'signup-step-title', '您擅长什么')

    // She leaves (the app is closed) and comes back later: the draft is on the server.
    await wang.goto(url('/pages/home/index'))
    await expectText(wang, 'home-signup-link', /继续报名/)
    await tap(wang, 'home-signup-link')
    await expectText(wang, 'signup-progress', '第6步，共11步')
    await expectText(wang, 'signup-step-title', '您擅长什么')
    await tap(wang, 'signup-back')
    await expectText(wang, 'area-picked', '和睦镇')
    await next(wang, 6)

    // 6–10. Skills, time, how she keeps in touch and how many children, the pledge, the declaration.
    await tap(wang, 'skill-reading')
    await tap(wang, 'skill-daily_care')
    await next(wang, 7)
    await tap(wang, 'slot-weekends')
    await tap(wang, 'slot-holidays')
    await fill(wang, 'signup-availability-note', '周六上午比较方便')
    await next(wang, 8)
    await tap(wang, 'contact-home_visit')
    await tap(wang, 'contact-phone_video')
    await tap(wang, 'capacity-2')
    await shot(wang, 'capacity-2', 'volunteer-signup-contact-phone')
    await next(wang, 9)
    await tick(wang, 'pledge', 10)
    await tick(wang, 'criminal_record', 11)

    // 11. Everything once more — ID number and phone masked — and submit.
    await expectText(wang, 'signup-step-title', '核对并提交')
    await expectText(wang, 'review-id', new RegExp(`\\*{14}${WANG.id.slice(-4)}$`))
    await expectText(wang, 'review-phone', '139****0001')
    expect(await wang.content()).not.toContain(WANG.id)
    await tap(wang, 'signup-submit')
    await wang.waitForURL(/\/packages\/volunteer\/pages\/status\/index/)
    await expectText(wang, 'status-label', '审核中')
    await expectText(wang, 'status-next', '融水苗族自治县妇联正在审核您的报名，一般需要3–5个工作日。')
    await expectText(wang, 'status-id', new RegExp(`${WANG.id.slice(-4)}$`))
    // No WeChat in a browser: no subscribe button pretending to work.
    expect(await byId(wang, 'status-subscribe').count()).toBe(0)
    await shot(wang, 'status-label', 'volunteer-status-submitted-phone')
  })

  it('a youth-league leader registers a team; a member joins with its code and signs up', async () => {
    // The test clock stands still: a minute later, so the queue's oldest-first order is defined.
    e2e.server.ctx.clock.advance(60_000)
    leader = await e2e.open('phone')
    await acceptPrivacy(leader)
    await tap(leader, 'wechat-demo-login')
    await leader.waitForURL(/\/pages\/home\/index/)
    await tap(leader, 'home-team-register-link')
    await tap(leader, 'team-submit')
    await byId(leader, 'team-name-error').waitFor()
    await fill(leader, 'team-name', TEAM.name)
    await tap(leader, 'team-type-youth_league')
    await fill(leader, 'team-parent', TEAM.parent)
    await expectText(leader, 'area-current', '融水苗族自治县')
    await tap(leader, 'area-pick-county')
    await tap(leader, 'team-submit')
    await byId(leader, 'team-result').waitFor()
    const code = (await byId(leader, 'team-code').innerText()).trim()
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    await expectText(leader, 'team-link', `/pages/join/index?code=${code}`)
    await shot(leader, 'team-code', 'team-registered-phone')
    await tap(leader, 'team-roster-link')
    await expectText(leader, 'roster-team', TEAM.name)
    await byId(leader, 'roster-empty').waitFor()

    // The member opens the shared link on his own phone: consent, WeChat, join, then the wizard.
    member = await e2e.open('phone', `/pages/join/index?code=${code}`)
    await acceptPrivacy(member)
    await expect.poll(() => member.locator('#join-code input').inputValue()).toBe(code)
    await tap(member, 'join-wechat')
    await member.waitForURL(/\/packages\/volunteer\/pages\/signup\/index/)
    await expectText(member, 'signup-team', TEAM.name)
    await signUpMember(member)

    // The leader's roster: the member and his status — never his ID number or phone.
    await leader.reload()
    const row = leader.locator('#roster-list .card', { hasText: MEMBER.name })
    await expect.poll(() => row.innerText()).toMatch(/审核中/)
    // The app's own markup, text and attributes (not the whole document, whose bundle hashes and
    // inline fonts in <head> may hold any four digits).
    const roster = await leader.locator('#app').innerHTML()
    expect(roster).not.toContain(MEMBER.id.slice(-4))
    expect(roster).not.toContain(MEMBER.phone.slice(-4))
  })

  it('the coordinator approves one after recording the checks, rejects the other; each sees the outcome', async () => {
    const desk = await e2e.open('desk')
    await acceptPrivacy(desk)
    await deskSignIn(desk, 'demo.coordinator', DEMO_PASSWORD)
    // Two applicants were already waiting in the demo; ours came in after them.
    await expectText(desk, 'home-vetting-link', '志愿者审核（4）')
    await tap(desk, 'home-vetting-link')
    await expectText(desk, 'vetting-filter-submitted', '审核中（4）')
    // A desk reads the queue as a table, the application beside it (the rows keep the cards' ids).
    const cards = desk.locator('#vetting-list [id^="vetting-item-"]')
    await expect.poll(() => cards.count()).toBe(4)
    // Oldest first.
    expect(await cards.nth(0).innerText()).toContain('覃秀梅')
    expect(await cards.nth(3).innerText()).toContain(MEMBER.name)

    // 王秀兰: approval is held back until the three checks are recorded.
    await desk.locator('#vetting-list [id^="vetting-item-"]', { hasText: WANG.name }).click()
    await expectText(desk, 'application-name', WANG.name)
    await expectText(desk, 'application-id', new RegExp(`\\*{14}${WANG.id.slice(-4)}$`))
    await expectText(desk, 'application-phone', '139****0001')
    await expectText(desk, 'application-age', /^\d{2}岁，女$/)
    expect(await desk.content()).not.toContain(WANG.id)
    await expectText(desk, 'decision-approve-blocked', /批准前须完成：当面核验身份、入职查询结果为“无违法犯罪记录”、岗前培训/)
    await tap(desk, 'decision-approve')
    expect(await byId(desk, 'decision-reason').count()).toBe(0)

    await tap(desk, 'check-identity')
    await tap(desk, 'check-criminal-clear')
    await tap(desk, 'check-training')
    await fill(desk, 'check-training-course', '牵手童行爱心家长岗前培训（县妇联）')
    await desk.locator('#check-interview textarea').fill('面谈：照顾过邻居家的孩子，耐心，周末有空。')
    await byId(desk, 'check-identity-date').scrollIntoViewIfNeeded()
    await shot(desk, 'check-identity-date', 'vetting-checks-desk')
    await tap(desk, 'checks-save')
    await byId(desk, 'checks-saved').waitFor()
    await expect.poll(() => byId(desk, 'decision-approve-blocked').count()).toBe(0)
    await tap(desk, 'decision-approve')
    await desk.locator('#decision-reason textarea').fill('身份、入职查询和培训均已完成，欢迎加入！')
    await shot(desk, 'decision-reason', 'vetting-application-desk')
    await tap(desk, 'decision-submit')
    await byId(desk, 'decision-done').waitFor()
    await expectText(desk, 'application-status', '已通过')

    // The member: rejected with a reason, from the same list (still beside the decision just made).
    // A second tab still shows the old state: its decision is refused.
    await expectText(desk, 'vetting-filter-submitted', '审核中（3）')
    await desk.locator('#vetting-list [id^="vetting-item-"]', { hasText: MEMBER.name }).click()
    await expectText(desk, 'application-name', MEMBER.name)
    const stale = await desk.context().newPage()
    await stale.goto(desk.url())
    await expectText(stale, 'application-status', '审核中')

    await tap(desk, 'decision-reject')
    await desk.locator('#decision-reason textarea').fill(REJECT_REASON)
    await tap(desk, 'decision-submit')
    await desk.locator('.taro-model__confirm').click()
    await byId(desk, 'decision-done').waitFor()
    await expectText(desk, 'application-status', '未通过')

    await tap(stale, 'decision-request_info')
    await stale.locator('#decision-reason textarea').fill('请补充工作单位的全称。')
    await tap(stale, 'decision-submit')
    await expectText(stale, 'decision-conflict', '已被他人处理，请刷新')
    await tap(stale, 'decision-refresh')
    await expectText(stale, 'application-status', '未通过')
    await stale.close()

    // Each sees the outcome: 王阿姨 approved and waiting for a pairing, now wearing the volunteer role …
    await wang.reload()
    await expectText(wang, 'status-label', '已通过')
    await expectText(wang, 'status-next', /等待为您安排结对/)
    await expectText(wang, 'status-reason', '身份、入职查询和培训均已完成，欢迎加入！')
    await shot(wang, 'status-label', 'volunteer-status-approved-phone')
    // Editing: the identity section warns that a new name or ID number means vetting again …
    await tap(wang, 'status-edit-identity')
    await expectText(wang, 'signup-edit-warning', /需要妇联重新核验身份/)
    await tap(wang, 'signup-cancel')
    // … a new phone number does not.
    await tap(wang, 'status-edit-phone')
    await expectText(wang, 'signup-phone-saved', '139****0001')
    await tap(wang, 'signup-phone-change')
    await fill(wang, 'signup-phone', '13877100009')
    await tap(wang, 'signup-save')
    await expectText(wang, 'status-phone', /138\*{4}0009/)
    await expectText(wang, 'status-label', '已通过')
    await wang.goto(url('/pages/home/index'))
    await expectText(wang, 'home-role', '爱心家长')
    await expectText(wang, 'home-volunteer-status-link', '我的报名：已通过')

    // … the member with the reason …
    await member.reload()
    await expectText(member, 'status-label', '未通过')
    await expectText(member, 'status-reason', REJECT_REASON)
    expect(await byId(member, 'status-withdraw').count()).toBe(0)

    // … and the leader's roster.
    await leader.reload()
    await expect.poll(() => leader.locator('#roster-list .card', { hasText: MEMBER.name }).innerText()).toMatch(/未通过/)
  })
})
