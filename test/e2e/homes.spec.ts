/**
 * Issue 19, done when: every role's home opens on the day's work, at phone and desk sizes (a
 * screenshot of each: the README's gallery), each home's counts equal what the API lists, and each
 * role's main task is walked from its home with the taps counted.
 *
 * Screenshots go to test/artifacts/gallery/; with GALLERY=1 also to docs/gallery/ (committed, shown
 * in the README) — so an ordinary `npm test` never changes tracked files.
 */
import { copyFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { handoverYear } from '@qstx/shared'
import { ARTIFACTS, byId, expectText, settled, useE2e, type Device } from './helpers'
import { ROOT } from '../../scripts/client-build.mjs'

const e2e = useE2e()
const GALLERY = path.join(ARTIFACTS, 'gallery')
const DOCS_GALLERY = path.join(ROOT, 'docs/gallery')

// The forms' dates are the browser's real clock; the server must agree on "today".
beforeAll(() => e2e.server.ctx.clock.set(new Date()))

interface Session {
  page: Page
  token: string
  /** Taps made so far: the walks count them. */
  taps: number
}

/** A person on a device, signed in as a returning user is (session and privacy consent kept), on home. */
async function homeOf(persona: string, device: Device): Promise<Session> {
  return { ...(await e2e.homeOf(persona, device)), taps: 0 }
}

async function tapIn(s: Session, id: string): Promise<void> {
  await byId(s.page, id).click()
  s.taps++
}

async function api<T = Record<string, unknown>>(s: Session, url: string): Promise<T> {
  const res = await fetch(new URL(url, e2e.url), { headers: { authorization: `Bearer ${s.token}` } })
  expect(res.status, url).toBe(200)
  return (await res.json()) as T
}

/** The number a home shows (`#<id>-count`, data-count). */
const shown = async (s: Session, id: string) => Number(await byId(s.page, `${id}-count`).getAttribute('data-count'))
const total = async (s: Session, url: string) => (await api<{ total: number }>(s, url)).total

/** The first screen, as the person sees it on opening the app. */
async function galleryShot(s: Session, name: string): Promise<void> {
  await settled(s.page, 'home-work')
  mkdirSync(GALLERY, { recursive: true })
  const file = path.join(GALLERY, `${name}.jpg`)
  await s.page.screenshot({ path: file, type: 'jpeg', quality: 70, scale: 'css' })
  if (process.env.GALLERY === '1') {
    mkdirSync(DOCS_GALLERY, { recursive: true })
    copyFileSync(file, path.join(DOCS_GALLERY, `${name}.jpg`))
  }
}

/** The work section comes first: its top is on the first screen, above the notifications and links. */
async function expectWorkFirst(s: Session): Promise<void> {
  const work = (await byId(s.page, 'home-work').boundingBox())!
  expect(work.y).toBeLessThan(s.page.viewportSize()!.height / 2)
  const notifications = (await byId(s.page, 'home-notifications').boundingBox())!
  expect(notifications.y).toBeGreaterThan(work.y)
}

const ROLES = [
  { key: 'volunteer', persona: 'demo.volunteer.wang' },
  { key: 'applicant', persona: 'demo.applicant.qin' },
  { key: 'team-leader', persona: 'demo.leader' },
  { key: 'child-director', persona: 'demo.director.guding' },
  { key: 'coordinator', persona: 'demo.coordinator' },
  { key: 'supervisor', persona: 'demo.supervisor.hemu' },
  { key: 'civil-affairs', persona: 'demo.civil' },
  { key: 'admin', persona: 'demo.admin' },
] as const

describe('every home opens on the work, at phone and desk sizes', () => {
  for (const role of ROLES) {
    it(`${role.key}: the work first on a phone; on a desk beside the side navigation, without the tab bar`, async () => {
      const phone = await homeOf(role.persona, 'phone')
      await expectWorkFirst(phone)
      await galleryShot(phone, `${role.key}-phone`)
      expect(await byId(phone.page, 'desk-nav').count()).toBe(0)

      const desk = await homeOf(role.persona, 'desk')
      await expectWorkFirst(desk)
      await byId(desk.page, 'desk-nav-home').waitFor()
      expect(await desk.page.locator('.taro-tabbar__tabbar').isVisible()).toBe(false)
      await galleryShot(desk, `${role.key}-desk`)
      // The duties paragraph is folded behind 我的职责 (roles only: the applicant has none).
      if (role.key !== 'applicant') {
        expect(await byId(desk.page, 'home-duties').count()).toBe(0)
        await byId(desk.page, 'home-duties-link').click()
        await byId(desk.page, 'home-duties').waitFor()
      }
    })
  }
})

describe("each home's counts are what the lists' API answers", () => {
  it('李主任: overdue and due this week, visits to confirm, files to complete, proposals to confirm', async () => {
    const s = await homeOf('demo.director.guding', 'phone')
    const year = handoverYear(new Date().toISOString().slice(0, 10))
    expect(await shown(s, 'home-count-overdue')).toBe(await total(s, '/api/duty/calendar?status=overdue'))
    expect(await shown(s, 'home-count-due-soon')).toBe(await total(s, '/api/duty/calendar?status=due_soon'))
    expect(await shown(s, 'home-count-to-complete')).toBe(await total(s, `/api/children?toComplete=${year}`))
    expect(await shown(s, 'home-count-proposed')).toBe(await total(s, '/api/pairings?state=proposed'))
    const queue = await total(s, '/api/checkins/queue')
    expect(queue).toBeGreaterThan(0)
    await expectText(s.page, 'home-confirm', `走访待确认（${queue}）`)
  })

  it('陈姐: applications, pairings to approve, quiet pairings, priority children without a love parent', async () => {
    const s = await homeOf('demo.coordinator', 'desk')
    expect(await shown(s, 'home-count-submitted')).toBe(await total(s, '/api/vetting/queue?status=submitted'))
    expect(await shown(s, 'home-count-info-requested')).toBe(await total(s, '/api/vetting/queue?status=info_requested'))
    expect(await shown(s, 'home-count-stale')).toBe(await total(s, '/api/pairings?stale=true'))
    expect(await shown(s, 'home-count-priority')).toBe(await total(s, '/api/pairings/priority-children'))
    const approvals = await total(s, '/api/pairings?state=acknowledged')
    expect(approvals).toBeGreaterThan(0)
    await expectText(s.page, 'home-approvals', `结对待审批（${approvals}）`)
  })

  for (const persona of ['demo.supervisor.hemu', 'demo.civil']) {
    it(`${persona}: coverage, overdue, open reports and this month's deadlines`, async () => {
      const s = await homeOf(persona, 'desk')
      expect(await shown(s, 'home-count-children')).toBe(await total(s, '/api/children'))
      expect(await shown(s, 'home-count-paired')).toBe(await total(s, '/api/pairings?state=active'))
      const dashboard = await api<{ totals: { visitedThisMonth: number } }>(s, '/api/dashboard')
      expect(await shown(s, 'home-count-visited')).toBe(dashboard.totals.visitedThisMonth)
      expect(await shown(s, 'home-count-overdue')).toBe(await total(s, '/api/duty/calendar?status=overdue'))
      const reports = await api<{ items: unknown[] }>(s, '/api/safeguarding/reports?open=true')
      expect(await shown(s, 'home-count-reports')).toBe(reports.items.length)
      expect(await s.page.locator('#home-deadlines [id^="home-deadline-"]').count()).toBeGreaterThan(0)
    })
  }

  it('小张: the team members by where their application stands', async () => {
    const s = await homeOf('demo.leader', 'phone')
    const team = await api<{ id: string }>(s, '/api/teams/mine')
    const roster = await api<{ items: Array<{ status: string }> }>(s, `/api/teams/${team.id}/members`)
    expect(await shown(s, 'home-count-members-approved')).toBe(roster.items.filter((m) => m.status === 'approved').length)
    expect(await shown(s, 'home-count-members-draft')).toBe(roster.items.filter((m) => m.status === 'draft').length)
  })

  it('王阿姨: one card per child she is paired with, with the next contact due', async () => {
    const s = await homeOf('demo.volunteer.wang', 'phone')
    const mine = await api<{ items: Array<{ id: string; state: string }> }>(s, '/api/pairings/mine')
    const live = mine.items.filter((p) => p.state === 'active' || p.state === 'paused')
    expect(live.length).toBeGreaterThan(0)
    expect(await s.page.locator('#home-work [id^="home-pairing-"]').count()).toBe(live.length)
    await expectText(s.page, `home-due-${live[0]!.id}`, /下次联系|该联系了/)
  })
})

describe("each role's main task, walked from home (taps counted)", () => {
  const taps: Record<string, number> = {}

  it('王阿姨 records a visit: 记一次服务, the form, 提交', async () => {
    const s = await homeOf('demo.volunteer.wang', 'phone')
    const pairing = (await api<{ items: Array<{ id: string; state: string }> }>(s, '/api/pairings/mine')).items.find((p) => p.state === 'active')!
    const before = (await api<{ totals: { pending: number } }>(s, '/api/checkins/mine')).totals.pending
    await tapIn(s, `home-checkin-${pairing.id}`)
    await settled(s.page, 'checkin-child')
    await tapIn(s, 'checkin-mode-home_visit')
    await tapIn(s, 'checkin-service-reading')
    await tapIn(s, 'checkin-duration-preset-60')
    await s.page.locator('#checkin-summary textarea').fill('一起读了绘本，聊了学校的事')
    await tapIn(s, 'checkin-submit')
    await expect.poll(async () => (await api<{ totals: { pending: number } }>(s, '/api/checkins/mine')).totals.pending).toBe(before + 1)
    taps.volunteer = s.taps
    expect(s.taps).toBeLessThanOrEqual(5)
  })

  it('李主任 confirms a visit right on home: one tap', async () => {
    const s = await homeOf('demo.director.guding', 'phone')
    const queue = await api<{ total: number; items: Array<{ id: string }> }>(s, '/api/checkins/queue')
    await tapIn(s, `home-confirm-${queue.items[0]!.id}`)
    await expect.poll(() => total(s, '/api/checkins/queue')).toBe(queue.total - 1)
    await expectText(s.page, 'home-confirm', `走访待确认（${queue.total - 1}）`)
    taps.director = s.taps
    expect(s.taps).toBe(1)
  })

  it('陈姐 approves a pairing the family agreed to: open it from home, 批准, 确认', async () => {
    const s = await homeOf('demo.coordinator', 'desk')
    const waiting = await api<{ items: Array<{ id: string }> }>(s, '/api/pairings?state=acknowledged')
    const id = waiting.items[0]!.id
    await tapIn(s, `home-approval-${id}`)
    await tapIn(s, 'pairing-action-approve')
    await tapIn(s, 'pairing-submit')
    await expectText(s.page, 'pairing-state', '结对中')
    taps.coordinator = s.taps
    expect(s.taps).toBe(3)
  })

  it('赵督导 follows up the overdue children: one tap to the list it counted', async () => {
    const s = await homeOf('demo.supervisor.hemu', 'phone')
    const overdue = await shown(s, 'home-count-overdue')
    await tapIn(s, 'home-count-overdue')
    await expectText(s.page, 'duty-filter-overdue', `已逾期（${overdue}）`)
    await expect.poll(() => s.page.locator('#duty-list [id^="duty-row-"]').count()).toBe(Math.min(overdue, 50))
    taps.supervisor = s.taps
  })

  it('县民政 reads the audit trail from the side navigation: one tap', async () => {
    const s = await homeOf('demo.civil', 'desk')
    await tapIn(s, 'desk-nav-audit')
    await byId(s.page, 'audit-list').waitFor()
    expect(await s.page.locator('#audit-list tbody tr').count()).toBeGreaterThan(0)
    taps.civil = s.taps
  })

  it('小张 opens the roster; an applicant opens where the application stands; the admin invites', async () => {
    const leader = await homeOf('demo.leader', 'phone')
    await tapIn(leader, 'home-team-more')
    await byId(leader.page, 'roster-list').waitFor()
    const applicant = await homeOf('demo.applicant.qin', 'phone')
    await tapIn(applicant, 'home-application-status')
    await byId(applicant.page, 'status-label').waitFor()
    const admin = await homeOf('demo.admin', 'desk')
    await tapIn(admin, 'home-invitations-link')
    await byId(admin.page, 'invitation-new').waitFor()
    Object.assign(taps, { leader: leader.taps, applicant: applicant.taps, admin: admin.taps })
    console.log(`taps from home to the main task: ${JSON.stringify(taps)}`)
  })
})
