import { describe, expect, it } from 'vitest'
import { entrustedReview, entrustedReviewDue, followUpAfterFinding, followUpAfterStep } from './entrusted'
import { SCHOOL_HOLIDAYS, holidaysOf } from './holidays'
import { directorsNeeded, staffingFlag, trainedIn } from './staffing'
import { coverageWindow, nextWaterSafetyWindow, waterSafetyStatus, waterSafetyWindow, windowsOfYear } from './water-safety'

const GX = '450225101201' // 融水县古顶村
const SX = '140525100201' // a village of 山西

describe('school holidays', () => {
  it('hold both provinces\' winter and summer holidays, each well formed and in order', () => {
    for (const p of ['45', '14']) {
      const hs = holidaysOf(p)
      expect(hs.map((h) => h.kind)).toEqual(['summer', 'winter', 'summer', 'winter', 'summer'])
      for (const h of hs) expect(h.startsOn < h.endsOn && h.source.length > 0).toBe(true)
      for (let i = 1; i < hs.length; i++) expect(hs[i - 1]!.endsOn < hs[i]!.startsOn).toBe(true)
    }
    expect(new Set(SCHOOL_HOLIDAYS.map((h) => h.key)).size).toBe(SCHOOL_HOLIDAYS.length)
  })
})

describe('water-safety windows: four weeks before each holiday, due the day before, counted until it ends', () => {
  it('opens on the 28th day before Guangxi\'s summer holiday (4 July 2026), not the 29th', () => {
    expect(waterSafetyWindow(GX, '2026-06-05')).toBeNull()
    expect(waterSafetyWindow(GX, '2026-06-06')).toMatchObject({ opensOn: '2026-06-06', dueOn: '2026-07-03', closesOn: '2026-08-31' })
    expect(waterSafetyWindow(GX, '2026-08-31')?.holiday.key).toBe('45-2026-summer')
    expect(waterSafetyWindow(GX, '2026-09-01')).toBeNull()
    expect(nextWaterSafetyWindow(GX, '2026-09-01')?.holiday.key).toBe('45-2027-winter')
  })

  it('follows Shanxi\'s own calendar: summer from 11 July 2026, so the window opens on 13 June', () => {
    expect(waterSafetyWindow(SX, '2026-06-12')).toBeNull()
    expect(waterSafetyWindow(SX, '2026-06-13')).toMatchObject({ dueOn: '2026-07-10', closesOn: '2026-08-31' })
    expect(waterSafetyWindow(SX, '2027-01-15')?.holiday.key).toBe('14-2027-winter')
    expect(waterSafetyWindow(SX, '2026-12-19')?.holiday.key).toBe('14-2027-winter')
    expect(waterSafetyWindow(SX, '2026-12-18')).toBeNull()
  })

  it('has no window where no school calendar is entered', () => {
    expect(waterSafetyWindow('330100000000', '2026-06-20')).toBeNull()
    expect(coverageWindow('330100000000', '2026-06-20')).toBeNull()
  })

  it('reports coverage for the holiday in force, or else the last one closed', () => {
    expect(coverageWindow(GX, '2026-07-10')?.holiday.key).toBe('45-2026-summer')
    expect(coverageWindow(GX, '2026-10-01')?.holiday.key).toBe('45-2026-summer')
    expect(windowsOfYear(GX, 2026).map((w) => w.holiday.key)).toEqual(['45-2026-winter', '45-2026-summer'])
  })

  it('counts a talk inside the window as done, and otherwise uses the duty statuses against the day before the holiday', () => {
    const w = waterSafetyWindow(GX, '2026-06-20')!
    expect(waterSafetyStatus(w, null, '2026-06-20', 7)).toBe('ok')
    expect(waterSafetyStatus(w, null, '2026-06-26', 7)).toBe('due_soon')
    expect(waterSafetyStatus(w, null, '2026-07-03', 7)).toBe('due_soon')
    expect(waterSafetyStatus(w, null, '2026-07-04', 7)).toBe('overdue')
    expect(waterSafetyStatus(w, '2026-06-05', '2026-06-20', 7)).toBe('ok')
    expect(waterSafetyStatus(w, '2026-06-06', '2026-06-20', 7)).toBe('done')
    expect(waterSafetyStatus(w, '2026-07-20', '2026-07-20', 7)).toBe('done')
  })
})

describe('entrusted care', () => {
  it('re-assesses a year after the last assessment, or a year after the later of filing and the arrangement', () => {
    expect(entrustedReviewDue({ filedOn: '2025-01-05', since: '2020-03-01', lastAssessedOn: '2025-03-02' })).toBe('2026-03-02')
    expect(entrustedReviewDue({ filedOn: '2025-01-05', since: '2020-03-01', lastAssessedOn: null })).toBe('2026-01-05')
    expect(entrustedReviewDue({ filedOn: '2025-01-05', since: '2025-06-30', lastAssessedOn: null })).toBe('2026-06-30')
    expect(entrustedReviewDue({ filedOn: '2023-01-05', since: null, lastAssessedOn: '2024-02-29' })).toBe('2025-02-28')
    expect(entrustedReview({ filedOn: '2025-01-05', since: null, lastAssessedOn: '2025-03-02' }, '2026-03-02', 7).status).toBe('due_soon')
    expect(entrustedReview({ filedOn: '2025-01-05', since: null, lastAssessedOn: '2025-03-01' }, '2026-03-02', 7).status).toBe('overdue')
    expect(entrustedReview({ filedOn: '2025-01-05', since: null, lastAssessedOn: '2025-03-10' }, '2026-03-02', 7).status).toBe('ok')
  })

  it('asks for the parents to be told first, then a new carer or help for the old one', () => {
    expect(followUpAfterFinding('capable')).toBeNull()
    expect(followUpAfterFinding('neglects')).toBe('notify_parents')
    expect(followUpAfterStep(null, 'parents_notified')).toEqual({ ok: false })
    expect(followUpAfterStep('notify_parents', 'carer_changed')).toEqual({ ok: false })
    expect(followUpAfterStep('notify_parents', 'parents_notified')).toEqual({ ok: true, next: 'resolve' })
    expect(followUpAfterStep('resolve', 'carer_supported')).toEqual({ ok: true, next: null })
    expect(followUpAfterStep('resolve', 'carer_changed')).toEqual({ ok: true, next: null })
    expect(followUpAfterStep(null, 'carer_changed')).toEqual({ ok: true, next: null })
  })
})

describe('directors', () => {
  it('wants an extra director above 30 served children, not at 30', () => {
    expect(directorsNeeded(30)).toBe(1)
    expect(directorsNeeded(31)).toBe(2)
    expect(staffingFlag(30, 1)).toBeNull()
    expect(staffingFlag(31, 1)).toBe('needs_extra_director')
    expect(staffingFlag(31, 2)).toBeNull()
    expect(staffingFlag(3, 0)).toBe('no_director')
    expect(staffingFlag(0, 0)).toBeNull()
  })

  it('counts a training in the calendar year it was held', () => {
    expect(trainedIn(['2025-12-31'], 2026)).toBe(false)
    expect(trainedIn(['2025-12-31', '2026-01-01'], 2026)).toBe(true)
    expect(trainedIn(['2026-12-31'], 2027)).toBe(false)
  })
})
