import { describe, expect, it } from 'vitest'
import { deadlinesAhead, handoverYear } from './deadlines'

describe('handoverYear', () => {
  it("completes last year's files in January and this year's from February", () => {
    expect(handoverYear('2027-01-31')).toBe(2026)
    expect(handoverYear('2027-02-01')).toBe(2027)
    expect(handoverYear('2026-12-31')).toBe(2026)
  })
})

describe('deadlinesAhead', () => {
  it("lists this month's deadlines: the Guangxi report on 1 December", () => {
    expect(deadlinesAhead('450225', '2026-12-01')).toEqual([{ kind: 'annual_report', date: '2026-12-01', year: 2026 }])
  })

  it('after the day has passed, names the next one instead', () => {
    expect(deadlinesAhead('450225', '2026-12-02')).toEqual([{ kind: 'handover', date: '2027-01-31', year: 2026 }])
    expect(deadlinesAhead('140500', '2026-03-10')).toEqual([{ kind: 'annual_report', date: '2026-12-05', year: 2026 }])
  })

  it('in January the hand-over of last year is the deadline of the month', () => {
    expect(deadlinesAhead('450225', '2027-01-05')).toEqual([{ kind: 'handover', date: '2027-01-31', year: 2026 }])
  })

  it('a province without a reporting deadline still has the hand-over', () => {
    expect(deadlinesAhead('330100', '2026-06-01')).toEqual([{ kind: 'handover', date: '2027-01-31', year: 2026 }])
  })
})
