import { describe, expect, it } from 'vitest'
import { cadenceOf, checkinTimeProblems, honourName, pointsFor } from './rules'

const GX = '450225101201'
const cadence = (startDate: string, firstPeriodContacts: number, lastContactOn: string | null, today: string) =>
  cadenceOf({ startDate, firstPeriodContacts, lastContactOn }, GX, today)

describe('cadenceOf: two contacts in the first month, then at least monthly', () => {
  it('wants the first contact within two weeks of the start', () => {
    expect(cadence('2026-03-01', 0, null, '2026-03-01')).toMatchObject({ phase: 'first_month', nextDueOn: '2026-03-15', health: 'on_track', firstMonthRequired: 2 })
    expect(cadence('2026-03-01', 0, null, '2026-03-10').health).toBe('due')
    expect(cadence('2026-03-01', 0, null, '2026-03-15').health).toBe('due')
    expect(cadence('2026-03-01', 0, null, '2026-03-16').health).toBe('overdue')
  })

  it('wants the second by the end of the first month', () => {
    expect(cadence('2026-03-01', 1, '2026-03-05', '2026-03-20')).toMatchObject({ phase: 'first_month', nextDueOn: '2026-04-01', health: 'on_track', firstMonthContacts: 1 })
    expect(cadence('2026-03-01', 1, '2026-03-05', '2026-03-28').health).toBe('due')
    expect(cadence('2026-03-01', 1, '2026-03-05', '2026-04-02').health).toBe('overdue')
  })

  it('then rolls monthly from the last confirmed contact', () => {
    expect(cadence('2026-03-01', 2, '2026-03-20', '2026-03-25')).toMatchObject({ phase: 'monthly', nextDueOn: '2026-04-20', health: 'on_track' })
    // A first month missed stays missed, not due forever: a later contact starts the monthly rhythm.
    expect(cadence('2026-03-01', 1, '2026-04-10', '2026-04-12')).toMatchObject({ phase: 'monthly', nextDueOn: '2026-05-10' })
  })

  it('calls an active pairing stale after 60 days without a confirmed contact, from the start until the first', () => {
    expect(cadence('2026-03-01', 0, null, '2026-04-29')).toMatchObject({ health: 'overdue', daysWithoutContact: 59 })
    expect(cadence('2026-03-01', 0, null, '2026-04-30')).toMatchObject({ health: 'stale', daysWithoutContact: 60 })
    expect(cadence('2026-03-01', 2, '2026-03-20', '2026-05-19').health).toBe('stale')
  })

  it('crosses the year boundary and clamps month ends', () => {
    expect(cadence('2025-12-20', 0, null, '2025-12-25').nextDueOn).toBe('2026-01-03')
    expect(cadence('2025-12-20', 1, '2025-12-28', '2026-01-02').nextDueOn).toBe('2026-01-20')
    expect(cadence('2025-12-20', 2, '2026-01-15', '2026-01-16').nextDueOn).toBe('2026-02-15')
    expect(cadence('2025-12-20', 2, '2026-01-31', '2026-02-01').nextDueOn).toBe('2026-02-28')
  })
})

describe('pointsFor', () => {
  it('gives a point an hour, rounded to the nearest half', () => {
    expect([90, 100, 110, 45, 60, 720, 10].map((m) => pointsFor(m, GX))).toEqual([1.5, 1.5, 2, 1, 1, 12, 0])
  })
})

describe('checkinTimeProblems', () => {
  const now = new Date('2026-03-02T02:00:00Z')
  const ago = (min: number) => new Date(now.getTime() - min * 60_000)
  it('allows five minutes of clock skew and refuses what has not ended yet', () => {
    expect(checkinTimeProblems(ago(-4), 1, now, null)).toBeNull()
    expect(checkinTimeProblems(ago(-6), 1, now, null)).toEqual({ startedAt: '开始时间不能晚于现在' })
    expect(checkinTimeProblems(ago(60), 90, now, null)).toHaveProperty('durationMinutes')
    expect(checkinTimeProblems(ago(60), 60, now, '2026-03-02')).toBeNull()
    expect(checkinTimeProblems(ago(60 * 11), 60, now, '2026-03-02')).toEqual({ startedAt: '开始时间早于结对开始日期' })
  })
})

describe('honourName', () => {
  it('uses the real name only when chosen, otherwise the way children call the volunteer', () => {
    expect(honourName({ realName: '王秀兰', gender: 'female', kind: 'love_mother' }, false)).toBe('王阿姨')
    expect(honourName({ realName: '王秀兰', gender: 'female', kind: 'love_mother' }, true)).toBe('王秀兰')
    expect(honourName({ realName: '欧阳娜娜', gender: 'female', kind: 'youth' }, false)).toBe('欧阳姐姐')
    expect(honourName({ realName: '李强', gender: 'male', kind: 'workplace' }, false)).toBe('李叔叔')
    expect(honourName({ realName: '张伟', gender: null, kind: null }, false)).toBe('张老师')
  })
})
